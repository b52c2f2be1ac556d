package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * No expression a client sends is evaluated, on any task query route of engine-rest or of
 * Tasklist's API: ad hoc (body at any depth and query string), extending a filter, and
 * stored filters even for an administrator. Each expression would create a file; the
 * answer is 400 {@code EXPRESSION_NOT_ALLOWED} and the file never appears.
 */
@MinyiIntegrationTest
class QueryExpressionTest {

	private static Path marker;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	FilterService filterService;

	@BeforeAll
	static void chooseMarker() throws IOException {
		Path directory = Files.createTempDirectory("minyi-expression");
		marker = directory.resolve("pwned");
	}

	@AfterAll
	static void removeMarker() throws IOException {
		Files.deleteIfExists(marker);
		Files.deleteIfExists(marker.getParent());
	}

	/** What an attacker sends: it would run {@code touch} on the server. */
	static String command() {
		return "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"touch "
				+ marker + "\")}";
	}

	/** One route and payload, sent as this caller. */
	record Probe(String name, String caller, boolean webapp, HttpMethod method, String path,
			Function<String, Object> body) {

		@Override
		public String toString() {
			return (this.webapp ? "Tasklist API " : "engine-rest ") + this.name;
		}

	}

	static Stream<Probe> probes() {
		List<Probe> probes = new ArrayList<>();
		for (boolean webapp : List.of(false, true)) {
			String filter = "{filter}";
			probes.add(new Probe("POST task, or branch", "wangfang", webapp, HttpMethod.POST, "/task",
					(expression) -> Map.of("orQueries", List.of(Map.of("assigneeExpression", expression)))));
			probes.add(new Probe("POST task/count, or branch", "wangfang", webapp, HttpMethod.POST, "/task/count",
					(expression) -> Map.of("orQueries", List.of(Map.of("candidateUserExpression", expression)))));
			probes.add(new Probe("POST task, top level", "wangfang", webapp, HttpMethod.POST, "/task",
					(expression) -> Map.of("dueBeforeExpression", expression)));
			probes.add(new Probe("POST task, letter case", "wangfang", webapp, HttpMethod.POST, "/task",
					(expression) -> Map.of("orQueries", List.of(Map.of("AssigneeExpression", expression)))));
			probes.add(new Probe("POST task, harmless expression", "wangfang", webapp, HttpMethod.POST, "/task",
					(expression) -> Map.of("orQueries",
							List.of(Map.of("candidateGroupsExpression", "${currentUserGroups()}")))));
			probes.add(new Probe("GET task, query string", "wangfang", webapp, HttpMethod.GET,
					"/task?assigneeExpression={expression}", null));
			probes.add(new Probe("GET task/count, query string", "wangfang", webapp, HttpMethod.GET,
					"/task/count?candidateGroupExpression={expression}", null));
			for (String action : List.of("list", "count", "singleResult")) {
				probes.add(new Probe("POST filter/{id}/" + action + ", extending query", "wangfang", webapp,
						HttpMethod.POST, "/filter/" + filter + "/" + action,
						(expression) -> Map.of("orQueries", List.of(Map.of("assigneeExpression", expression)))));
			}
			probes.add(new Probe("GET filter/{id}/list, query string", "wangfang", webapp, HttpMethod.GET,
					"/filter/" + filter + "/list?assigneeExpression={expression}", null));
			probes.add(new Probe("POST filter/create, stored, as administrator", "admin", webapp, HttpMethod.POST,
					"/filter/create", (expression) -> Map.of("resourceType", "Task", "name", "表达式探针", "query",
							Map.of("orQueries", List.of(Map.of("assigneeExpression", expression))))));
			probes.add(new Probe("PUT filter/{id}, stored, as administrator", "admin", webapp, HttpMethod.PUT,
					"/filter/" + filter,
					(expression) -> Map.of("name", "本组待办", "query", Map.of("candidateUserExpression", expression))));
		}
		return probes.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("probes")
	void shouldRefuseTheExpressionWithoutEvaluatingIt(Probe probe) {
		ResponseEntity<Object> answer = send(probe, command());

		assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(400);
		@SuppressWarnings("unchecked")
		Map<String, Object> refusal = (Map<String, Object>) answer.getBody();
		assertThat(refusal).containsEntry("errorCode", "EXPRESSION_NOT_ALLOWED");
		assertThat((String) refusal.get("message")).contains("不允许")
			.doesNotContain("org.camunda", "Exception", "ENGINE-");
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !Files.exists(marker));
		assertThat(this.filterService.createFilterQuery().filterName("表达式探针").count()).isZero();
	}

