package org.minyi.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.List;
import java.util.Map;

import org.minyi.identity.GroupGrants.Grant;

/**
 * What each role may do in the engine whatever the process, beyond the task
 * authorizations the engine grants by itself to a task's candidates and assignee; each
 * capability adds the grants on its own processes ({@link ProcessGrants}). Reconciled at
 * every start-up: a grant removed here is removed there. Administrators get everything
 * and are not listed.
 */
final class RolePermissions {

	private static final Grant TASKLIST = Grant.of(APPLICATION, "tasklist", ACCESS);

	private static final Grant COCKPIT = Grant.of(APPLICATION, "cockpit", ACCESS);

	private static final Grant CREATE_PROCESS_INSTANCE = Grant.of(PROCESS_INSTANCE, "*", CREATE);

	/**
	 * The info-section answers for every piece's progress: it reads every instance in
	 * Cockpit and every task, not only its own. One grant on all definitions also spares
	 * its task lists the check against the engine's per-task grants, ten thousand and
	 * more for this group (GrantedTaskQueryPlugin).
	 */
	private static final Grant WATCH_ALL_PROCESSES = Grant.of(PROCESS_DEFINITION, "*", READ, READ_INSTANCE,
			READ_HISTORY, READ_TASK);

	private static final Grant READ_DEFINITIONS = Grant.of(PROCESS_DEFINITION, "*", READ);

	private static final Grant READ_ALL_INSTANCES = Grant.of(PROCESS_INSTANCE, "*", READ);

	private static final Grant READ_DECISIONS = Grant.of(DECISION_DEFINITION, "*", READ, READ_HISTORY);

	static final Map<Role, List<Grant>> GRANTS = Map.of(Role.SUBMITTER, List.of(TASKLIST, CREATE_PROCESS_INSTANCE),
			Role.INFO_SECTION,
			List.of(TASKLIST, COCKPIT, CREATE_PROCESS_INSTANCE, WATCH_ALL_PROCESSES, READ_ALL_INSTANCES,
					READ_DECISIONS),
			Role.VERIFIER, List.of(TASKLIST), Role.SECRETARY_GENERAL, List.of(TASKLIST), Role.VICE_CHAIR,
			List.of(TASKLIST), Role.LEADER, List.of(TASKLIST), Role.DEPARTMENT, List.of(TASKLIST),
			// Supervisors read instances one by one (PieceAuthorizations): never a
			// confidential piece.
			Role.SUPERVISOR, List.of(TASKLIST, COCKPIT, READ_DEFINITIONS));

	private RolePermissions() {
	}

}
