package org.minyi.identity;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Groups and their authorizations, kept exactly as declared: used for the role groups and
 * for groups that come from data, such as one group per department.
 */
@Component
public class GroupGrants {

	/** A permission set on one resource; {@code resourceId} may be {@code *}. */
	public record Grant(Resource resource, String resourceId, List<Permission> permissions) {

		public static Grant of(Resource resource, String resourceId, Permission... permissions) {
			return new Grant(resource, resourceId, List.of(permissions));
		}

	}

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	GroupGrants(IdentityService identityService, AuthorizationService authorizationService) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
	}

	public void ensureGroup(String groupId, String name) {
		if (this.identityService.createGroupQuery().groupId(groupId).count() == 0) {
			Group group = this.identityService.newGroup(groupId);
			group.setName(name);
			group.setType(Groups.GROUP_TYPE_WORKFLOW);
			this.identityService.saveGroup(group);
		}
	}

	/** Makes the group's grant on this resource exactly the given permissions. */
	public void reconcile(String groupId, Grant grant) {
		Authorization authorization = this.authorizationService.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(grant.resource())
			.resourceId(grant.resourceId())
			.list()
			.stream()
			.filter((existing) -> existing.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
			.findFirst()
			.orElse(null);
		Set<Permission> wanted = new HashSet<>(grant.permissions());
		if (authorization != null && wanted.equals(grantedPermissions(authorization, grant.resource()))) {
			return;
		}
		if (authorization == null) {
			authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(grant.resource());
			authorization.setResourceId(grant.resourceId());
		}
		authorization.setPermissions(wanted.toArray(Permission[]::new));
		this.authorizationService.saveAuthorization(authorization);
	}

	private static Set<Permission> grantedPermissions(Authorization authorization, Resource resource) {
		if (authorization.isEveryPermissionGranted()) {
			return Set.of(Permissions.ALL);
		}
		return Arrays.stream(authorization.getPermissions(Permissions.values()))
			.filter((permission) -> permission != Permissions.NONE && permission != Permissions.ALL)
			.filter((permission) -> Arrays.asList(permission.getTypes()).contains(resource))
			.collect(Collectors.toSet());
	}

}
