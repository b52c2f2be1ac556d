package org.minyi.identity;

import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a PostgreSQL installation without a real administrator password. Runs
 * before the context is built, so the operator sees this message and not a failure deep
 * inside the engine.
 */
public class AdminPasswordCheck implements EnvironmentPostProcessor {

	static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("", "admin", "demo", "camunda", "password", "123456",
			"12345678", "minyi", "changeit", "changeme");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (DatabaseMode.of(environment) != DatabaseMode.PRODUCTION) {
			return;
		}
		String password = environment.getProperty("minyi.admin.password", "");
		if (WELL_KNOWN_PASSWORDS.contains(password.trim().toLowerCase(Locale.ROOT))) {
			throw new IllegalStateException("MINYI_ADMIN_PASSWORD is "
					+ (password.isBlank() ? "not set" : "a well-known default")
					+ ": on PostgreSQL the initial administrator's password must be set in the environment "
					+ "variable MINYI_ADMIN_PASSWORD (or property minyi.admin.password) to a value that is not a "
					+ "well-known default. 未配置管理员初始密码或使用了常见默认密码，系统拒绝启动。");
		}
	}

}
