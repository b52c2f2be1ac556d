package org.minyi.piece;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import java.util.List;
import java.util.Map;

import org.minyi.identity.GroupGrants.Grant;
import org.minyi.identity.ProcessGrants;
import org.minyi.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Who may start a piece, and who reads the piece process's definition: Tasklist reads a
 * task's Camunda Form from the definition's deployment.
 */
@Component
class PieceGrants implements ProcessGrants {

	private static final Grant START = Grant.of(PROCESS_DEFINITION, PieceProcess.KEY, READ, CREATE_INSTANCE);

	private static final Grant READ_DEFINITION = Grant.of(PROCESS_DEFINITION, PieceProcess.KEY, READ);

	@Override
	public Map<Role, List<Grant>> byRole() {
		return Map.of(Role.SUBMITTER, List.of(START), Role.INFO_SECTION, List.of(START), Role.VERIFIER,
				List.of(READ_DEFINITION), Role.SECRETARY_GENERAL, List.of(READ_DEFINITION), Role.VICE_CHAIR,
				List.of(READ_DEFINITION), Role.LEADER, List.of(READ_DEFINITION), Role.DEPARTMENT,
				List.of(READ_DEFINITION));
	}

}
