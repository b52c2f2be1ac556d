package org.minyi.common;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Planner settings for every PostgreSQL connection of the pool, measured against the
 * engine's authorization-checked queries. They join {@code ACT_RU_AUTHORIZATION} on
 * {@code RESOURCE_ID_ IN (...)}, and the planner underestimates how many grants a user's
 * groups have (it cannot estimate {@code PERMS_ & ? = ?}): it joined every open task with
 * every one of its group's grants in a materialized nested loop, 1,307 tasks in 207 ms,
 * growing with the square of the backlog. Without materialization it probes the
 * authorization index per row: 14 ms. (The task query now has a statement of its own,
 * {@code engine/GrantedTaskQueryPlugin}; the engine's other checked queries, such as
 * Cockpit's lists of process instances for a supervisor, still join this way.) The
 * engine's statements are prepared on the server after a few runs; a generic plan would
 * lose the estimates from the actual user and group, so every run is planned with its
 * values. JIT compilation is off: it is for long analytical queries, and the planner's
 * cost estimate of the task query (far above {@code jit_above_cost}) made PostgreSQL 15
 * spend 207 ms compiling a query that then ran in 100 ms. See README "Performance".
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

	static final String SETTINGS = "SET enable_material = off; SET plan_cache_mode = force_custom_plan; SET jit = off";

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
			pool.setConnectionInitSql(SETTINGS);
		}
		return bean;
	}

}