	@Test
	void shouldStillAnswerTasklistsOwnFiltersAndQueries() {
		for (boolean webapp : List.of(false, true)) {
			Probe list = new Probe("filter list", "liqiang", webapp, HttpMethod.POST,
					"/filter/{filter}/list?firstResult=0&maxResults=15",
					(ignored) -> Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"))));
			assertAnswered(send(list, ""));
			Probe count = new Probe("filter count", "liqiang", webapp, HttpMethod.GET, "/filter/{filter}/count", null);
			assertAnswered(send(count, ""));
			Probe query = new Probe("task query", "liqiang", webapp, HttpMethod.POST, "/task?maxResults=15",
					(ignored) -> Map.of("orQueries", List.of(Map.of("candidateGroups", List.of("info-section")))));
			assertAnswered(send(query, ""));
		}
	}

	private static void assertAnswered(ResponseEntity<?> answer) {
		assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(200);
	}

	@Test
	void shouldKeepTheAllowedExpressionsOfStoredFilters() {
		Map<String, Object> filter = Map.of("resourceType", "Task", "name", "允许的表达式探针", "query",
				Map.of("assigneeExpression", "${currentUser()}", "dueBeforeExpression",
						"${dateTime().plusDays(3).toDate()}", "orQueries",
						List.of(Map.of("candidateGroupsExpression", "${currentUserGroups()}"))));
		ResponseEntity<Map<String, Object>> created = this.rest.withBasicAuth("admin", "Test-Admin-Pw-1")
			.exchange("/engine-rest/filter/create", HttpMethod.POST, json(filter, new HttpHeaders()), Http.OBJECT);
		assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(200);
		String id = (String) created.getBody().get("id");
		try {
			assertThat(this.rest.withBasicAuth("admin", "Test-Admin-Pw-1")
				.exchange("/engine-rest/filter/" + id + "/count", HttpMethod.GET, null, Http.OBJECT)
				.getStatusCode()
				.value()).isEqualTo(200);
		}
		finally {
			this.filterService.deleteFilter(id);
		}
	}

	private ResponseEntity<Object> send(Probe probe, String expression) {
		String filterId = this.filterService.createFilterQuery().filterName("本组待办").singleResult().getId();
		String root = probe.webapp() ? WebappSession.ENGINE_API : "/engine-rest";
		String path = root + probe.path().replace("{filter}", filterId);
		Object body = (probe.body() == null) ? null : probe.body().apply(expression);
		if (probe.webapp()) {
			HttpHeaders session = WebappSession.login(this.rest, probe.caller(), password(probe.caller())).headers();
			return this.rest.exchange(path, probe.method(), json(body, session), Object.class, expression);
		}
		return this.rest.withBasicAuth(probe.caller(), password(probe.caller()))
			.exchange(path, probe.method(), json(body, new HttpHeaders()), Object.class, expression);
	}

	private static String password(String userId) {
		return "admin".equals(userId) ? "Test-Admin-Pw-1" : "demo";
	}

	private static HttpEntity<Object> json(Object body, HttpHeaders headers) {
		HttpHeaders copy = new HttpHeaders();
		copy.addAll(headers);
		copy.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, copy);
	}

}
