package org.minyi.piece;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.Users;
import org.springframework.beans.factory.annotation.Autowired;

/** What Tasklist and Cockpit show of a confidential piece: the engine's own queries, as each user. */
@MinyiIntegrationTest
class ConfidentialPieceVisibilityTest {

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Test
	void shouldShowAConfidentialPieceAndItsTasksOnlyToClearedUsers() {
		Users users = new Users(this.identityService);
		ProcessInstance secret = users.as("wangfang", () -> this.runtimeService
			.startProcessInstanceByKey(PieceProcess.KEY, PieceFixtures.piece().confidential().variables()));
		ProcessInstance open = users.as("wangfang", () -> this.runtimeService
			.startProcessInstanceByKey(PieceProcess.KEY, PieceFixtures.piece().variables()));

		assertThat(tasksSeenBy(users, "liqiang", secret)).isOne();
		for (String outsider : new String[] { "zhengyu", "zhoumin", "huangwei", "wuhao", "zhaolei" }) {
			assertThat(tasksSeenBy(users, outsider, secret)).as(outsider + " sees no task").isZero();
			assertThat(instancesSeenBy(users, outsider, secret)).as(outsider + " sees no instance").isZero();
		}
		assertThat(instancesSeenBy(users, "zhengyu", open)).as("supervisors watch ordinary pieces").isOne();
		assertThat(instancesSeenBy(users, "wangfang", secret)).as("the submitter sees their own piece").isOne();
		assertThat(instancesSeenBy(users, "liqiang", secret)).isOne();
	}

	private long tasksSeenBy(Users users, String userId, ProcessInstance instance) {
		return users.as(userId,
				() -> this.taskService.createTaskQuery().processInstanceId(instance.getId()).count());
	}

	private long instancesSeenBy(Users users, String userId, ProcessInstance instance) {
		return users.as(userId, () -> this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.count());
	}

}
