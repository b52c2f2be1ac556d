package org.minyi.identity;

import java.util.List;

/**
 * The user an application API request runs as, as the web layer authenticated it:
 * capabilities check roles on it without knowing how the request was authenticated.
 *
 * @param id the engine's user id
 * @param groupIds the engine groups the user belongs to
 */
public record CurrentUser(String id, List<String> groupIds) {

	public boolean hasRole(Role role) {
		return this.groupIds.contains(role.groupId());
	}

	public boolean hasAnyRole(Role... roles) {
		for (Role role : roles) {
			if (hasRole(role)) {
				return true;
			}
		}
		return false;
	}

}
