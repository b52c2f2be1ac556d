package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.piece.PieceProcess;
import org.minyi.support.Engine;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@MinyiIntegrationTest
class EngineRestSecurityTest {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Engine engine;

	@Autowired
	Users users;

	private ProcessInstance instance;

	@BeforeEach
	void startPieceWaitingForInfoSection() {
		this.instance = this.users.as("wangfang", () -> this.engine.runtime()
			.startProcessInstanceByKey(PieceProcess.KEY, PieceFixtures.piece().variables()));
	}

	@AfterEach
	void removePiece() {
		this.engine.runtime().deleteProcessInstance(this.instance.getId(), "test cleanup");
	}

	@Test
	void shouldAnswer401WithoutCredentials() {
		ResponseEntity<String> response = this.rest.getForEntity("/engine-rest/process-definition", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldAnswer401WithWrongPassword() {
		// A user of its own: a failed login delays that user's next logins (the engine's
		// throttling).
		if (this.engine.identity().createUserQuery().userId("wrongPasswordProbe").count() == 0) {
			User probe = this.engine.identity().newUser("wrongPasswordProbe");
			probe.setPassword("Right-Password-1");
			this.engine.identity().saveUser(probe);
		}
		ResponseEntity<String> response = this.rest.withBasicAuth("wrongPasswordProbe", "wrong")
			.getForEntity("/engine-rest/process-definition", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldListDeployedDefinitionsToAdministrator() {
		ResponseEntity<List<Map<String, Object>>> response = this.rest.withBasicAuth("admin", "Test-Admin-Pw-1")
			.exchange("/engine-rest/process-definition?firstResult=0&maxResults=100", HttpMethod.GET, null, LIST);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).extracting((definition) -> definition.get("key")).contains(PieceProcess.KEY);
	}

	@Test
	void shouldShowGroupTaskToItsGroupOnly() {
		assertThat(tasksVisibleTo("liqiang")).contains(this.instance.getId());
		assertThat(tasksVisibleTo("wangfang")).doesNotContain(this.instance.getId());
		assertThat(tasksVisibleTo("zhengyu")).doesNotContain(this.instance.getId());
	}

	@Test
	void shouldKeepHealthAnonymousButSilent() {
		ResponseEntity<String> response = this.rest.getForEntity("/actuator/health", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
	}

	@Test
	void shouldSendSecurityHeadersWithTheApplicationsOwnPagesAndApi() {
		for (String path : List.of("/statistics.html", "/attachments.html", "/api/pieces/mine")) {
			ResponseEntity<String> response = this.rest.withBasicAuth("wangfang", "demo")
				.getForEntity(path, String.class);
			assertThat(response.getHeaders().getFirst("Content-Security-Policy")).as(path)
				.contains("default-src 'self'");
			assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
		}
	}

	private List<Object> tasksVisibleTo(String userId) {
		ResponseEntity<List<Map<String, Object>>> response = this.rest.withBasicAuth(userId, "demo")
			.exchange("/engine-rest/task?processInstanceId={id}&firstResult=0&maxResults=100", HttpMethod.GET, null,
					LIST, this.instance.getId());
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody().stream().map((task) -> task.get("processInstanceId")).toList();
	}

}
