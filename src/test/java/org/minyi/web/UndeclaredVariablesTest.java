package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.piece.PieceProcess;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.WebappSession;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A user completing a task or starting a piece through engine-rest or Tasklist's REST API
 * may set only the variables of the form: anything else is refused with 400 and a code,
 * and nothing changes.
 */
@MinyiIntegrationTest
class UndeclaredVariablesTest {

	private static final String WEBAPP = "/camunda/api/engine/engine/default";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Engine engine;

	@Autowired
	JdbcTemplate jdbc;

	private Http http;

	@Autowired
	Lifecycle lifecycle;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.rest);
	}

	@Test
	void shouldRefuseAPieceIdOrARegistrationNumberWithARegistrationThroughEngineRest() {
		ProcessInstance instance = this.lifecycle.submit(PieceFixtures.piece().title(title()));
		Task task = claimed(instance, "liqiang");
		Object pieceId = this.engine.runtime().getVariable(instance.getId(), PieceProcess.PIECE_ID);

		Map<String, Object> withPieceId = new HashMap<>(PieceFixtures.accept(false));
		withPieceId.put(PieceProcess.PIECE_ID, 1L);
		assertRefused(
				this.http.post("liqiang", "/engine-rest/task/" + task.getId() + "/complete",
						Map.of("variables", AuthorizationMatrixTest.restVariables(withPieceId))),
				"UNDECLARED_VARIABLE", PieceProcess.PIECE_ID);

		for (String name : List.of(PieceProcess.REGISTRATION_NUMBER, "RegistrationNumber", "PIECEID")) {
			Map<String, Object> variables = new HashMap<>(PieceFixtures.accept(false));
			variables.put(name, "2026-999");
			assertRefused(
					this.http.post("liqiang", "/engine-rest/task/" + task.getId() + "/submit-form",
							Map.of("variables", AuthorizationMatrixTest.restVariables(variables))),
					"UNDECLARED_VARIABLE", name);
		}
		// A read-only field of the form (the submitter's title) may come back only as it
		// is.
		Map<String, Object> newTitle = new HashMap<>(PieceFixtures.accept(false));
		newTitle.put(PieceProcess.TITLE, "改过的标题");
		assertRefused(
				this.http.post("liqiang", "/engine-rest/task/" + task.getId() + "/complete",
						Map.of("variables", AuthorizationMatrixTest.restVariables(newTitle))),
				"READONLY_VARIABLE", PieceProcess.TITLE);

		assertThat(this.engine.tasks().createTaskQuery().taskId(task.getId()).count()).as("task still open").isOne();
		assertThat(this.engine.runtime().getVariable(instance.getId(), PieceProcess.PIECE_ID)).isEqualTo(pieceId);
		assertThat(this.engine.runtime().getVariable(instance.getId(), PieceProcess.REGISTRATION_NUMBER)).isNull();
		assertThat(this.engine.runtime().getVariables(instance.getId())).doesNotContainKeys("RegistrationNumber",
				"PIECEID");
		assertThat(this.engine.runtime().getVariable(instance.getId(), PieceProcess.TITLE)).isNotEqualTo("改过的标题");
		assertThat(this.engine.runtime().getVariable(instance.getId(), PieceProcess.REGISTRATION_DECISION)).isNull();

		// Exactly the form's fields, the read-only title sent back unchanged as Tasklist
		// does: accepted.
		Map<String, Object> accept = new HashMap<>(PieceFixtures.accept(false));
		accept.put(PieceProcess.TITLE, this.engine.runtime().getVariable(instance.getId(), PieceProcess.TITLE));
		ResponseEntity<Map<String, Object>> done = this.http.post("liqiang",
				"/engine-rest/task/" + task.getId() + "/complete",
				Map.of("variables", AuthorizationMatrixTest.restVariables(accept)));
		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.engine.tasks().createTaskQuery().taskId(task.getId()).count()).isZero();
		assertThat(this.engine.runtime().getVariable(instance.getId(), PieceProcess.REGISTRATION_NUMBER)).isNotNull();
	}

	@Test
	void shouldRefuseASignoffDecisionOrANewRegistrationNumberWithAnEditThroughTasklistsApi() {
		ProcessInstance instance = this.lifecycle.submit(PieceFixtures.piece().title(title()));
		this.lifecycle.complete("liqiang", instance.getId(), PieceFixtures.accept(false));
		Task task = claimed(instance, "liqiang");
		assertThat(task.getTaskDefinitionKey()).isEqualTo(PieceProcess.TASK_EDIT);
		String registrationNumber = (String) this.engine.runtime()
			.getVariable(instance.getId(), PieceProcess.REGISTRATION_NUMBER);
		HttpHeaders session = login("liqiang");

		Map<String, Object> approved = edit();
		approved.put(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE);
		assertRefused(
				webappPost(session, WEBAPP + "/task/" + task.getId() + "/submit-form",
						Map.of("variables", AuthorizationMatrixTest.restVariables(approved))),
				"UNDECLARED_VARIABLE", PieceProcess.SIGNOFF_DECISION);

		Map<String, Object> renumbered = edit();
		renumbered.put(PieceProcess.REGISTRATION_NUMBER, "2026-999");
		assertRefused(
				webappPost(session, WEBAPP + "/task/" + task.getId() + "/complete",
						Map.of("variables", AuthorizationMatrixTest.restVariables(renumbered))),
				"READONLY_VARIABLE", PieceProcess.REGISTRATION_NUMBER);

		// Written on their own, the task's variables follow the same rule.
		assertRefused(
				this.http.post("liqiang", "/engine-rest/task/" + task.getId() + "/variables",
						Map.of("modifications",
								AuthorizationMatrixTest
									.restVariables(Map.of(PieceProcess.REGISTRATION_NUMBER, "2026-999")))),
				"READONLY_VARIABLE", PieceProcess.REGISTRATION_NUMBER);
		assertRefused(
				this.http.post("liqiang", "/engine-rest/task/" + task.getId() + "/localVariables",
						Map.of("modifications",
								AuthorizationMatrixTest
									.restVariables(Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE)))),
				"UNDECLARED_VARIABLE", PieceProcess.SIGNOFF_DECISION);

		// No task of the models catches a BPMN error: uncaught, it would end the piece's
		// execution.
		assertRefused(
				this.http.post("liqiang", "/engine-rest/task/" + task.getId() + "/bpmnError",
						Map.of("errorCode", "any", "variables",
								AuthorizationMatrixTest
									.restVariables(Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE)))),
				"TASK_ACTION_NOT_ALLOWED", "不能");

		assertThat(this.engine.tasks().createTaskQuery().taskId(task.getId()).count()).as("task still open").isOne();
		assertThat(this.engine.runtime().getVariable(instance.getId(), PieceProcess.REGISTRATION_NUMBER))
			.isEqualTo(registrationNumber);
		assertThat(this.engine.runtime().getVariable(instance.getId(), PieceProcess.SIGNOFF_DECISION)).isNull();
		assertThat(this.engine.tasks().getVariablesLocal(task.getId()))
			.doesNotContainKey(PieceProcess.SIGNOFF_DECISION);
		assertThat(this.engine.runtime().getVariable(instance.getId(), PieceProcess.EDITED_TITLE))
			.isNotEqualTo("编辑后的标题");

		Map<String, Object> edit = edit();
		edit.put(PieceProcess.REGISTRATION_NUMBER, registrationNumber);
		ResponseEntity<String> done = webappPost(session, WEBAPP + "/task/" + task.getId() + "/submit-form",
				Map.of("variables", AuthorizationMatrixTest.restVariables(edit)));
		assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.engine.tasks().createTaskQuery().taskId(task.getId()).count()).isZero();
	}

	@Test
	void shouldRefuseABusinessKeyOrAnUndeclaredVariableOnStart() {
		String title = title();
		Map<String, Object> piece = AuthorizationMatrixTest
			.restVariables(PieceFixtures.piece().title(title).variables());
		String start = "/engine-rest/process-definition/key/" + PieceProcess.KEY + "/start";

		assertRefused(this.http.post("wangfang", start, Map.of("variables", piece, "businessKey", "2026-001")),
				"BUSINESS_KEY_NOT_ALLOWED", "业务标识");
		Map<String, Object> withNumber = new LinkedHashMap<>(piece);
		withNumber.putAll(AuthorizationMatrixTest.restVariables(Map.of(PieceProcess.REGISTRATION_NUMBER, "2026-001")));
		assertRefused(
				this.http.post("wangfang", "/engine-rest/process-definition/key/" + PieceProcess.KEY + "/submit-form",
						Map.of("variables", withNumber)),
				"UNDECLARED_VARIABLE", PieceProcess.REGISTRATION_NUMBER);
		assertRefused(
				this.http.post("wangfang", start,
						Map.of("variables", piece, "startInstructions",
								List.of(Map.of("type", "startBeforeActivity", "activityId", PieceProcess.TASK_EDIT)))),
				"START_OPTION_NOT_ALLOWED", "起始环节");
		HttpHeaders session = login("wangfang");
		assertRefused(webappPost(session, WEBAPP + "/process-definition/key/" + PieceProcess.KEY + "/submit-form",
				Map.of("variables", piece, "businessKey", "2026-001")), "BUSINESS_KEY_NOT_ALLOWED", "业务标识");
		assertThat(piecesTitled(title)).isZero();

		ResponseEntity<Map<String, Object>> started = this.http.post("wangfang", start, Map.of("variables", piece));
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(piecesTitled(title)).isOne();
	}

	@Test
	void shouldCheckNothingBeforeTheUserIsAuthenticated() {
		ProcessInstance instance = this.lifecycle.submit(PieceFixtures.piece().title(title()));
		Task task = this.lifecycle.task(instance.getId());
		ResponseEntity<String> anonymous = this.rest.exchange("/engine-rest/task/" + task.getId() + "/complete",
				HttpMethod.POST,
				json(Map.of("variables", AuthorizationMatrixTest.restVariables(Map.of(PieceProcess.PIECE_ID, 1L))),
						new HttpHeaders()),
				String.class);
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	// --- helpers

	private static void assertRefused(ResponseEntity<?> response, String code, String named) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
		String body = String.valueOf(response.getBody());
		assertThat(body).contains(code).contains("[" + code + "] ").contains(named);
	}

	private Task claimed(ProcessInstance instance, String userId) {
		Task task = this.lifecycle.task(instance.getId());
		this.engine.tasks().claim(task.getId(), userId);
		return task;
	}

	private static Map<String, Object> edit() {
		Map<String, Object> edit = new HashMap<>();
		edit.put(PieceProcess.EDIT_ACTION, PieceProcess.EDIT);
		edit.put(PieceProcess.EDITED_TITLE, "编辑后的标题");
		edit.put(PieceProcess.EDITED_SITUATION, "编辑后的情况");
		edit.put(PieceProcess.EDITED_ANALYSIS, "问题（编辑稿）");
		edit.put(PieceProcess.EDITED_SUGGESTIONS, "建议（编辑稿）");
		return edit;
	}

	private static String title() {
		return "未声明变量探针 " + ThreadLocalRandom.current().nextInt(1_000_000);
	}

	private long piecesTitled(String title) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM minyi_piece WHERE title = ?", Long.class, title);
	}

	private ResponseEntity<String> webappPost(HttpHeaders session, String path, Object body) {
		return this.rest.exchange(path, HttpMethod.POST, json(body, session), String.class);
	}

	private static HttpEntity<Object> json(Object body, HttpHeaders headers) {
		HttpHeaders copy = new HttpHeaders();
		copy.addAll(headers);
		copy.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, copy);
	}

	private HttpHeaders login(String userId) {
		return WebappSession.login(this.rest, userId).headers();
	}

}
