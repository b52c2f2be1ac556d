package org.minyi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The policy's default follows the database as configured when the engine starts; a
 * setting overrides it.
 */
class PasswordPolicyDefaultTest {

	@Test
	void isOnForPostgresOffOnH2UnlessSet() {
		StandardEnvironment environment = new StandardEnvironment();
		ConfigurationPropertySources.attach(environment);
		new PasswordPolicyDefault().postProcessEnvironment(environment, new SpringApplication());
		assertThat(policy(environment)).as("H2").isFalse();

		environment.getPropertySources()
			.addFirst(new MapPropertySource("later", Map.of("spring.datasource.url", "jdbc:postgresql://db/minyi")));
		assertThat(policy(environment)).as("PostgreSQL, configured after the default").isTrue();

		environment.getPropertySources()
			.addFirst(new MapPropertySource("operator", Map.of(PasswordPolicyDefault.PROPERTY, "false")));
		assertThat(policy(environment)).as("set by the operator").isFalse();
	}

	private static Boolean policy(StandardEnvironment environment) {
		return environment.getProperty(PasswordPolicyDefault.PROPERTY, Boolean.class);
	}

}
