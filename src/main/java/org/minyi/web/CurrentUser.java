package org.minyi.web;

import java.util.List;

import org.minyi.identity.Role;

/**
 * The user an application API request runs as, authenticated by {@link ApiAuthenticationFilter}.
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
