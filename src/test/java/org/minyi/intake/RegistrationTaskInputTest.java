package org.minyi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.piece.PieceProcess;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Tasklist validates forms in the browser only; engine-rest accepts anything. These calls
 * go straight to engine-rest, as any client could, and must be refused with 400, a code
 * and a Chinese message, leaving the task open and the piece unnumbered.
 */
@MinyiIntegrationTest
class RegistrationTaskInputTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Engine engine;

	@Autowired
	Users users;

	private Task task;

	private ProcessInstance instance;

	@BeforeEach
	void startPiece() {
		this.instance = this.users.as("wangfang", () -> this.engine.runtime()
			.startProcessInstanceByKey(PieceProcess.KEY, PieceFixtures.piece().variables()));
		this.task = this.engine.tasks().createTaskQuery().processInstanceId(this.instance.getId()).singleResult();
	}

	@Test
	void shouldRefuseACompletionWithoutADecision() {
		Map<String, Object> variables = PieceFixtures.accept(false);
		variables.remove(PieceProcess.REGISTRATION_DECISION);
		assertRefused(variables, "FIELD_REQUIRED", "登记结论");
	}

	@Test
	void shouldRefuseAnUnknownDecision() {
		Map<String, Object> variables = PieceFixtures.accept(false);
		variables.put(PieceProcess.REGISTRATION_DECISION, "maybe");
		assertRefused(variables, "FIELD_INVALID_OPTION", "登记结论");
	}

	@Test
	void shouldRefuseAReturnWithoutAComment() {
		Map<String, Object> variables = PieceFixtures.accept(false);
		variables.put(PieceProcess.REGISTRATION_DECISION, PieceProcess.RETURN);
		assertRefused(variables, "COMMENT_REQUIRED", "意见");
	}

	@Test
	void shouldRefuseAnOverlongComment() {
		Map<String, Object> variables = PieceFixtures.accept(false);
		variables.put(PieceProcess.REGISTRATION_DECISION, PieceProcess.REJECT);
		variables.put(PieceProcess.REGISTRATION_COMMENT, "理".repeat(501));
		assertRefused(variables, "FIELD_TOO_LONG", "不能超过500个字");
	}

	@Test
	void shouldRefuseAnUnknownCategory() {
		Map<String, Object> variables = PieceFixtures.accept(false);
		variables.put(PieceProcess.CATEGORY, "astrology");
		assertRefused(variables, "FIELD_INVALID_OPTION", "信息类别");
	}

	@Test
	void shouldRefuseVerificationOfAConfidentialPiece() {
		this.engine.runtime().deleteProcessInstance(this.instance.getId(), "replaced by a confidential piece");
		this.instance = this.users.as("wangfang", () -> this.engine.runtime()
			.startProcessInstanceByKey(PieceProcess.KEY, PieceFixtures.piece().confidential().variables()));
		this.task = this.engine.tasks().createTaskQuery().processInstanceId(this.instance.getId()).singleResult();
		assertRefused(PieceFixtures.accept(true), "CONFIDENTIAL_NOT_VERIFIABLE", "涉密");
	}

	@Test
	void shouldRefuseAVerifierOutsideTheVerifierGroup() {
		Map<String, Object> variables = PieceFixtures.accept(true);
		variables.put(PieceProcess.VERIFIER, "chenjun");
		assertRefused(variables, "VERIFIER_NOT_IN_GROUP", "「核实人」须为核实人组的成员");
		variables.put(PieceProcess.VERIFIER, 42);
		assertRefused(variables, "VERIFIER_NOT_IN_GROUP", "核实人组");
	}

	@Test
	void shouldAnswer400WhenAProcessIsStartedWithBadInputThroughEngineRest() {
		Map<String, Object> typed = new HashMap<>();
		PieceFixtures.piece().variables().forEach((name, value) -> typed.put(name, Map.of("value", value)));
		typed.put(PieceProcess.CATEGORY, Map.of("value", "astrology"));
		ResponseEntity<Map<String, Object>> response = new Http(this.rest).post("wangfang",
				"/engine-rest/process-definition/key/" + PieceProcess.KEY + "/start", Map.of("variables", typed));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("message")).startsWith("[FIELD_INVALID_OPTION]");
	}

	@Test
	void shouldAcceptAValidCompletion() {
		ResponseEntity<Map<String, Object>> response = complete(PieceFixtures.accept(false));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.engine.tasks().createTaskQuery().taskId(this.task.getId()).count()).isZero();
	}

	private void assertRefused(Map<String, Object> variables, String code, String messagePart) {
		ResponseEntity<Map<String, Object>> response = complete(variables);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("message")).contains("[" + code + "]").contains(messagePart);
		assertThat(this.engine.tasks().createTaskQuery().taskId(this.task.getId()).count()).as("task stays open")
			.isOne();
		assertThat(this.engine.runtime().getVariable(this.instance.getId(), PieceProcess.REGISTRATION_NUMBER))
			.as("nothing changed")
			.isNull();
	}

	private ResponseEntity<Map<String, Object>> complete(Map<String, Object> variables) {
		Map<String, Object> body = new HashMap<>();
		Map<String, Object> typed = new HashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		body.put("variables", typed);
		return new Http(this.rest).post("liqiang", "/engine-rest/task/" + this.task.getId() + "/complete", body);
	}

}
