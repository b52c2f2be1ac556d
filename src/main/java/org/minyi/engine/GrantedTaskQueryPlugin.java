package org.minyi.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs authorization-checked task queries (Tasklist's filters, engine-rest's task list
 * and count) through {@code org/minyi/engine/granted-task-query.xml}: the engine's
 * statement with its READ check written as uncorrelated subqueries, read once and hashed.
 * The engine joins the authorization table {@code ON
 * RESOURCE_ID_ IN (task, definition key, '*')}, which PostgreSQL can only evaluate per
 * candidate task: 20 µs each, 280 ms for a group with 13,000 open tasks, and a nested
 * loop of 10 s when the planner misjudges the grants' row count (seen on PostgreSQL 15).
 * Queries the engine does not check that way (no signed-in user, revoke checks) run the
 * engine's own statement. Reaches inside for the engine's {@code TaskManager}, its
 * MyBatis configuration and its {@code AuthorizationCheck};
 * {@code minyi.engine.granted-task-query.enabled=false} leaves the engine's own statement
 * (after an engine upgrade whose task query this no longer matches).
 */
@Component
@ConditionalOnProperty(name = "minyi.engine.granted-task-query.enabled", matchIfMissing = true)
class GrantedTaskQueryPlugin extends AbstractProcessEnginePlugin {

	private static final String MAPPER = "org/minyi/engine/granted-task-query.xml";

	private static final String NAMESPACE = "org.minyi.engine.GrantedTaskQuery.";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		ManagerOverride.register(configuration, TaskManager.class, GrantedTaskManager::new);
	}

	/**
	 * The statements include the engine's fragments, so they are parsed into its MyBatis
	 * configuration.
	 */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
		try (InputStream mapper = GrantedTaskQueryPlugin.class.getClassLoader().getResourceAsStream(MAPPER)) {
			new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The engine's manager, one per command, with the checked task queries answered by
	 * our statements.
	 */
	static class GrantedTaskManager extends TaskManager {

		@Override
		public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
			return select(query, "selectTaskByQueryCriteria", NAMESPACE + "selectGrantedTasks",
					(statement) -> getDbEntityManager().selectList(statement, query));
		}

		@Override
		public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
			return select(query, "selectTaskCountByQueryCriteria", NAMESPACE + "selectGrantedTaskCount",
					(statement) -> (Long) getDbEntityManager().selectOne(statement, query));
		}

		/**
		 * Runs the granted statement where the engine's would join the grants, else the
		 * engine's.
		 */
		private <T> T select(TaskQueryImpl query, String engines, String granted, Function<String, T> run) {
			configureQuery(query);
			AuthorizationCheck check = query.getAuthCheck();
			if (!isReadCheckedByJoin(check)) {
				return run.apply(engines);
			}
			query.setAuthCheck(new DeferredCheck(check));
			try {
				return run.apply(granted);
			}
			finally {
				query.setAuthCheck(check);
			}
		}

		/**
		 * When the engine's statement would join the authorization table (its
		 * authCheckJoin condition).
		 */
		static boolean isReadCheckedByJoin(AuthorizationCheck check) {
			// the getter, as the statement reads it (the field of the same name is not
			// kept up to date)
			return check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null
					&& !check.isRevokeAuthorizationCheckEnabled()
					&& check.getPermissionChecks().getCompositeChecks().isEmpty()
					&& !check.getPermissionChecks().getAtomicChecks().isEmpty();
		}

	}

	/**
	 * What the statement's parameter carries while it runs: no check for the engine's
	 * fragment, which then neither joins the authorization table nor tests its rows, and
	 * the engine's check as {@code grants}.
	 */
	public static final class DeferredCheck extends AuthorizationCheck {

		private final AuthorizationCheck grants;

		DeferredCheck(AuthorizationCheck grants) {
			this.grants = grants;
			setAuthorizationCheckEnabled(false);
		}

		public AuthorizationCheck getGrants() {
			return this.grants;
		}

	}

}
