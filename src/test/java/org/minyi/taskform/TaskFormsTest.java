package org.minyi.taskform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.minyi.piece.PieceProcess;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.Users;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A completion through engine-rest is checked by the HTTP boundary and again by the
 * completion listener: both read the same parsed form, which is parsed once per deployed
 * form.
 */
@MinyiIntegrationTest
class TaskFormsTest {

	@Autowired
	TaskForms taskForms;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Test
	void shouldParseADeployedFormOnce() {
		ProcessInstance instance = new Users(this.identityService).as("wangfang", () -> this.runtimeService
			.startProcessInstanceByKey(PieceProcess.KEY, PieceFixtures.piece().variables()));
		Task task = this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		FormFields fields = this.taskForms.taskFormFields(task.getId());
		assertThat(fields.isEditable(PieceProcess.REGISTRATION_DECISION)).isTrue();
		assertThat(this.taskForms.taskFormFields(task.getId())).isSameAs(fields);
	}

}
