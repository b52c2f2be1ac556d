package org.minyi.dispatch;

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
 * Only the information section assembles and publishes bulletin issues. The staff roles
 * read the dispatch definition: the piece process calls it as the user whose task
 * completion reaches the call activity.
 */
@Component
class DispatchGrants implements ProcessGrants {

	private static final Grant PUBLISH_BULLETIN = Grant.of(PROCESS_DEFINITION, DispatchProcess.BULLETIN_KEY, READ,
			CREATE_INSTANCE);

	private static final Grant READ_DISPATCH = Grant.of(PROCESS_DEFINITION, DispatchProcess.KEY, READ);

	@Override
	public Map<Role, List<Grant>> byRole() {
		return Map.of(Role.INFO_SECTION, List.of(PUBLISH_BULLETIN), Role.VERIFIER, List.of(READ_DISPATCH),
				Role.SECRETARY_GENERAL, List.of(READ_DISPATCH), Role.VICE_CHAIR, List.of(READ_DISPATCH), Role.LEADER,
				List.of(READ_DISPATCH), Role.DEPARTMENT, List.of(READ_DISPATCH));
	}

}
