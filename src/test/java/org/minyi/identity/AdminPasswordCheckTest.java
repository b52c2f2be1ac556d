package org.minyi.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

class AdminPasswordCheckTest {

	@Test
	void shouldRefuseToStartOnPostgresWithoutAdministratorPassword() {
		assertThatThrownBy(() -> startOnPostgres("")).hasMessageContaining("MINYI_ADMIN_PASSWORD is not set");
	}

	@Test
	void shouldRefuseToStartOnPostgresWithWellKnownPassword() {
		assertThatThrownBy(() -> startOnPostgres("Admin"))
			.hasMessageContaining("MINYI_ADMIN_PASSWORD is a well-known default");
	}

	private static void startOnPostgres(String adminPassword) {
		new SpringApplicationBuilder(MinyiApplication.class)
			.run("--spring.datasource.url=jdbc:postgresql://localhost:1/minyi",
					"--minyi.admin.password=" + adminPassword, "--server.port=0")
			.close();
	}

}
