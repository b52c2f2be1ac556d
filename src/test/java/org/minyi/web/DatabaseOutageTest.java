package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.DroppingProxy;
import org.minyi.support.Http;
import org.minyi.support.PieceFixtures;
import org.minyi.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database out of reach for a few seconds, then back: requests in between get 503
 * with a JSON body (never a 500 with a stack trace), and the application serves again
 * without a restart. PostgreSQL only, through a TCP proxy that is cut and restored; this
 * class has its own application (the one exception to the shared context) because its
 * connections go through the proxy, with a short pool timeout so that requests fail fast
 * while the database is away.
 */
@ExtendWith(DatabaseOutageTest.ProxiedDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = TestDatabase.KIND_PROPERTY, matches = "postgres")
@DirtiesContext
class DatabaseOutageTest {

	private static final Duration OUTAGE = Duration.ofSeconds(5);

	private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(15);

	private static final String OUTAGE_TITLE = "关于数据库中断期间提交的建议";

	private static DroppingProxy proxy;

	private static String proxiedUrl;

	/** The engine of the shared test application, if it runs. */
	private static ProcessEngine sharedEngine;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	PieceRepository pieces;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper objectMapper;

	@DynamicPropertySource
	static void throughProxy(DynamicPropertyRegistry registry) {
		Map<String, String> database = TestDatabase.postgres();
		registry.add("spring.datasource.url", () -> proxiedUrl);
		registry.add("spring.datasource.username", () -> database.get("spring.datasource.username"));
		registry.add("spring.datasource.password", () -> database.get("spring.datasource.password"));
		registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
		registry.add("spring.datasource.hikari.validation-timeout", () -> "1000");
		// The webapps keep JVM-wide state, and are not what this test is about.
		registry.add("camunda.bpm.webapp.enabled", () -> "false");
	}

	/**
	 * Starts the proxy before this class's application and closes it after. The engine
	 * registers itself by name in a JVM-wide registry, replacing the shared test
	 * application's engine while this application runs and removing it when this one
	 * closes; so that engine-rest of the shared application finds its engine again, it is
	 * registered again. Declared before {@code @SpringBootTest}, so that this runs after
	 * the application is closed.
	 */
	static class ProxiedDatabase implements BeforeAllCallback, AfterAllCallback {

		@Override
		public void beforeAll(ExtensionContext context) throws Exception {
			sharedEngine = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
			URI url = URI.create(TestDatabase.postgres().get("spring.datasource.url").substring("jdbc:".length()));
			proxy = new DroppingProxy(InetAddress.getByName(url.getHost()), (url.getPort() > 0) ? url.getPort() : 5432);
			proxiedUrl = "jdbc:postgresql://127.0.0.1:" + proxy.port() + url.getRawPath()
					+ ((url.getRawQuery() != null) ? "?" + url.getRawQuery() : "");
		}

		@Override
		public void afterAll(ExtensionContext context) throws Exception {
			if (sharedEngine != null) {
				ProcessEngines.registerProcessEngine(sharedEngine);
			}
			proxy.close();
		}

	}

	/** One request during the outage: what it was, what came back, how long it took. */
	record Probe(String request, int status, String retryAfter, String body, long millis) {
	}

	@Test
	void shouldAnswer503WhileTheDatabaseIsAwayAndServeAgainWithoutARestart() throws Exception {
		Map<String, Supplier<ResponseEntity<String>>> requests = Map.of("GET /api/pieces/mine",
				() -> call("wangfang", HttpMethod.GET, "/api/pieces/mine", null), "POST /api/pieces",
				() -> call("wangfang", HttpMethod.POST, "/api/pieces",
						PieceFixtures.piece().title(OUTAGE_TITLE).build()),
				"GET /engine-rest/task",
				() -> call("liqiang", HttpMethod.GET, "/engine-rest/task?firstResult=0&maxResults=15", null),
				"GET /actuator/health", () -> call(null, HttpMethod.GET, "/actuator/health", null));
		for (var request : requests.entrySet()) {
			assertThat(request.getValue().get().getStatusCode().is2xxSuccessful()).as("before: " + request.getKey())
				.isTrue();
		}

		long submittedBefore = outageTitled();
		long cutAt = System.nanoTime();
		proxy.cut();
		List<Probe> probes = during(OUTAGE, requests);
		proxy.restore();
		long restoredAt = System.nanoTime();

		Map<String, Integer> statuses = new TreeMap<>();
		for (Probe probe : probes) {
			statuses.merge(probe.request() + " " + probe.status(), 1, Integer::sum);
			assertThat(probe.status()).as(probe.toString()).isEqualTo(503);
			assertThat(probe.body()).as(probe.toString()).doesNotContain("Exception").doesNotContain("at org.");
			if (probe.request().contains("/api/")) {
				assertThat(this.objectMapper.readValue(probe.body(), Map.class)).as(probe.toString())
					.containsEntry("code", "DATABASE_UNAVAILABLE")
					.containsEntry("message", "数据库暂时不可用，请稍后重试");
				assertThat(probe.retryAfter()).as(probe.toString()).isNotNull();
			}
			else if (probe.request().contains("/engine-rest/")) {
				assertThat(this.objectMapper.readValue(probe.body(), Map.class)).as(probe.toString())
					.containsEntry("errorCode", "DATABASE_UNAVAILABLE")
					.containsEntry("message", "[DATABASE_UNAVAILABLE] 数据库暂时不可用，请稍后重试");
				assertThat(probe.retryAfter()).as(probe.toString()).isNotNull();
			}
			else {
				assertThat(this.objectMapper.readValue(probe.body(), Map.class)).containsEntry("status", "DOWN");
			}
		}
		assertThat(statuses.keySet()).as("every kind of request was tried during the outage").hasSize(requests.size());

		Map<String, Long> recovery = new TreeMap<>();
		for (var request : requests.entrySet()) {
			recovery.put(request.getKey(), millisUntilSuccess(request.getValue(), restoredAt));
		}
		assertThat(recovery.values()).allMatch((millis) -> millis < RECOVERY_LIMIT.toMillis());

		assertThat(outageTitled()).as("no piece from the outage, one from the first request that succeeded after it")
			.isEqualTo(submittedBefore + 1);
		submitAndRegisterAfterTheOutage();

		System.out.printf(
				"[DatabaseOutageTest] outage %d ms, %d requests during it: %s, slowest %d ms; recovered after restore in %s ms%n",
				TimeUnit.NANOSECONDS.toMillis(restoredAt - cutAt), probes.size(), statuses,
				probes.stream().mapToLong(Probe::millis).max().orElse(0), recovery);
	}

