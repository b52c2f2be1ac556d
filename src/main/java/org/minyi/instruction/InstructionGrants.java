package org.minyi.instruction;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import java.util.List;
import java.util.Map;

import org.minyi.identity.GroupGrants.Grant;
import org.minyi.identity.ProcessGrants;
import org.minyi.identity.Role;
import org.springframework.stereotype.Component;

/** Only the information section records leaders' instructions. */
@Component
class InstructionGrants implements ProcessGrants {

	private static final Grant RECORD_INSTRUCTION = Grant.of(PROCESS_DEFINITION, InstructionProcess.KEY, READ,
			CREATE_INSTANCE);

	@Override
	public Map<Role, List<Grant>> byRole() {
		return Map.of(Role.INFO_SECTION, List.of(RECORD_INSTRUCTION));
	}

}
