package org.minyi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.minyi.identity.Role;
import org.minyi.support.MinyiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@MinyiIntegrationTest
class AuthorizedGroupsPluginTest {

	@Autowired
	ProcessEngineConfigurationImpl configuration;

	@Test
	void findsTheSameGroupsAsTheEngineByProbingTheIndex() {
		List<String> groups = List.of(Role.INFO_SECTION.groupId(), "no-such-group", Role.SUBMITTER.groupId(),
				Role.INFO_SECTION.groupId(), Role.SUPERVISOR.groupId());
		this.configuration.getCommandExecutorTxRequired().execute((context) -> {
			AuthorizationManager manager = context.getAuthorizationManager();
			assertThat(manager).isInstanceOf(AuthorizedGroupsPlugin.GroupProbingAuthorizationManager.class);
			List<String> engines = new AuthorizationManager().filterAuthenticatedGroupIds(groups);
			assertThat(manager.filterAuthenticatedGroupIds(groups)).containsExactlyInAnyOrderElementsOf(engines)
				.contains(Role.INFO_SECTION.groupId())
				.doesNotContain("no-such-group");
			assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
			return null;
		});
	}

}