	private long outageTitled() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM minyi_piece WHERE title = ?", Long.class, OUTAGE_TITLE);
	}

	/**
	 * After the outage a piece is submitted over the API and registered over engine-rest.
	 */
	private void submitAndRegisterAfterTheOutage() throws Exception {
		ResponseEntity<Map<String, Object>> submitted = new Http(this.rest).post("wangfang", "/api/pieces",
				PieceFixtures.piece().title("关于数据库恢复后提交的建议").build());
		assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String instanceId = this.pieces.findById(((Number) submitted.getBody().get("id")).longValue())
			.orElseThrow()
			.processInstanceId();
		ResponseEntity<String> tasks = call("liqiang", HttpMethod.GET,
				"/engine-rest/task?firstResult=0&maxResults=15&processInstanceId=" + instanceId, null);
		List<?> open = this.objectMapper.readValue(tasks.getBody(), List.class);
		assertThat(open).hasSize(1);
		String taskId = (String) ((Map<?, ?>) open.get(0)).get("id");
		Map<String, Object> variables = new java.util.HashMap<>();
		PieceFixtures.accept(false).forEach((name, value) -> variables.put(name, Map.of("value", value)));
		assertThat(call("liqiang", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", variables))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		List<?> next = this.objectMapper.readValue(call("liqiang", HttpMethod.GET,
				"/engine-rest/task?firstResult=0&maxResults=15&processInstanceId=" + instanceId, null)
			.getBody(), List.class);
		assertThat(next).singleElement()
			.extracting((task) -> ((Map<?, ?>) task).get("taskDefinitionKey"))
			.isEqualTo(PieceProcess.TASK_EDIT);
	}

	/**
	 * Each kind of request sent again and again, in parallel, until the outage has lasted
	 * this long.
	 */
	private List<Probe> during(Duration outage, Map<String, Supplier<ResponseEntity<String>>> requests)
			throws Exception {
		long end = System.nanoTime() + outage.toNanos();
		List<Probe> probes = Collections.synchronizedList(new ArrayList<>());
		ExecutorService threads = Executors.newFixedThreadPool(requests.size());
		try {
			List<Future<?>> running = new ArrayList<>();
			for (var request : requests.entrySet()) {
				running.add(threads.submit(() -> {
					while (System.nanoTime() < end) {
						long start = System.nanoTime();
						ResponseEntity<String> answer = request.getValue().get();
						probes.add(new Probe(request.getKey(), answer.getStatusCode().value(),
								answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), answer.getBody(),
								TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
					}
				}));
			}
			for (Future<?> thread : running) {
				thread.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		return probes;
	}

	/** Sends the request until it succeeds; the time since the database came back. */
	private long millisUntilSuccess(Supplier<ResponseEntity<String>> request, long restoredAt) throws Exception {
		long limit = restoredAt + RECOVERY_LIMIT.toNanos();
		while (!request.get().getStatusCode().is2xxSuccessful()) {
			assertThat(System.nanoTime()).as("recovered within %s", RECOVERY_LIMIT).isLessThan(limit);
			Thread.sleep(100);
		}
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restoredAt);
	}

	private ResponseEntity<String> call(String userId, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		TestRestTemplate client = (userId != null) ? this.rest.withBasicAuth(userId, "demo") : this.rest;
		return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

}
