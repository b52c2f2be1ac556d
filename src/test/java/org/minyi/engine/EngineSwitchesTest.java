package org.minyi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Each piece that replaces an engine internal can be switched off by its property,
 * leaving the engine's own behaviour; the password policy is on only when asked for. Only
 * these plugins, no engine is built.
 */
class EngineSwitchesTest {

	private final ApplicationContextRunner plugins = new ApplicationContextRunner()
		.withUserConfiguration(GrantedTaskQueryPlugin.class, AuthorizedGroupsPlugin.class, PasswordPolicyPlugin.class);

	@Test
	void replacesTheEnginesQueriesAndLeavesThePasswordPolicyOffByDefault() {
		this.plugins.run((context) -> assertThat(context).hasSingleBean(GrantedTaskQueryPlugin.class)
			.hasSingleBean(AuthorizedGroupsPlugin.class)
			.doesNotHaveBean(PasswordPolicyPlugin.class));
	}

	@Test
	void switchesEachPieceByItsProperty() {
		this.plugins
			.withPropertyValues("minyi.engine.granted-task-query.enabled=false",
					"minyi.engine.authorized-groups-probe.enabled=false", "minyi.engine.password-policy.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(GrantedTaskQueryPlugin.class)
				.doesNotHaveBean(AuthorizedGroupsPlugin.class)
				.hasSingleBean(PasswordPolicyPlugin.class));
	}

}
