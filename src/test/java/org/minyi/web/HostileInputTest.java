package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.followup.FollowupProcess;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.TestDatabase;
import org.minyi.web.HostileCorpus.Field;
import org.minyi.web.HostileCorpus.Input;
import org.minyi.web.HostileCorpus.Refusal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 9, hostile input: every write endpoint of the application's API, the start form
 * and every kind of task form through engine-rest get {@value #DEFAULT_INPUTS} generated
 * hostile inputs each ({@link HostileCorpus}; a form's inputs half through
 * {@code complete} or {@code start}, half through {@code submit-form}, so each of these
 * engine-rest endpoints gets several thousand in all). A form's fields are read from the
 * deployed form ({@link FormFieldsToProbe}), so a field added to a form is attacked too.
 * Each must be refused with a 4xx and a clear message ({@code {code, message}} from the
 * API, {@code [CODE] 中文} from the rules through engine-rest, engine-rest's own 400 for
 * what its parser refuses), and leave the database exactly as it was: a fingerprint of
 * the application's tables and the engine's runtime and history tables is taken after
 * every input. The counts are printed as a table and written to
 * {@code target/hostile-input/summary-<database>.md}. Every query route of engine-rest
 * gets expressions that would create a file ({@link HostileQueries}): a task query
 * refuses each with {@code EXPRESSION_NOT_ALLOWED}, another answers without a 5xx,
 * neither names an engine class, and the file never appears.
 */
@MinyiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

	static final int DEFAULT_INPUTS = 1000;

	private static final int INPUTS = Integer.getInteger("minyi.test.hostile-inputs", DEFAULT_INPUTS);

	private static final String UNIT = "恶意输入测试组";

	private static final String ADMIN_PASSWORD = "Test-Admin-Pw-1";

	private static final Pattern RULE_MESSAGE = Pattern.compile("^\\[[A-Z][A-Z0-9_]*] .*\\p{IsHan}.*", Pattern.DOTALL);

	private static final Pattern ERROR_CODE = Pattern.compile("^[A-Z][A-Z0-9_]*$");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/** Application tables with a generated id: the count and the highest id. */
	private static final List<String> TABLES_WITH_ID = List.of("minyi_piece", "minyi_piece_event",
			"minyi_bulletin_issue", "minyi_dispatch", "minyi_upward_submission", "minyi_adoption", "minyi_instruction",
			"minyi_followup_case", "minyi_feedback", "minyi_notification", "minyi_notification_recipient",
			"minyi_stat_fact", "minyi_attachment");

	/** Rows that change in place: these sums move when one of them does. */
	private static final List<String> CHECKSUMS = List.of("SELECT COUNT(*) FROM minyi_piece_credit",
			"SELECT COUNT(*) FROM minyi_issue_piece", "SELECT COUNT(*) FROM minyi_stat_score",
			"SELECT COALESCE(SUM(last_value), 0) FROM minyi_counter",
			"SELECT COALESCE(SUM(LENGTH(status)), 0) + COUNT(registration_number) + 10 * COUNT(edited_title) "
					+ "+ 100 * COUNT(verification_result) + 1000 * SUM(CASE WHEN outstanding THEN 1 ELSE 0 END) FROM minyi_piece",
			"SELECT COALESCE(SUM(LENGTH(status) + chases + reminders), 0) + COUNT(reply_result) + COUNT(closed_at) FROM minyi_followup_case",
			"SELECT COALESCE(SUM(LENGTH(status)), 0) FROM minyi_upward_submission",
			"SELECT COUNT(read_at) FROM minyi_feedback", "SELECT COUNT(read_at) FROM minyi_notification_recipient");

	/**
	 * Engine tables: runtime rows with their revisions (any update moves them), history
	 * rows.
	 */
	private static final List<String> ENGINE_RUNTIME = List.of("ACT_RU_TASK", "ACT_RU_EXECUTION", "ACT_RU_VARIABLE",
			"ACT_RU_JOB", "ACT_RU_IDENTITYLINK", "ACT_RU_EVENT_SUBSCR", "ACT_RU_FILTER");

	private static final List<String> ENGINE_HISTORY = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
			"ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_OP_LOG", "ACT_HI_IDENTITYLINK", "ACT_HI_COMMENT",
			"ACT_GE_BYTEARRAY");

	/** Per endpoint: inputs tried and inputs refused as they must be. */
	private static final Map<String, long[]> SUMMARY = new LinkedHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final Map<String, PreparedTask> tasks = new LinkedHashMap<>();

	private final List<String> instances = new ArrayList<>();

	@Autowired
	Lifecycle lifecycle;

	/** The start form's fields, which are also the API's for a new piece. */
	private List<Field> startFormFields;

	private List<String> fingerprintLabels;

	private String fingerprintSql;

	/** A registered piece of wangfang's, for attachments. */
	private long registeredPieceId;

	/**
	 * A dispatched piece, sent up to the city committee: for answers, instructions, the
	 * outstanding flag.
	 */
	private long dispatchedPieceId;

	/** One open task of a kind, the user who may complete it, and a valid completion. */
	record PreparedTask(String key, String taskId, String userId, Map<String, Object> valid, List<Field> fields) {
	}

	/** One request of an attack. */
	record Attempt(String description, String method, String path, String userId, String contentType, byte[] body,
			Refusal refusal) {
	}

	// ---- the application's API

	@Test
	void apiPieceSubmission() {
		attackJson("POST /api/pieces", "wangfang", "/api/pieces", piece(), this.startFormFields, HostileCorpus.API,
				true);
	}

	@Test
	void apiAdoptions() {
		Map<String, Object> valid = new LinkedHashMap<>();
		valid.put("level", "city");
		valid.put("form", "single");
		valid.put("adoptedOn", LocalDate.now().toString());
		valid.put("reference", "市政协《社情民意》采用");
		valid.put("messageId", "hostile-adoption-1");
		attackJson("POST /api/pieces/{id}/adoptions", "liqiang", "/api/pieces/" + this.dispatchedPieceId + "/adoptions",
				valid,
				List.of(Field.code("level", true), Field.code("form", true), Field.date("adoptedOn"),
						Field.text("reference", 200, false), Field.text("messageId", 100, false)),
				HostileCorpus.API, true);
	}

	@Test
	void apiInstructions() {
		Map<String, Object> valid = new LinkedHashMap<>();
		valid.put("leader", "district-mayor");
		valid.put("instructedOn", LocalDate.now().toString());
		valid.put("text", "请有关部门认真研究，抓好落实。");
		valid.put("leadDepartment", "housing-bureau");
		valid.put("coDepartments", List.of("education-bureau"));
		valid.put("messageId", "hostile-instruction-1");
		attackJson("POST /api/pieces/{id}/instructions", "liqiang",
				"/api/pieces/" + this.dispatchedPieceId + "/instructions", valid,
				List.of(Field.code("leader", true), Field.date("instructedOn"), Field.text("text", 2000, true),
						Field.code("leadDepartment", false), Field.codes("coDepartments"),
						Field.text("messageId", 100, false)),
				HostileCorpus.API, true);
	}

	@Test
	void apiOutstandingFlag() {
		Random random = new Random(11);
		List<Attempt> attempts = new ArrayList<>();
		for (int i = 0; i < INPUTS; i++) {
			if (i % 2 == 0) {
				String id = hostileId(random);
				attempts.add(post("id " + id, "/api/pieces/" + segment(id) + "/outstanding?flag=true", "liqiang"));
			}
			else {
				String flag = hostileFlag(random);
				attempts.add(post("flag " + flag,
						"/api/pieces/" + this.dispatchedPieceId + "/outstanding?flag=" + query(flag), "liqiang"));
			}
		}
		attack("POST /api/pieces/{id}/outstanding", attempts, true);
	}

	@Test
	void apiRescore() {
		Random random = new Random(12);
		List<Attempt> attempts = new ArrayList<>();
		for (int i = 0; i < INPUTS; i++) {
			String year = hostileYear(random);
			String path = (year == null) ? "/api/statistics/rescore" : "/api/statistics/rescore?year=" + query(year);
			attempts.add(new Attempt("year " + year, "POST", path, "admin", null, new byte[0], Refusal.RULE));
		}
		attack("POST /api/statistics/rescore", attempts, true);
	}

	@Test
	void apiQuotas() {
		Random random = new Random(14);
		List<Attempt> attempts = new ArrayList<>();
		for (int i = 0; i < INPUTS; i++) {
			String period = (i % 3 == 0) ? pick(random, "2026-W54", "2027-W53", "2026-W00", "2026-Q0", "2026-Q5",
					"2026-00", "2026-13", "2026-1", "2026-W1", "２０２６-１１", "2026-11-01", "2026-11 ", "2026-H1", "1999",
					"3000", "2026-q4", "2026-w49", "2026/11", "0x7EA") : hostileYear(random);
			if (period == null || period.isBlank()) {
				// Without a period the answer is each quota's latest period.
				period = "x" + ((period == null) ? "" : period);
			}
			attempts.add(new Attempt("period " + period, "GET", "/api/statistics/quotas?period=" + query(period),
					"liqiang", null, new byte[0], Refusal.RULE));
		}
		attack("GET /api/statistics/quotas", attempts, true);
	}

	@Test
	void apiNotificationRead() {
		List<Long> others = this.jdbc.queryForList(
				"SELECT id FROM minyi_notification_recipient WHERE user_id <> 'wangfang' OR channel <> 'INBOX'",
				Long.class);
		attackIds("POST /api/notifications/{id}/read", "/api/notifications/%s/read", "wangfang", others, 13);
	}

	@Test
	void apiFeedbackRead() {
		List<Long> others = this.jdbc.queryForList("SELECT id FROM minyi_feedback WHERE user_id <> 'zhaolei'",
				Long.class);
		attackIds("POST /api/feedback/{id}/read", "/api/feedback/%s/read", "zhaolei", others, 14);
	}

	@Test
	void apiAttachments() {
		Random random = new Random(15);
		List<Attempt> attempts = new ArrayList<>();
		String path = "/api/pieces/" + this.registeredPieceId + "/attachments";
		byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		// Allowed bytes under a name that would run them when opened: the stored name
		// must say what they are.
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
				0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89 };
		List<byte[]> forbidden = List.of(
				"<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8),
				"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8),
				"#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8),
				"MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode"
					.getBytes(StandardCharsets.ISO_8859_1),
				"\u007FELF\u0002\u0001\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1),
				"PK\u0003\u0004\u0014\u0000\u0000\u0000junk".getBytes(StandardCharsets.ISO_8859_1),
				"alert(document.cookie);".getBytes(StandardCharsets.UTF_8), "普通文本文件".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < INPUTS; i++) {
			String name = HostileCorpus.VALUES.get(random.nextInt(HostileCorpus.VALUES.size()));
			switch (i % 8) {
				case 0, 1 -> attempts.add(multipart("forbidden content as " + name, path, "file",
						name + pick(random, ".pdf", ".png", ".docx", ".html", ""),
						forbidden.get(random.nextInt(forbidden.size()))));
				case 2 -> attempts.add(multipart("image bytes as " + name, path, "file", name + pick(random, ".bat",
						".hta", ".png.hta", ".exe", ".cmd", ".js", ".html", ".svg", ".pdf", ".bat.", ".hta . "), png));
				case 3 -> attempts.add(multipart("file name too long", path, "file",
						name.repeat(200 / Math.max(1, name.length()) + 2) + ".pdf", pdf));
				case 4 -> attempts.add(multipart("empty file " + name, path, "file", name + ".pdf", new byte[0]));
				case 5 -> attempts.add(multipart("no file part", path,
						pick(random, "files", "FILE", "upload", "file[]"), name + ".pdf", pdf));
				case 6 -> {
					String id = hostileId(random);
					attempts.add(multipart("piece " + id, "/api/pieces/" + segment(id) + "/attachments", "file",
							"说明.pdf", pdf));
				}
				default -> attempts.add(brokenMultipart(random, path, pdf));
			}
		}
		// Two over the size limit: expensive, and one is enough to show the answer.
		byte[] large = new byte[11 * 1024 * 1024];
		System.arraycopy(pdf, 0, large, 0, pdf.length);
		attempts.set(8, multipart("11 MB", path, "file", "大文件.pdf", large));
		attempts.set(16, multipart("11 MB with a hostile name", path, "file", "<script>.pdf", large));
		attack("POST /api/pieces/{id}/attachments", attempts, true);
	}

	// ---- engine-rest

	@Test
	void engineRestStartForm() {
		Map<String, Object> valid = piece();
		String base = "/engine-rest/process-definition/key/" + PieceProcess.KEY;
		for (String action : List.of("start", "submit-form")) {
			String endpoint = "POST " + base + "/" + action;
			attack(endpoint, attempts(endpoint, "wangfang", base + "/" + action, valid, this.startFormFields,
					HostileCorpus.ENGINE_REST, INPUTS / 2), false);
		}
	}

	Stream<String> taskKinds() {
		return Stream.of(PieceProcess.TASK_REGISTER, PieceProcess.TASK_REVISE, PieceProcess.TASK_VERIFY,
				PieceProcess.TASK_EDIT, PieceProcess.TASK_SIGNOFF_SECRETARY_GENERAL,
				PieceProcess.TASK_SIGNOFF_VICE_CHAIR, DispatchProcess.TASK_ASSEMBLE_ISSUE,
				DispatchProcess.TASK_DISTRIBUTE_ISSUE, DispatchProcess.TASK_DISPATCH,
				DispatchProcess.TASK_RECORD_ANSWER, FollowupProcess.TASK_HANDLE, FollowupProcess.TASK_REVIEW_REPLY,
				FollowupProcess.TASK_REVIEW_HAND_BACK, FollowupProcess.TASK_REASSIGN, FollowupProcess.TASK_SUPERVISE);
	}

	@ParameterizedTest
	@MethodSource("taskKinds")
	void engineRestTaskForm(String key) {
		PreparedTask task = this.tasks.get(key);
		assertThat(task).as("prepared task " + key).isNotNull();
		Random random = new Random(key.hashCode());
		for (String action : List.of("complete", "submit-form")) {
			String endpoint = "POST /engine-rest/task/{id}/" + action + " (" + key + ")";
			List<Attempt> attempts = new ArrayList<>(
					attempts(endpoint, task.userId(), "/engine-rest/task/" + task.taskId() + "/" + action, task.valid(),
							task.fields(), HostileCorpus.ENGINE_REST, INPUTS / 2));
			byte[] valid = HostileCorpus.json(HostileCorpus.ENGINE_REST.apply(task.valid()))
				.getBytes(StandardCharsets.UTF_8);
			for (int i = 5; i < attempts.size(); i += 20) {
				// A valid body for a task that is not there.
				String id = hostileId(random);
				attempts.set(i, new Attempt("task id " + id, "POST", "/engine-rest/task/" + segment(id) + "/" + action,
						task.userId(), "application/json", valid, Refusal.PARSER));
			}
			attack(endpoint, attempts, false);
		}
		assertThat(this.engine.tasks().createTaskQuery().taskId(task.taskId()).count()).as("the task is still open")
			.isOne();
	}

	// ---- engine-rest queries: no expression a client sends is evaluated

	Stream<HostileQueries.Route> queryRoutes() {
		String filter = this.engine.filters().createFilterQuery().filterName("本组待办").singleResult().getId();
		String[] instanceCriteria = { "processInstanceId", "businessKey", "processDefinitionKey", "variables",
				"assigneeExpression", "activityIdIn" };
		return Stream.of(HostileQueries.Route.task("POST", "/engine-rest/task"),
				HostileQueries.Route.task("POST", "/engine-rest/task/count"),
				HostileQueries.Route.task("GET", "/engine-rest/task"),
				HostileQueries.Route.task("GET", "/engine-rest/task/count"),
				HostileQueries.Route.task("POST", "/engine-rest/filter/" + filter + "/list"),
				HostileQueries.Route.task("POST", "/engine-rest/filter/" + filter + "/count"),
				HostileQueries.Route.task("POST", "/engine-rest/filter/" + filter + "/singleResult"),
				HostileQueries.Route.task("GET", "/engine-rest/filter/" + filter + "/list"),
				new HostileQueries.Route("POST /engine-rest/filter/create", "POST", "/engine-rest/filter/create",
						HostileQueries.TASK_EXPRESSION_FIELDS, true, true),
				new HostileQueries.Route("PUT /engine-rest/filter/{id}", "PUT", "/engine-rest/filter/" + filter,
						HostileQueries.TASK_EXPRESSION_FIELDS, true, true),
				HostileQueries.Route.other("POST", "/engine-rest/process-instance", instanceCriteria),
				HostileQueries.Route.other("POST", "/engine-rest/process-instance/count", instanceCriteria),
				HostileQueries.Route.other("GET", "/engine-rest/process-instance", instanceCriteria),
				HostileQueries.Route.other("POST", "/engine-rest/execution", instanceCriteria),
				HostileQueries.Route.other("POST", "/engine-rest/variable-instance", "variableName", "variableNameLike",
						"processInstanceIdIn", "variableValues"),
				HostileQueries.Route.other("GET", "/engine-rest/variable-instance", "variableName", "variableValues"),
				HostileQueries.Route.other("POST", "/engine-rest/history/task", "taskAssignee", "processInstanceId",
						"taskVariables", "assigneeExpression"),
				HostileQueries.Route.other("POST", "/engine-rest/history/process-instance", instanceCriteria),
				HostileQueries.Route.other("POST", "/engine-rest/history/variable-instance", "variableName",
						"processInstanceIdIn"),
				HostileQueries.Route.other("POST", "/engine-rest/history/activity-instance", "activityId",
						"processInstanceId"),
				HostileQueries.Route.other("POST", "/engine-rest/history/detail", "processInstanceId",
						"variableInstanceId"),
				HostileQueries.Route.other("POST", "/engine-rest/external-task", "topicName", "processInstanceIdIn"),
				HostileQueries.Route.other("POST", "/engine-rest/job", "processInstanceId", "dueDates"),
				HostileQueries.Route.other("GET", "/engine-rest/job", "processInstanceId", "jobDefinitionId"),
				HostileQueries.Route.other("GET", "/engine-rest/incident", "processInstanceId", "incidentMessage"),
				HostileQueries.Route.other("GET", "/engine-rest/history/job-log", "processInstanceId",
						"jobExceptionMessage"),
				HostileQueries.Route.other("GET", "/engine-rest/process-definition", "key", "nameLike", "startableBy"),
				HostileQueries.Route.other("GET", "/engine-rest/deployment", "name", "source"),
				HostileQueries.Route.other("GET", "/engine-rest/decision-definition", "key", "name"),
				HostileQueries.Route.other("GET", "/engine-rest/user", "id", "firstNameLike", "memberOfGroup"),
				HostileQueries.Route.other("GET", "/engine-rest/group", "id", "nameLike", "member"),
				HostileQueries.Route.other("GET", "/engine-rest/authorization", "userIdIn", "resourceId"),
				HostileQueries.Route.other("GET", "/engine-rest/history/user-operation", "userId", "entityType"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("queryRoutes")
	void engineRestQuery(HostileQueries.Route route) throws IOException {
		Path directory = Files.createTempDirectory("minyi-hostile-query");
		Path marker = directory.resolve("pwned");
		HostileQueries queries = new HostileQueries(marker);
		String caller = route.stored() ? "admin" : "wangfang";
		List<String> failures = new ArrayList<>();
		List<Object> before = fingerprint();
		List<HostileQueries.Request> requests = queries.generate(route, route.name().hashCode(), INPUTS / 20);
		long refused = 0;
		for (HostileQueries.Request request : requests) {
			if (route.stored() && !request.body().contains(".exec(")) {
				// Tasklist's own expressions, which a stored filter may hold.
				refused++;
				continue;
			}
			byte[] body = (request.body() == null) ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
			HttpResponse<String> response = send(new Attempt(request.description(), route.method(), request.path(),
					caller, (request.body() == null) ? null : "application/json", body, Refusal.RULE));
			boolean expressionCriterion = request.description().startsWith("sortBy=") ? false : route.taskQuery();
			String problem = queryProblem(expressionCriterion, queries, response);
			List<Object> after = fingerprint();
			if (problem == null && !after.equals(before)) {
				problem = "database changed: " + difference(before, after);
			}
			if (problem == null && Files.exists(marker)) {
				problem = "the expression ran: " + marker + " exists";
			}
			if (problem == null) {
				refused++;
			}
			else {
				failures.add(request.description() + " -> " + problem);
				before = after;
				Files.deleteIfExists(marker);
			}
		}
		Files.deleteIfExists(marker);
		Files.delete(directory);
		SUMMARY.put(route.name() + " (expressions)", new long[] { requests.size(), refused });
		if (!failures.isEmpty()) {
			fail(route.name() + ": " + failures.size() + " of " + requests.size()
					+ " queries not answered safely, e.g.\n"
					+ String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
		}
	}

	/**
	 * An expression criterion of a task query is refused with 400
	 * {@code EXPRESSION_NOT_ALLOWED}; anything else is answered with 2xx or a 4xx with a
	 * message. No message names an engine class (the {@code type} field is engine-rest's
	 * documented error type).
	 */
	private String queryProblem(boolean expressionCriterion, HostileQueries queries, HttpResponse<String> response) {
		String body = response.body().replaceFirst("\"type\":\"[A-Za-z]+\"", "");
		for (String expression : queries.expressions()) {
			body = body.replace(expression, "").replace(expression.replace("\"", "\\\""), "");
		}
		if (body.contains("org.camunda") || body.contains("Exception") || body.contains("ENGINE-")) {
			return response.statusCode() + " names engine internals: " + shortened(body);
		}
		JsonNode answer = parse(response.body());
		if (expressionCriterion) {
			if (response.statusCode() != 400 || answer == null
					|| !"EXPRESSION_NOT_ALLOWED".equals(answer.path("errorCode").asText())
					|| !HAN.matcher(answer.path("message").asText()).find()) {
				return response.statusCode() + " instead of 400 EXPRESSION_NOT_ALLOWED: " + shortened(body);
			}
			return null;
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return null;
		}
		String problem = statusProblem(response);
		if (problem == null && (answer == null || answer.path("message").asText("").isBlank())) {
			problem = status + " without a message: " + shortened(body);
		}
		return problem;
	}

	// ---- attacks

	private void attackJson(String endpoint, String userId, String path, Map<String, Object> valid, List<Field> fields,
			Function<Map<String, Object>, Object> shape, boolean api) {
		attack(endpoint, attempts(endpoint, userId, path, valid, fields, shape, INPUTS), api);
	}

	private static List<Attempt> attempts(String endpoint, String userId, String path, Map<String, Object> valid,
			List<Field> fields, Function<Map<String, Object>, Object> shape, int count) {
		List<Input> inputs = new HostileCorpus(endpoint.hashCode(), valid, fields, shape).generate(count);
		return inputs.stream()
			.map((input) -> new Attempt(input.description(), "POST", path, userId, "application/json", input.body(),
					input.refusal()))
			.toList();
	}

	private void attack(String endpoint, List<Attempt> attempts, boolean api) {
		List<String> failures = new ArrayList<>();
		List<Object> before = fingerprint();
		long refused = 0;
		for (Attempt attempt : attempts) {
			HttpResponse<String> response = send(attempt);
			List<Object> after = fingerprint();
			String problem = api ? apiProblem(attempt, response) : engineProblem(attempt, response);
			if (problem == null && !after.equals(before)) {
				problem = "database changed: " + difference(before, after);
			}
			if (problem == null) {
				refused++;
			}
			else {
				failures.add(attempt.description() + " -> " + problem);
				before = after;
			}
		}
		SUMMARY.put(endpoint, new long[] { attempts.size(), refused });
		if (!failures.isEmpty()) {
			fail(endpoint + ": " + failures.size() + " of " + attempts.size() + " inputs not refused cleanly, e.g.\n"
					+ String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
		}
	}

	private HttpResponse<String> send(Attempt attempt) {
		String password = "admin".equals(attempt.userId()) ? ADMIN_PASSWORD : "demo";
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + attempt.path()))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((attempt.userId() + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.method(attempt.method(), HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
		if (attempt.contentType() != null) {
			request.header("Content-Type", attempt.contentType());
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(attempt.description(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The API's refusal: a 4xx with {@code {code, message}}, a stable code and a Chinese
	 * message.
	 */
	private String apiProblem(Attempt attempt, HttpResponse<String> response) {
		String status = statusProblem(response);
		if (status != null || refusedByServer(attempt, response)) {
			return status;
		}
		JsonNode body = parse(response.body());
		if (body == null || !ERROR_CODE.matcher(body.path("code").asText("")).matches()
				|| !HAN.matcher(body.path("message").asText("")).find()) {
			return response.statusCode() + " without {code, message}: " + shortened(response.body());
		}
		return null;
	}

	/**
	 * engine-rest's refusal: a 4xx with a message; {@code [CODE] 中文} when the
	 * application's rules refused it (always, for inputs only the rules can refuse).
	 */
	private String engineProblem(Attempt attempt, HttpResponse<String> response) {
		String status = statusProblem(response);
		if (status != null || refusedByServer(attempt, response)) {
			return status;
		}
		JsonNode body = parse(response.body());
		String message = (body == null) ? "" : body.path("message").asText("");
		if (message.isBlank()) {
			return response.statusCode() + " without a message: " + shortened(response.body());
		}
		boolean rule = attempt.refusal() == Refusal.RULE || message.startsWith("[");
		if (rule && !RULE_MESSAGE.matcher(message).matches()) {
			return response.statusCode() + " not a [CODE] 中文 message: " + shortened(message);
		}
		return null;
	}

	/**
	 * A slash or backslash encoded in a path segment: Tomcat refuses the URL with 400
	 * before any application code runs (its own error page, no JSON).
	 */
	private static boolean refusedByServer(Attempt attempt, HttpResponse<String> response) {
		String path = attempt.path().toUpperCase(java.util.Locale.ROOT);
		return response.statusCode() == 400 && (path.contains("%2F") || path.contains("%5C"))
				&& response.body().startsWith("<!doctype html>");
	}

	private static String statusProblem(HttpResponse<String> response) {
		int status = response.statusCode();
		return (status >= 400 && status < 500) ? null : "status " + status + ": " + shortened(response.body());
	}

	private JsonNode parse(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String shortened(String text) {
		String flat = String.valueOf(text).replaceAll("\\s+", " ");
		return (flat.length() > 300) ? flat.substring(0, 300) + "…" : flat;
	}

	// ---- generated inputs for paths, parameters and uploads

	private void attackIds(String endpoint, String pathFormat, String userId, List<Long> notTheirs, long seed) {
		Random random = new Random(seed);
		List<Attempt> attempts = new ArrayList<>();
		for (int i = 0; i < INPUTS; i++) {
			String id = (i % 5 == 0 && !notTheirs.isEmpty())
					? String.valueOf(notTheirs.get(random.nextInt(notTheirs.size()))) : hostileId(random);
			attempts.add(post("id " + id, String.format(pathFormat, segment(id)), userId));
		}
		attack(endpoint, attempts, true);
	}

	private static Attempt post(String description, String path, String userId) {
		return new Attempt(description, "POST", path, userId, null, new byte[0], Refusal.RULE);
	}

	/**
	 * Never an id that exists: negative, zero, far beyond any id, overflowing, or not a
	 * number at all.
	 */
	private static String hostileId(Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> String.valueOf(-1 - random.nextInt(1_000_000));
			case 1 -> String.valueOf(Long.MAX_VALUE - random.nextInt(1000));
			case 2 ->
				new BigInteger(70 + random.nextInt(200), random).add(BigInteger.valueOf(Long.MAX_VALUE)).toString();
			case 3 -> pick(random, "0", "1.5", "1e3", "0x1F", "NaN", "null", "-0", "９９９９９９９９９９９９", "一", "", "%00");
			default -> {
				String value = HostileCorpus.VALUES.get(random.nextInt(HostileCorpus.VALUES.size()));
				yield value.isBlank() ? "x" + value : value;
			}
		};
	}

	private static String hostileFlag(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> pick(random, "maybe", "2", "-1", "truee", "t rue", "是", "真", "null", "undefined", "[]", "{}");
			case 1 -> "true" + pick(random, "\u200B", "'", "<", "\u202E", "\u3000");
			default -> {
				String value = HostileCorpus.VALUES.get(random.nextInt(HostileCorpus.VALUES.size()));
				yield List.of("true", "false", "null").contains(value) || value.isBlank() ? "x" + value : value;
			}
		};
	}

	/** Years no reading turns into 2000-2999 ({@code null}: the parameter left out). */
	private static String hostileYear(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> String.valueOf(random.nextInt(2000) - random.nextInt(100_000));
			case 1 -> String.valueOf(3000 + random.nextInt(Integer.MAX_VALUE - 3000));
			case 2 -> pick(random, "", null, "99999999999", "-2147483649", "2026.5", "2e3", "0x7FFFFFFF", "二〇二六",
					"2026年", "2026-01-01", "NaN", "%00");
			default -> {
				String value = HostileCorpus.VALUES.get(random.nextInt(HostileCorpus.VALUES.size()));
				yield value.isBlank() ? "x" + value : value;
			}
		};
	}

	private Attempt multipart(String description, String path, String field, String filename, byte[] content) {
		String boundary = "----minyi" + Long.toHexString(description.hashCode());
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ filename.replace("\"", "%22").replace("\r", "").replace("\n", "") + "\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Attempt(description, "POST", path, "wangfang", "multipart/form-data; boundary=" + boundary,
				body.toByteArray(), Refusal.RULE);
	}

	private Attempt brokenMultipart(Random random, String path, byte[] pdf) {
		Attempt valid = multipart("broken", path, "file", "说明.pdf", pdf);
		return switch (random.nextInt(5)) {
			case 0 -> new Attempt("multipart without its closing boundary", "POST", path, "wangfang",
					valid.contentType(), java.util.Arrays.copyOf(valid.body(), valid.body().length - 12), Refusal.RULE);
			case 1 -> new Attempt("multipart with another boundary", "POST", path, "wangfang",
					"multipart/form-data; boundary=other", valid.body(), Refusal.RULE);
			case 2 -> new Attempt("multipart without a boundary", "POST", path, "wangfang", "multipart/form-data",
					valid.body(), Refusal.RULE);
			case 3 -> new Attempt("the file as JSON", "POST", path, "wangfang", "application/json",
					"{\"file\": \"JVBERi0xLjQ=\"}".getBytes(StandardCharsets.UTF_8), Refusal.RULE);
			default ->
				new Attempt("the file as the raw body", "POST", path, "wangfang", "application/pdf", pdf, Refusal.RULE);
		};
	}

	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String query(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... choices) {
		return choices[random.nextInt(choices.length)];
	}

	// ---- fingerprint of the database

	private List<Object> fingerprint() {
		Map<String, Object> row = this.jdbc.queryForMap(this.fingerprintSql);
		return new ArrayList<>(row.values());
	}

	private String difference(List<Object> before, List<Object> after) {
		List<String> changed = new ArrayList<>();
		for (int i = 0; i < before.size(); i++) {
			if (!String.valueOf(before.get(i)).equals(String.valueOf(after.get(i)))) {
				changed.add(this.fingerprintLabels.get(i) + " " + before.get(i) + "→" + after.get(i));
			}
		}
		return String.join(", ", changed);
	}

	private void buildFingerprint() {
		List<String> labels = new ArrayList<>();
		List<String> queries = new ArrayList<>();
		for (String table : TABLES_WITH_ID) {
			labels.add(table);
			queries.add("SELECT COUNT(*) * 1000000000 + COALESCE(MAX(id), 0) FROM " + table);
		}
		for (String checksum : CHECKSUMS) {
			labels.add(checksum.substring(checksum.lastIndexOf(' ') + 1) + ":" + labels.size());
			queries.add(checksum);
		}
		for (String table : ENGINE_RUNTIME) {
			labels.add(table);
			queries.add("SELECT COUNT(*) * 1000000 + COALESCE(SUM(REV_), 0) FROM " + table);
		}
		for (String table : ENGINE_HISTORY) {
			labels.add(table);
			queries.add("SELECT COUNT(*) FROM " + table);
		}
		StringBuilder sql = new StringBuilder("SELECT ");
		for (int i = 0; i < queries.size(); i++) {
			sql.append((i == 0) ? "" : ", ").append('(').append(queries.get(i)).append(") AS f").append(i);
		}
		this.fingerprintLabels = labels;
		this.fingerprintSql = sql.toString();
	}

	// ---- one open task of each kind

	/**
	 * Once, in the first test: processes run only inside a test method (process test
	 * coverage).
	 */
	@BeforeEach
	void prepare() {
		if (this.fingerprintSql != null) {
			return;
		}
		buildFingerprint();
		String pieceDefinition = this.engine.repository()
			.createProcessDefinitionQuery()
			.processDefinitionKey(PieceProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		this.startFormFields = FormFieldsToProbe.of(this.engine.forms().getDeployedStartForm(pieceDefinition), piece());

		ProcessInstance register = submitted("登记");
		// With verification, so that the verifier field counts: the form shows it only
		// then.
		Map<String, Object> registration = PieceFixtures.accept(true);
		registration.put(PieceProcess.VERIFIER, "zhoumin");
		prepare(PieceProcess.TASK_REGISTER, register, "liqiang", registration);
		this.registeredPieceId = this.pieces.findByProcessInstanceId(register.getId()).orElseThrow().id();

		ProcessInstance revise = submitted("修改");
		Map<String, Object> giveBack = PieceFixtures.accept(false);
		giveBack.put("registrationDecision", "return");
		giveBack.put("registrationComment", "请补充数据来源");
		giveBack.remove("needsVerification");
		this.lifecycle.complete("liqiang", revise.getId(), giveBack);
		Map<String, Object> resubmit = new LinkedHashMap<>();
		resubmit.put("revisionDecision", "resubmit");
		resubmit.put("title", "关于恶意输入测试的建议（修改稿）");
		resubmit.put("situation", "情况（修改稿）");
		resubmit.put("analysis", "分析（修改稿）");
		resubmit.put("suggestions", "建议（修改稿）");
		resubmit.put("revisionComment", "已补充");
		prepare(PieceProcess.TASK_REVISE, revise, "wangfang", resubmit);

		ProcessInstance verify = submitted("核实");
		this.lifecycle.complete("liqiang", verify.getId(), PieceFixtures.accept(true));
		prepare(PieceProcess.TASK_VERIFY, verify, "zhoumin",
				map("verificationResult", "confirmed", "verificationNotes", "经实地走访，情况属实。"));

		ProcessInstance edit = submitted("编辑");
		this.lifecycle.complete("liqiang", edit.getId(), PieceFixtures.accept(false));
		Map<String, Object> edited = map("editAction", "edit", "editedTitle", "关于恶意输入测试的建议（编辑稿）", "editedSituation",
				"情况（编辑稿）", "editedAnalysis", "分析（编辑稿）", "editedSuggestions", "建议（编辑稿）");
		edited.put("withholdSource", false);
		edited.put("editComment", "已整理");
		prepare(PieceProcess.TASK_EDIT, edit, "liqiang", edited);

		ProcessInstance secretaryGeneral = submitted("秘书长审核");
		this.lifecycle.complete("liqiang", secretaryGeneral.getId(), PieceFixtures.accept(false));
		this.lifecycle.complete("liqiang", secretaryGeneral.getId(), withoutComment(edited));
		prepare(PieceProcess.TASK_SIGNOFF_SECRETARY_GENERAL, secretaryGeneral, "chenjun",
				map("signoffDecision", "approve", "signoffComment", "同意"));

		ProcessInstance viceChair = submitted("副主席签发");
		this.lifecycle.complete("liqiang", viceChair.getId(), PieceFixtures.accept(false));
		this.lifecycle.complete("liqiang", viceChair.getId(), withoutComment(edited));
		this.lifecycle.complete("chenjun", viceChair.getId(), Map.of("signoffDecision", "approve"));
		prepare(PieceProcess.TASK_SIGNOFF_VICE_CHAIR, viceChair, "sunli",
				map("signoffDecision", "approve", "signoffComment", "同意"));

		ProcessInstance awaitingIssue = signedOff("待刊发");
		ProcessInstance assemble = this.lifecycle.users()
			.as("liqiang",
					() -> this.engine.runtime()
						.startProcessInstanceByKey(DispatchProcess.BULLETIN_KEY,
								Map.of(DispatchProcess.PUBLICATION, "bulletin")));
		this.instances.add(assemble.getId());
		prepare(DispatchProcess.TASK_ASSEMBLE_ISSUE, assemble, "liqiang",
				map(DispatchProcess.PIECE_NUMBERS, number(awaitingIssue)));

		ProcessInstance dispatch = signedOff("报送");
		ProcessInstance bulletin = this.lifecycle.publish(number(dispatch));
		this.instances.add(bulletin.getId());
		prepare(DispatchProcess.TASK_DISTRIBUTE_ISSUE, bulletin, "liqiang", Map.of());
		Map<String, Object> dispatchValid = new LinkedHashMap<>();
		dispatchValid.put(DispatchProcess.DIRECT_REPORT, true);
		dispatchValid.put(DispatchProcess.FORWARD_REPORT, false);
		dispatchValid.put(DispatchProcess.UPWARD_CITY, false);
		dispatchValid.put(DispatchProcess.UPWARD_PROVINCE, false);
		dispatchValid.put(DispatchProcess.UPWARD_NATIONAL, false);
		prepare(DispatchProcess.TASK_DISPATCH, dispatch, "liqiang", dispatchValid);

		ProcessInstance answer = dispatched("上级采用", true);
		prepare(DispatchProcess.TASK_RECORD_ANSWER, answer, "liqiang", map(DispatchProcess.ADOPTION_FORM, "single",
				DispatchProcess.ADOPTED_ON, LocalDate.now().toString(), DispatchProcess.ADOPTION_REFERENCE, "市政协采用"));

		ProcessInstance api = dispatched("接口", true);
		this.dispatchedPieceId = this.pieces.findByProcessInstanceId(api.getId()).orElseThrow().id();

		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put(FollowupProcess.HANDLE_DECISION, FollowupProcess.REPLY);
		reply.put(FollowupProcess.REPLY_RESULT, "已制定并联审批办法，本月起实施。");
		reply.put(FollowupProcess.RESOLUTION, "solved");
		reply.put(FollowupProcess.SUBMITTER_CONTACTED, true);
		reply.put(FollowupProcess.CONTACT_METHOD, "phone");
		Map<String, Object> handBack = map(FollowupProcess.HANDLE_DECISION, FollowupProcess.HAND_BACK,
				FollowupProcess.HAND_BACK_REASON, "该事项属于规划部门职责");

		ProcessInstance handle = instructed("部门办理");
		prepareFollowup(FollowupProcess.TASK_HANDLE, handle, "wuhao", reply);

		ProcessInstance review = instructed("审核办复");
		completeFollowup(review, FollowupProcess.TASK_HANDLE, "wuhao", reply);
		prepareFollowup(FollowupProcess.TASK_REVIEW_REPLY, review, "zhengyu",
				map(FollowupProcess.REVIEW_DECISION, "accept", FollowupProcess.REVIEW_COMMENT, "同意"));

		ProcessInstance reviewHandBack = instructed("审核申退");
		completeFollowup(reviewHandBack, FollowupProcess.TASK_HANDLE, "wuhao", handBack);
		prepareFollowup(FollowupProcess.TASK_REVIEW_HAND_BACK, reviewHandBack, "zhengyu",
				map(FollowupProcess.HAND_BACK_DECISION, "approve", FollowupProcess.HAND_BACK_COMMENT, "同意"));

		ProcessInstance reassign = instructed("重新交办");
		completeFollowup(reassign, FollowupProcess.TASK_HANDLE, "wuhao", handBack);
		completeFollowup(reassign, FollowupProcess.TASK_REVIEW_HAND_BACK, "zhengyu",
				Map.of(FollowupProcess.HAND_BACK_DECISION, "approve"));
		prepareFollowup(FollowupProcess.TASK_REASSIGN, reassign, "liqiang",
				map(FollowupProcess.NEW_DEPARTMENT, "education-bureau"));

		ProcessInstance supervise = instructed("督办");
		Job overdue = this.engine.management()
			.createJobQuery()
			.processInstanceId(followupTask(supervise, FollowupProcess.TASK_HANDLE).getProcessInstanceId())
			.activityId(FollowupProcess.TIMER_OVERDUE)
			.singleResult();
		try {
			ClockUtil.setCurrentTime(new Date(overdue.getDuedate().getTime() + 60_000));
			this.engine.management().executeJob(overdue.getId());
		}
		finally {
			ClockUtil.reset();
		}
		prepareFollowup(FollowupProcess.TASK_SUPERVISE, supervise, "zhengyu",
				map(FollowupProcess.SUPERVISION_DECISION, "chase", FollowupProcess.SUPERVISION_COMMENT, "请于本周内办复"));
	}

	@AfterAll
	void reportAndCleanUp() throws IOException {
		StringBuilder table = new StringBuilder("| endpoint | inputs tried | refused |\n|---|---:|---:|\n");
		long tried = 0;
		long refused = 0;
		for (Map.Entry<String, long[]> row : SUMMARY.entrySet()) {
			table.append("| `")
				.append(row.getKey())
				.append("` | ")
				.append(row.getValue()[0])
				.append(" | ")
				.append(row.getValue()[1])
				.append(" |\n");
			tried += row.getValue()[0];
			refused += row.getValue()[1];
		}
		table.append("| **total** | **").append(tried).append("** | **").append(refused).append("** |\n");
		System.out.println("Hostile input on " + TestDatabase.name() + ":\n" + table);
		Path summary = Path.of("target", "hostile-input", "summary-" + TestDatabase.name().toLowerCase() + ".md");
		Files.createDirectories(summary.getParent());
		Files.writeString(summary, "Hostile input on " + TestDatabase.name() + "\n\n" + table);
		// Left open, these tasks would turn up in other tests' group task lists.
		for (String instance : this.instances) {
			if (this.engine.runtime().createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
				this.engine.runtime().deleteProcessInstance(instance, "hostile input test done", true);
			}
		}
	}

	private ProcessInstance submitted(String what) {
		ProcessInstance instance = this.lifecycle.submit(PieceFixtures.piece().unit(UNIT).title("关于恶意输入测试的建议：" + what));
		this.instances.add(instance.getId());
		return instance;
	}

	private ProcessInstance signedOff(String what) {
		ProcessInstance instance = this.lifecycle
			.signedOff(PieceFixtures.piece().unit(UNIT).title("关于恶意输入测试的建议：" + what));
		this.instances.add(instance.getId());
		return instance;
	}

	private ProcessInstance dispatched(String what, boolean upwardCity) {
		ProcessInstance instance = signedOff(what);
		this.instances.add(this.lifecycle.publish(number(instance)).getId());
		this.lifecycle.complete("liqiang", instance.getId(),
				Map.of(DispatchProcess.DIRECT_REPORT, true, DispatchProcess.UPWARD_CITY, upwardCity));
		return instance;
	}

	private ProcessInstance instructed(String what) {
		ProcessInstance instance = dispatched(what, false);
		long pieceId = this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow().id();
		Map<String, Object> body = map("leader", "district-mayor", "instructedOn", LocalDate.now().toString(), "text",
				"请研究办理。", "leadDepartment", "housing-bureau");
		assertThat(
				new Http(this.rest).post("liqiang", "/api/pieces/" + pieceId + "/instructions", body).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		this.engine.runtime()
			.createProcessInstanceQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(number(instance))
			.list()
			.forEach((followup) -> this.instances.add(followup.getId()));
		return instance;
	}

	private void prepare(String key, ProcessInstance instance, String userId, Map<String, Object> valid) {
		Task task = this.lifecycle.task(instance.getId());
		assertThat(task.getTaskDefinitionKey()).as("prepared task").isEqualTo(key);
		prepare(key, task.getId(), userId, valid);
	}

	private void prepareFollowup(String key, ProcessInstance piece, String userId, Map<String, Object> valid) {
		prepare(key, followupTask(piece, key).getId(), userId, valid);
	}

	/**
	 * The fields attacked are those the task's form lets its user set for the valid
	 * completion.
	 */
	private void prepare(String key, String taskId, String userId, Map<String, Object> valid) {
		Map<String, Object> filled = new HashMap<>(this.engine.tasks().getVariables(taskId));
		filled.putAll(valid);
		List<Field> fields = FormFieldsToProbe.of(this.engine.forms().getDeployedTaskForm(taskId), filled);
		this.tasks.put(key, new PreparedTask(key, taskId, userId, valid, fields));
	}

	private void completeFollowup(ProcessInstance piece, String key, String userId, Map<String, Object> variables) {
		Task task = followupTask(piece, key);
		this.lifecycle.users().run(userId, () -> this.engine.tasks().complete(task.getId(), variables));
	}

	private Task followupTask(ProcessInstance piece, String key) {
		return this.engine.tasks()
			.createTaskQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(number(piece))
			.taskDefinitionKey(key)
			.singleResult();
	}

	private String number(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow().registrationNumber();
	}

	private static Map<String, Object> piece() {
		return new LinkedHashMap<>(new java.util.TreeMap<>(PieceFixtures.piece().unit(UNIT).variables()));
	}

	private static Map<String, Object> withoutComment(Map<String, Object> edited) {
		Map<String, Object> variables = new HashMap<>(edited);
		variables.remove("editComment");
		return variables;
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
