package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.minyi.followup.FollowupProcess;
import org.minyi.notification.NotificationRecipient;
import org.minyi.notification.NotificationService;
import org.minyi.piece.PieceRepository;
import org.minyi.support.ApiActions;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What issue #17's probe found, each refused now: writes from another site, remembered
 * basic credentials, oversized bodies, jobs outside a process, BPMN errors no boundary
 * event catches, self-renaming, the actuator for anyone, refusals without security
 * headers, scripts in deployed models.
 */
@MinyiIntegrationTest
class SecurityBoundaryTest {

	private static final String ADMIN_PASSWORD = "Test-Admin-Pw-1";

	private static final String EVIL = "https://evil.example";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Engine engine;

	@Autowired
	NotificationService notificationService;

	@Autowired
	PieceRepository pieces;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Lifecycle lifecycle;

	// Writes from another site

	@Test
	void shouldRefuseWritesThatABrowserSaysComeFromAnotherSite() {
		String title = "跨站探针 " + ThreadLocalRandom.current().nextInt(1_000_000);
		Map<String, Object> piece = PieceFixtures.piece().title(title).variables();
		for (Map.Entry<String, String> header : List.of(Map.entry(HttpHeaders.ORIGIN, EVIL),
				Map.entry(HttpHeaders.ORIGIN, "null"), Map.entry(HttpHeaders.REFERER, EVIL + "/page.html"),
				Map.entry("Sec-Fetch-Site", "cross-site"))) {
			HttpHeaders headers = jsonHeaders();
			headers.add(header.getKey(), header.getValue());
			ResponseEntity<Map<String, Object>> api = this.rest.withBasicAuth("wangfang", "demo")
				.exchange("/api/pieces", HttpMethod.POST, new HttpEntity<>(piece, headers), Http.OBJECT);
			assertThat(api.getStatusCode()).as(header.toString()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(api.getBody()).containsEntry("code", "CROSS_SITE_REQUEST");

			ResponseEntity<Map<String, Object>> engineRest = this.rest.withBasicAuth("admin", ADMIN_PASSWORD)
				.exchange("/engine-rest/group/create", HttpMethod.POST,
						new HttpEntity<>(Map.of("id", "cross-site-probe", "name", "探针", "type", "WORKFLOW"), headers),
						Http.OBJECT);
			assertThat(engineRest.getStatusCode()).as(header.toString()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(engineRest.getBody()).containsEntry("errorCode", "CROSS_SITE_REQUEST");
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM minyi_piece WHERE title = ?", Long.class, title))
			.isZero();
		assertThat(this.engine.identity().createGroupQuery().groupId("cross-site-probe").count()).isZero();

		// The same request from this installation's own pages goes through.
		HttpHeaders own = jsonHeaders();
		own.add(HttpHeaders.ORIGIN, "http://localhost:" + this.port);
		own.add(HttpHeaders.REFERER, "http://localhost:" + this.port + "/camunda/app/tasklist/default/");
		assertThat(this.rest.withBasicAuth("wangfang", "demo")
			.exchange("/api/pieces", HttpMethod.POST, new HttpEntity<>(piece, own), Http.OBJECT)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void shouldRefuseAWebappLoginFromAnotherSite() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add(HttpHeaders.ORIGIN, EVIL);
		ResponseEntity<String> login = this.rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
				HttpMethod.POST, new HttpEntity<>("username=wangfang&password=demo", headers), String.class);
		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(login.getBody()).contains("CROSS_SITE_REQUEST");
	}

	@Test
	void shouldNeverAskABrowserForBasicCredentials() {
		for (String path : List.of("/api/pieces/mine", "/engine-rest/task/count", "/actuator/metrics")) {
			ResponseEntity<String> anonymous = this.rest.getForEntity(path, String.class);
			assertThat(anonymous.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(anonymous.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as(path).isNull();
			assertThat(anonymous.getBody()).as(path).contains("UNAUTHENTICATED", "请先登录");
			ResponseEntity<String> wrong = this.rest.withBasicAuth("zhaolei", "not-the-password")
				.getForEntity(path, String.class);
			assertThat(wrong.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as(path).isNull();
		}
	}

	// Security headers on refusals, the actuator

	@Test
	void shouldSendSecurityHeadersWithEveryRefusal() {
		for (String path : List.of("/api/pieces/mine", "/engine-rest/task/count", "/actuator/metrics",
				WebappSession.ENGINE_API + "/task/count", "/api/statistics/report?year=2026")) {
			ResponseEntity<String> refused = path.startsWith("/api/statistics")
					? this.rest.withBasicAuth("wangfang", "demo").getForEntity(path, String.class)
					: this.rest.getForEntity(path, String.class);
			assertThat(refused.getStatusCode().value()).as(path).isIn(401, 403);
			assertThat(refused.getHeaders().getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
			assertThat(refused.getHeaders().getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
			if (!path.startsWith("/camunda/")) {
				assertThat(refused.getHeaders().getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
				assertThat(refused.getHeaders().getFirst("Content-Security-Policy")).as(path)
					.contains("frame-ancestors 'none'");
			}
		}
	}

	@Test
	void shouldShowTheActuatorsMetricsToAdministratorsOnly() {
		assertThat(this.rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.rest.getForEntity("/actuator/metrics", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity("/actuator/info", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("liqiang", "demo")
			.getForEntity("/actuator/metrics", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.withBasicAuth("admin", ADMIN_PASSWORD)
			.getForEntity("/actuator/metrics", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	// Request sizes

	@Test
	void shouldRefuseAnOversizedBodyWhetherItsLengthIsDeclaredOrNot() throws IOException {
		String large = "{\"title\":\"" + "大".repeat(700_000) + "\"}";
		assertThat(new Http(this.rest).postRaw("wangfang", "/api/pieces", large).getStatusCode())
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);

		HttpURLConnection chunked = (HttpURLConnection) URI
			.create("http://localhost:" + this.port + "/engine-rest/task")
			.toURL()
			.openConnection();
		chunked.setRequestMethod("POST");
		chunked.setDoOutput(true);
		chunked.setChunkedStreamingMode(8192);
		chunked.setRequestProperty("Content-Type", "application/json");
		chunked.setRequestProperty("Authorization", basic("wangfang", "demo"));
		try (OutputStream out = chunked.getOutputStream()) {
			out.write(("{\"name\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
		}
		assertThat(chunked.getResponseCode()).isEqualTo(413);
		try (InputStream error = chunked.getErrorStream()) {
			assertThat(new String(error.readAllBytes(), StandardCharsets.UTF_8)).contains("REQUEST_TOO_LARGE",
					"请求内容过大");
		}
	}

	/**
	 * Deployment uploads: a user who may not deploy is refused before the body is read,
	 * any upload over the limit by its declared size, an administrator's too. Both
	 * answers arrive while the client has sent only the first megabyte.
	 */
	@Test
	void shouldRefuseAHugeDeploymentBeforeReadingIt() throws IOException {
		assertThat(statusAfterFirstMegabyte("wangfang", "demo", 15L << 20)).startsWith("HTTP/1.1 403");
		assertThat(statusAfterFirstMegabyte("wangfang", "demo", 100L << 20)).startsWith("HTTP/1.1 413");
		assertThat(statusAfterFirstMegabyte("admin", ADMIN_PASSWORD, 100L << 20)).startsWith("HTTP/1.1 413");
	}

	private String statusAfterFirstMegabyte(String userId, String password, long declared) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /engine-rest/deployment/create HTTP/1.1\r\nHost: localhost:" + this.port + "\r\n"
					+ "Authorization: " + basic(userId, password) + "\r\n"
					+ "Content-Type: multipart/form-data; boundary=probe\r\nContent-Length: " + declared + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write("--probe\r\nContent-Disposition: form-data; name=\"data\"; filename=\"big.bpmn\"\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII));
			out.write(new byte[1 << 20]);
			out.flush();
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			InputStream in = socket.getInputStream();
			for (int next = in.read(); next >= 0 && next != '\n'; next = in.read()) {
				line.write(next);
			}
			return line.toString(StandardCharsets.US_ASCII).strip();
		}
	}

	// Jobs outside a process

	@Test
	void shouldKeepMailJobsAwayFromEveryoneButAdministrators() {
		this.notificationService.notify("task-assigned", List.of("liqiang"), null,
				Map.of("taskName", "探针", "number", "2026-9999", "title", "作业探针", "due", "无"), null,
				Set.of(NotificationRecipient.Channel.MAIL));
		Job mail = this.engine.management()
			.createJobQuery()
			.list()
			.stream()
			.filter((job) -> job.getProcessInstanceId() == null && job.getProcessDefinitionKey() == null)
			.findFirst()
			.orElseThrow();
		Http http = new Http(this.rest);
		for (String root : List.of("/engine-rest")) {
			assertThat(http.get("wangfang", root + "/job/count").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(http.get("wangfang", root + "/job/count").getBody()).containsEntry("errorCode",
					"PROCESS_SCOPE_REQUIRED");
			assertThat(http.get("wangfang", root + "/incident/count").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(http.get("wangfang", root + "/history/job-log/count").getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(http.get("liqiang", root + "/job/" + mail.getId()).getStatusCode())
				.isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(this.rest.withBasicAuth("wangfang", "demo")
				.exchange(root + "/job/" + mail.getId() + "/retries", HttpMethod.PUT,
						new HttpEntity<>(Map.of("retries", 0), jsonHeaders()), String.class)
				.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(this.rest.withBasicAuth("wangfang", "demo")
				.exchange(root + "/job/" + mail.getId(), HttpMethod.DELETE, null, String.class)
				.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(this.rest.withBasicAuth("wangfang", "demo")
				.exchange(root + "/job/retries", HttpMethod.POST,
						new HttpEntity<>(Map.of("jobIds", List.of(mail.getId()), "retries", 0), jsonHeaders()),
						String.class)
				.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		}
		HttpHeaders session = WebappSession.login(this.rest, "wangfang").headers();
		assertThat(this.rest
			.exchange(WebappSession.ENGINE_API + "/job/" + mail.getId(), HttpMethod.DELETE, new HttpEntity<>(session),
					String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		Job after = this.engine.management().createJobQuery().jobId(mail.getId()).singleResult();
		assertThat(after).isNotNull();
		assertThat(after.getRetries()).isEqualTo(mail.getRetries());

		// A piece's own jobs stay visible to those who read the piece; the administrator
		// sees everything.
		ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece());
		assertThat(http.get("wangfang", "/engine-rest/job/count?processInstanceId=" + piece.getId()).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.rest.withBasicAuth("admin", ADMIN_PASSWORD)
			.getForEntity("/engine-rest/job/" + mail.getId(), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		this.engine.management().deleteJob(mail.getId());
	}

	// A user's part

	@Test
	void shouldAcceptOnlyTheBpmnErrorsThatABoundaryEventOfTheTaskCatches() {
		ProcessInstance piece = this.lifecycle.dispatched(PieceFixtures.piece());
		Long pieceId = this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().id();
		assertThat(ApiActions.instruct(new Http(this.rest), pieceId, "housing-bureau").getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		Task handle = this.engine.tasks()
			.createTaskQuery()
			.processInstanceBusinessKey(this.engine.runtime()
				.createProcessInstanceQuery()
				.processInstanceId(piece.getId())
				.singleResult()
				.getBusinessKey())
			.taskDefinitionKey(FollowupProcess.TASK_HANDLE)
			.singleResult();

		for (String action : List.of("bpmnError", "bpmnEscalation")) {
			String codeField = action.equals("bpmnError") ? "errorCode" : "escalationCode";
			ResponseEntity<Map<String, Object>> refused = new Http(this.rest).post("wuhao",
					"/engine-rest/task/" + handle.getId() + "/" + action, Map.of(codeField, "anything"));
			assertThat(refused.getStatusCode()).as(action).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getBody()).containsEntry("errorCode", "TASK_ACTION_NOT_ALLOWED");
		}
		assertThat(this.engine.tasks().createTaskQuery().taskId(handle.getId()).count()).isOne();
	}

	@Test
	void shouldLeaveNamesAndAccountsToAdministrators() {
		String userId = "profileprobe" + ThreadLocalRandom.current().nextInt(1_000_000);
		User probe = this.engine.identity().newUser(userId);
		probe.setFirstName("芳");
		probe.setLastName("王");
		probe.setPassword("Profile-Probe-9");
		this.engine.identity().saveUser(probe);
		this.engine.identity().createMembership(userId, "submitter");

		Map<String, Object> renamed = Map.of("id", userId, "firstName", "李强（信息科）", "lastName", "");
		for (String root : List.of("/engine-rest/user/", "/camunda/api/engine/engine/default/user/")) {
			HttpHeaders headers = root.startsWith("/camunda")
					? WebappSession.login(this.rest, userId, "Profile-Probe-9").headers() : jsonHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			TestRestTemplate caller = root.startsWith("/camunda") ? this.rest
					: this.rest.withBasicAuth(userId, "Profile-Probe-9");
			ResponseEntity<Map<String, Object>> refused = caller.exchange(root + userId + "/profile", HttpMethod.PUT,
					new HttpEntity<>(renamed, headers), Http.OBJECT);
			assertThat(refused.getStatusCode()).as(root).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(refused.getBody()).containsEntry("errorCode", "PROFILE_BY_ADMINISTRATOR");
			assertThat(caller.exchange(root + userId, HttpMethod.DELETE, new HttpEntity<>(headers), String.class)
				.getStatusCode()).as(root).isEqualTo(HttpStatus.FORBIDDEN);
		}
		User unchanged = this.engine.identity().createUserQuery().userId(userId).singleResult();
		assertThat(unchanged.getFirstName()).isEqualTo("芳");

		// Their own password stays theirs to change, with the current one.
		ResponseEntity<String> password = this.rest.withBasicAuth(userId, "Profile-Probe-9")
			.exchange("/engine-rest/user/" + userId + "/credentials", HttpMethod.PUT,
					new HttpEntity<>(
							Map.of("password", "Profile-Probe-10", "authenticatedUserPassword", "Profile-Probe-9"),
							jsonHeaders()),
					String.class);
		assertThat(password.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.rest.withBasicAuth("admin", ADMIN_PASSWORD)
			.exchange("/engine-rest/user/" + userId + "/profile", HttpMethod.PUT,
					new HttpEntity<>(Map.of("id", userId, "firstName", "芳芳", "lastName", "王"), jsonHeaders()),
					String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	// Scripts in models

	@Test
	void shouldRefuseADeploymentWithAScript() {
		String model = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs_script"
				    targetNamespace="http://minyi.org/bpmn">
				  <bpmn:process id="script-probe" isExecutable="true"
				      xmlns:camunda="http://camunda.org/schema/1.0/bpmn" camunda:historyTimeToLive="1">
				    <bpmn:startEvent id="start" />
				    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="script" />
				    <bpmn:scriptTask id="script" scriptFormat="javascript">
				      <bpmn:script>java.lang.Runtime.getRuntime().exec("touch /tmp/minyi-script")</bpmn:script>
				    </bpmn:scriptTask>
				    <bpmn:sequenceFlow id="f2" sourceRef="script" targetRef="end" />
				    <bpmn:endEvent id="end" />
				  </bpmn:process>
				</bpmn:definitions>
				""";
		String boundary = "scriptprobe";
		String body = "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nscript-probe\r\n" + "--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"script-probe.bpmn\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
		ResponseEntity<Map<String, Object>> refused = this.rest.withBasicAuth("admin", ADMIN_PASSWORD)
			.exchange("/engine-rest/deployment/create", HttpMethod.POST,
					new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), Http.OBJECT);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) refused.getBody().get("message")).contains("SCRIPT_NOT_ALLOWED",
				"script-probe.bpmn script");
		assertThat(this.engine.runtime().createProcessInstanceQuery().processDefinitionKey("script-probe").count())
			.isZero();
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE KEY_ = 'script-probe'", Long.class))
			.isZero();
	}

	private static HttpHeaders jsonHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private static String basic(String userId, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
