package org.minyi.common;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Planner settings for every PostgreSQL connection of the pool, measured against the engine's
 * authorization-checked task queries (Tasklist's filters). Each open task carries an authorization row
 * for its candidate group; the planner underestimates how many of them a group has (it cannot estimate
 * {@code PERMS_ & ? = ?}) and joins every task with every one of them in a materialized nested loop:
 * 1,307 tasks took 207 ms, growing with the square of the backlog. Without materialization it probes the
 * authorization index per task: 14 ms. The engine's statements are prepared on the server after a few
 * runs; a generic plan would lose the estimates from the actual user and group, so every run is planned
 * with its values. JIT compilation is off: it is for long analytical queries, and the planner's cost
 * estimate of the task query (far above {@code jit_above_cost}) made PostgreSQL 15 spend 207 ms
 * compiling a query that then ran in 100 ms. See README "Performance".
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
