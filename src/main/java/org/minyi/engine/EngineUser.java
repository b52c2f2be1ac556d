package org.minyi.engine;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The user the current engine call runs as (a delegate or listener sees the user who
 * completed the task), without the engine's own authentication type, which is internal
 * API.
 *
 * @param id the engine's user id
 * @param groupIds the user's groups, as the call was authenticated with them
 */
public record EngineUser(String id, List<String> groupIds) {

	public static Optional<EngineUser> current(IdentityService identityService) {
		Authentication authentication = identityService.getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			return Optional.empty();
		}
		List<String> groups = authentication.getGroupIds();
		return Optional
			.of(new EngineUser(authentication.getUserId(), (groups != null) ? List.copyOf(groups) : List.of()));
	}

	/**
	 * The current user's id, or {@code null} when the engine runs on its own (a job, a
	 * timer).
	 */
	public static String currentId(IdentityService identityService) {
		return current(identityService).map(EngineUser::id).orElse(null);
	}

}
