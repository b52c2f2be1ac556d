package org.minyi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the plugin, the engine refuses what its own default policy refuses, and the
 * application's save without the policy still stores a user. On a tiny in-memory engine
 * of its own (the shared test context has the policy only on PostgreSQL), named apart
 * from the application's engine.
 */
class PasswordPolicyPluginTest {

	private static final String WEAK = "demo";

	private static final String STRONG = "Gu4rded-Secret!";

	private static ProcessEngine engine;

	@BeforeAll
	static void engineWithThePlugin() {
		ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName("password-policy-plugin-test");
		configuration.setJdbcUrl("jdbc:h2:mem:password-policy-plugin-test;DB_CLOSE_DELAY=-1");
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
		configuration.setMetricsEnabled(false);
		configuration.getProcessEnginePlugins().add(new PasswordPolicyPlugin());
		engine = configuration.buildProcessEngine();
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	@Test
	void refusesWhatTheEnginesOwnPolicyRefuses() {
		IdentityService identityService = engine.getIdentityService();
		assertThat(new StandaloneInMemProcessEngineConfiguration().isEnablePasswordPolicy()).as("the engine's default")
			.isFalse();
		assertThat(identityService.getPasswordPolicy()).as("the engine's default policy").isNotNull();
		for (String password : new String[] { WEAK, STRONG }) {
			boolean enginesAnswer = identityService.checkPasswordAgainstPolicy(password).isValid();
			User user = identityService.newUser("user" + password.length());
			user.setPassword(password);
			if (enginesAnswer) {
				identityService.saveUser(user);
				assertThat(identityService.checkPassword(user.getId(), password)).isTrue();
			}
			else {
				assertThatThrownBy(() -> identityService.saveUser(user))
					.isExactlyInstanceOf(ProcessEngineException.class)
					.hasMessage("Password does not match policy");
				assertThat(identityService.createUserQuery().userId(user.getId()).count()).isZero();
			}
		}
		assertThat(identityService.checkPasswordAgainstPolicy(STRONG).isValid()).isTrue();
		assertThat(identityService.checkPasswordAgainstPolicy(WEAK).isValid()).isFalse();
	}

	@Test
	void savesTheApplicationsOwnUsersWithoutThePolicy() {
		IdentityService identityService = engine.getIdentityService();
		User demo = identityService.newUser("demouser");
		demo.setPassword(WEAK);
		assertThatThrownBy(() -> identityService.saveUser(demo)).hasMessage("Password does not match policy");
		PasswordPolicyPlugin.saveWithoutPolicy(identityService, demo);
		assertThat(identityService.checkPassword("demouser", WEAK)).isTrue();
	}

}
