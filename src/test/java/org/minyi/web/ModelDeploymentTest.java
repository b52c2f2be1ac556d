package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * An administrator changes a model in Camunda Modeler and deploys it, as Modeler does,
 * through engine-rest with basic auth: new instances get the new version, running ones
 * keep theirs. The forms and the DMN are bound to their latest version, so a diagram
 * deployed alone still finds them.
 */
@MinyiIntegrationTest
class ModelDeploymentTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Engine engine;

	@Autowired
	Users users;

	@Test
	void shouldDeployAChangedModelAsANewVersionWhileRunningInstancesKeepTheirs() throws Exception {
		ProcessInstance running = this.users.as("liqiang", () -> this.engine.runtime()
			.startProcessInstanceByKey(DispatchProcess.BULLETIN_KEY, Map.of(DispatchProcess.PUBLICATION, "bulletin")));
		ProcessDefinition before = latest();

		String changed = Files.readString(Path.of("bpmn/bulletin.bpmn"), StandardCharsets.UTF_8)
			.replace("name=\"编排期刊\"", "name=\"编排期刊（新版）\"");
		ResponseEntity<Map<String, Object>> deployed = deploy("admin", "Test-Admin-Pw-1", changed);
		assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);

		ProcessDefinition after = latest();
		assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
		assertThat(this.engine.runtime()
			.createProcessInstanceQuery()
			.processInstanceId(running.getId())
			.singleResult()
			.getProcessDefinitionId()).isEqualTo(before.getId());
		ProcessInstance fresh = this.users.as("liqiang", () -> this.engine.runtime()
			.startProcessInstanceByKey(DispatchProcess.BULLETIN_KEY, Map.of(DispatchProcess.PUBLICATION, "bulletin")));
		assertThat(fresh.getProcessDefinitionId()).isEqualTo(after.getId());

		assertThat(deploy("liqiang", "demo", changed).getStatusCode()).as("only administrators deploy")
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	private ProcessDefinition latest() {
		return this.engine.repository()
			.createProcessDefinitionQuery()
			.processDefinitionKey(DispatchProcess.BULLETIN_KEY)
			.latestVersion()
			.singleResult();
	}

	private ResponseEntity<Map<String, Object>> deploy(String user, String password, String bpmn) {
		LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("deployment-name", "bulletin");
		body.add("deployment-source", "Camunda Modeler");
		body.add("deploy-changed-only", "true");
		body.add("bulletin.bpmn", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {

			@Override
			public String getFilename() {
				return "bulletin.bpmn";
			}

		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.rest.withBasicAuth(user, password)
			.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers), Http.OBJECT);
	}

}
