package org.minyi.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every pooled PostgreSQL session has the planner settings the engine's task queries are
 * measured with.
 */
@MinyiIntegrationTest
class PostgresSessionSettingsTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void pooledSessionsRunWithoutMaterializationJitAndGenericPlans() {
		assumeTrue(TestDatabase.isPostgres(), "PostgreSQL settings");
		assertThat(this.jdbc.queryForObject("SHOW enable_material", String.class)).isEqualTo("off");
		assertThat(this.jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
		assertThat(this.jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
	}

}
