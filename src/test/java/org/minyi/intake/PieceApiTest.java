package org.minyi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.minyi.piece.PieceRepository;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@MinyiIntegrationTest
class PieceApiTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	PieceRepository pieces;

	@Autowired
	RuntimeService runtimeService;

	@Test
	void shouldSubmitAPieceAndShowItWithItsTimelineToItsSubmitter() {
		Http http = new Http(this.rest);
		ResponseEntity<Map<String, Object>> created = http.post("wangfang", "/api/pieces",
				PieceFixtures.piece().build());
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Object id = created.getBody().get("id");

		ResponseEntity<Map<String, Object>> read = http.get("wangfang", "/api/pieces/" + id);
		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read.getBody()).containsEntry("status", "SUBMITTED").containsEntry("statusName", "已提交");
		assertThat((List<?>) read.getBody().get("timeline")).hasSize(1);
		// Only the decimal id names the piece; Spring alone would read 0x… as the same
		// number.
		ResponseEntity<Map<String, Object>> hex = http.get("wangfang",
				"/api/pieces/0x" + Long.toHexString(((Number) id).longValue()));
		assertThat(hex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(hex.getBody()).containsEntry("code", "INVALID_PARAMETER");
		assertThat(http.getList("wangfang", "/api/pieces/mine").getBody()).extracting((piece) -> piece.get("id"))
			.contains(id);
		assertThat(http.getList("zhaolei", "/api/pieces/mine").getBody()).extracting((piece) -> piece.get("id"))
			.doesNotContain(id);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldNameThePiecesProcessAndTheOpenTasksTheCallerMaySee() {
		Http http = new Http(this.rest);
		Map<String, Object> created = http.post("wangfang", "/api/pieces", PieceFixtures.piece().build()).getBody();
		String processInstanceId = (String) created.get("processInstanceId");
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult())
			.isNotNull();
		Object id = created.get("id");

		List<Map<String, Object>> registrarsTasks = (List<Map<String, Object>>) http.get("liqiang", "/api/pieces/" + id)
			.getBody()
			.get("openTasks");
		assertThat(registrarsTasks).singleElement()
			.satisfies((task) -> assertThat(task).containsEntry("taskDefinitionKey", "task_register")
				.containsEntry("processDefinitionKey", "minyi-piece")
				.containsEntry("tasklistUrl", "/camunda/app/tasklist/default/#/?task=" + task.get("id")));
		assertThat(http.get("wangfang", "/api/pieces/" + id).getBody())
			.as("the submitter may not see the registrar's task")
			.containsEntry("processInstanceId", processInstanceId)
			.containsEntry("openTasks", List.of());

		// The typed variable an integrator queries by, as the README shows it.
		ResponseEntity<List<Object>> byVariable = this.rest.withBasicAuth("liqiang", "demo")
			.exchange("/engine-rest/process-instance?firstResult=0&maxResults=10", HttpMethod.POST,
					new HttpEntity<>(
							Map.of("variables", List.of(Map.of("name", "pieceId", "operator", "eq", "value", id)))),
					new ParameterizedTypeReference<List<Object>>() {
					});
		assertThat(byVariable.getBody()).extracting((instance) -> ((Map<String, Object>) instance).get("id"))
			.containsExactly(processInstanceId);
	}

	@Test
	void shouldHideAPieceFromAnotherSubmitterAndAConfidentialOneFromUnclearedStaff() {
		Http http = new Http(this.rest);
		Object open = http.post("wangfang", "/api/pieces", PieceFixtures.piece().build()).getBody().get("id");
		Object secret = http.post("wangfang", "/api/pieces", PieceFixtures.piece().confidential().build())
			.getBody()
			.get("id");

		assertThat(http.get("zhaolei", "/api/pieces/" + open).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(http.get("zhengyu", "/api/pieces/" + open).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.get("zhengyu", "/api/pieces/" + secret).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(http.get("zhoumin", "/api/pieces/" + secret).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(http.get("liqiang", "/api/pieces/" + secret).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.get("chenjun", "/api/pieces/" + secret).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.get("wangfang", "/api/pieces/" + secret).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldRefuseBadSubmissionsWithACodeAndChangeNothing() {
		Http http = new Http(this.rest);
		long before = this.pieces.count();

		assertRefused(http.post("wangfang", "/api/pieces", submission("title", null)), "FIELD_REQUIRED");
		assertRefused(http.post("wangfang", "/api/pieces", submission("title", "长".repeat(101))), "FIELD_TOO_LONG");
		assertRefused(http.post("wangfang", "/api/pieces", submission("situation", "x".repeat(1501))),
				"FIELD_TOO_LONG");
		assertRefused(http.post("wangfang", "/api/pieces", submission("categoryCode", "astrology")),
				"FIELD_INVALID_OPTION");
		assertRefused(http.post("wangfang", "/api/pieces", submission("urgency", "yesterday")), "FIELD_INVALID_OPTION");
		assertRefused(http.post("wangfang", "/api/pieces", submission("coSubmitters", "nobody-here")),
				"UNKNOWN_CO_SUBMITTER");
		assertRefused(http.post("wangfang", "/api/pieces", submission("title", "标题\u0000")),
				"FIELD_CONTROL_CHARACTERS");
		ResponseEntity<String> malformed = http.postRaw("wangfang", "/api/pieces", "{\"title\": ");
		assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(malformed.getBody()).contains("MALFORMED_REQUEST");

		assertThat(this.pieces.count()).isEqualTo(before);
	}

	@Test
	void shouldAnswer401ToAnonymousCalls() {
		assertThat(this.rest.getForEntity("/api/pieces/mine", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private static Map<String, Object> submission(String field, Object value) {
		Map<String, Object> body = new HashMap<>(PieceFixtures.piece().variables());
		body.put(field, value);
		return body;
	}

	private static void assertRefused(ResponseEntity<Map<String, Object>> response, String code) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("code", code);
		assertThat((String) response.getBody().get("message")).isNotBlank();
	}

}
