package org.minyi.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The password policy is on for PostgreSQL and off on H2 (a first run or a demo, where
 * the demo password must work), unless {@code minyi.engine.password-policy.enabled} is
 * set. The default is the last property source and judges the database when it is read,
 * not now: the datasource may still be configured after this (a test's context
 * initializer does so).
 */
public class PasswordPolicyDefault implements EnvironmentPostProcessor {

	static final String PROPERTY = "minyi.engine.password-policy.enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new PropertySource<>("minyi-password-policy-default", PROPERTY) {

			@Override
			public Object getProperty(String name) {
				return PROPERTY.equals(name) ? String.valueOf(DatabaseMode.of(environment) == DatabaseMode.PRODUCTION)
						: null;
			}

		});
	}

}
