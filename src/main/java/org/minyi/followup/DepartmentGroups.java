package org.minyi.followup;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import org.minyi.dispatch.DispatchProcess;
import org.minyi.identity.GroupGrants;
import org.minyi.identity.GroupGrants.Grant;
import org.minyi.piece.PieceProcess;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One engine group per department of the recipient list ({@code dept-<code>}), so a
 * department's users see only their own cases. Created at every start for departments an
 * administrator added since.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DepartmentGroups implements ApplicationRunner {

	private final JdbcTemplate jdbc;

	private final GroupGrants grants;

	DepartmentGroups(JdbcTemplate jdbc, GroupGrants grants) {
		this.jdbc = jdbc;
		this.grants = grants;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.jdbc.query("SELECT code, name FROM minyi_recipient WHERE kind = 'DEPARTMENT' AND active = TRUE", (row) -> {
			String group = FollowupService.departmentGroup(row.getString(1));
			this.grants.ensureGroup(group, row.getString(2));
			this.grants.reconcile(group, Grant.of(APPLICATION, "tasklist", ACCESS));
			// Tasklist reads each task's form from its process definition.
			for (String key : new String[] { PieceProcess.KEY, DispatchProcess.KEY, FollowupProcess.KEY }) {
				this.grants.reconcile(group, Grant.of(PROCESS_DEFINITION, key, READ));
			}
		});
	}

}
