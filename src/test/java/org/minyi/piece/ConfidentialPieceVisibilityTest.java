package org.minyi.piece;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.support.Engine;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.Users;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Tasklist and Cockpit show of a confidential piece: the engine's own queries, as
 * each user.
 */
@MinyiIntegrationTest
class ConfidentialPieceVisibilityTest {

	@Autowired
	Engine engine;

	@Autowired
	Users users;

	@Test
	void shouldShowAConfidentialPieceAndItsTasksOnlyToClearedUsers() {
		ProcessInstance secret = this.users.as("wangfang", () -> this.engine.runtime()
			.startProcessInstanceByKey(PieceProcess.KEY, PieceFixtures.piece().confidential().variables()));
		ProcessInstance open = this.users.as("wangfang", () -> this.engine.runtime()
			.startProcessInstanceByKey(PieceProcess.KEY, PieceFixtures.piece().variables()));

		assertThat(tasksSeenBy("liqiang", secret)).isOne();
		for (String outsider : new String[] { "zhengyu", "zhoumin", "huangwei", "wuhao", "zhaolei" }) {
			assertThat(tasksSeenBy(outsider, secret)).as(outsider + " sees no task").isZero();
			assertThat(instancesSeenBy(outsider, secret)).as(outsider + " sees no instance").isZero();
		}
		assertThat(instancesSeenBy("zhengyu", open)).as("supervisors watch ordinary pieces").isOne();
		assertThat(instancesSeenBy("wangfang", secret)).as("the submitter sees their own piece").isOne();
		assertThat(instancesSeenBy("liqiang", secret)).isOne();
	}

	private long tasksSeenBy(String userId, ProcessInstance instance) {
		return this.users.as(userId,
				() -> this.engine.tasks().createTaskQuery().processInstanceId(instance.getId()).count());
	}

	private long instancesSeenBy(String userId, ProcessInstance instance) {
		return this.users.as(userId,
				() -> this.engine.runtime().createProcessInstanceQuery().processInstanceId(instance.getId()).count());
	}

}
