package org.minyi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Finds which of the signed-in user's groups have authorizations by probing the group
 * index once per group, instead of the engine's {@code SELECT DISTINCT GROUP_ID_} over
 * the whole authorization table in every authorization-checked command
 * (camunda-bpm-platform#5485). That table holds a row per open task and candidate group,
 * so the engine's way grows with the backlog: 2.5 ms per command with 20,000 open tasks,
 * several commands per Tasklist page. The answer is the same: the user's groups that
 * appear in the table, which the engine then uses to shorten its authorization checks.
 * Reaches inside for the engine's {@code AuthorizationManager} and the command's
 * connection; {@code minyi.engine.authorized-groups-probe.enabled=false} leaves the
 * engine's own lookup.
 */
@Component
@ConditionalOnProperty(name = "minyi.engine.authorized-groups-probe.enabled", matchIfMissing = true)
class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		String table = configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
		ManagerOverride.register(configuration, AuthorizationManager.class,
				() -> new GroupProbingAuthorizationManager(table));
	}

	/**
	 * The engine's manager, one per command, with the group lookup answered by index
	 * probes.
	 */
	static class GroupProbingAuthorizationManager extends AuthorizationManager {

		private final String probe;

		/**
		 * Per command, as the engine keeps its own answer; a command asks for the same
		 * groups many times.
		 */
		private final Map<List<String>, List<String>> answers = new HashMap<>();

		GroupProbingAuthorizationManager(String table) {
			this.probe = "SELECT 1 FROM " + table + " WHERE GROUP_ID_ = ? FETCH FIRST 1 ROWS ONLY";
		}

		@Override
		public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
			if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
				return new ArrayList<>();
			}
			return new ArrayList<>(this.answers.computeIfAbsent(List.copyOf(authenticatedGroupIds), this::withGrants));
		}

		private List<String> withGrants(List<String> groupIds) {
			Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
			List<String> found = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement(this.probe)) {
				for (String groupId : groupIds) {
					statement.setString(1, groupId);
					try (ResultSet row = statement.executeQuery()) {
						if (row.next() && !found.contains(groupId)) {
							found.add(groupId);
						}
					}
				}
			}
			catch (SQLException ex) {
				throw new ProcessEngineException("Could not look up the groups with authorizations", ex);
			}
			return found;
		}

	}

}
