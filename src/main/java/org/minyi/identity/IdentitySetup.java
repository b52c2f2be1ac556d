package org.minyi.identity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.minyi.engine.PasswordPolicyPlugin;
import org.minyi.identity.GroupGrants.Grant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups, the administrator and every role's authorizations at start-up.
 * Idempotent: run it on every start, on every node of a cluster.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentitySetup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final IdentityProperties properties;

	private final Environment environment;

	private final GroupGrants grants;

	private final List<ProcessGrants> processGrants;

	IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
			IdentityProperties properties, Environment environment, GroupGrants grants,
			List<ProcessGrants> processGrants) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.properties = properties;
		this.environment = environment;
		this.grants = grants;
		this.processGrants = processGrants;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Role role : Role.values()) {
			createGroupIfAbsent(role);
		}
		grantEverythingToAdministrators();
		Map<Role, List<Grant>> byRole = new EnumMap<>(Role.class);
		RolePermissions.GRANTS
			.forEach((role, grants) -> byRole.computeIfAbsent(role, (r) -> new ArrayList<>()).addAll(grants));
		for (ProcessGrants declared : this.processGrants) {
			declared.byRole()
				.forEach((role, grants) -> byRole.computeIfAbsent(role, (r) -> new ArrayList<>()).addAll(grants));
		}
		byRole
			.forEach((role, grants) -> merged(grants).forEach((grant) -> this.grants.reconcile(role.groupId(), grant)));
		createAdministratorIfAbsent();
	}

	private void createGroupIfAbsent(Role role) {
		if (this.identityService.createGroupQuery().groupId(role.groupId()).count() > 0) {
			return;
		}
		Group group = this.identityService.newGroup(role.groupId());
		group.setName(role.displayName());
		group.setType(role == Role.ADMIN ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
		this.identityService.saveGroup(group);
	}

	private void grantEverythingToAdministrators() {
		for (Resource resource : Resources.values()) {
			this.grants.reconcile(Role.ADMIN.groupId(),
					new Grant(resource, Authorization.ANY, List.of(Permissions.ALL)));
		}
	}

	/**
	 * One grant per resource: the engine keeps one authorization per group and resource.
	 */
	private static List<Grant> merged(List<Grant> grants) {
		Map<String, Grant> byResource = new LinkedHashMap<>();
		for (Grant grant : grants) {
			byResource.merge(grant.resource().resourceName() + "/" + grant.resourceId(), grant,
					(a, b) -> new Grant(a.resource(), a.resourceId(),
							Stream.concat(a.permissions().stream(), b.permissions().stream()).distinct().toList()));
		}
		return List.copyOf(byResource.values());
	}

	private void createAdministratorIfAbsent() {
		String username = this.properties.admin().username();
		if (this.identityService.createUserQuery().userId(username).count() == 0) {
			String password = this.properties.admin().password();
			if (password == null || password.isBlank()) {
				password = this.properties.demoData().password();
				log.warn("No MINYI_ADMIN_PASSWORD set: administrator '{}' gets the demo password (H2 only)", username);
			}
			User admin = this.identityService.newUser(username);
			admin.setFirstName("系统管理员");
			admin.setLastName("");
			admin.setPassword(password);
			PasswordPolicyPlugin.saveWithoutPolicy(this.identityService, admin);
		}
		if (this.identityService.createUserQuery().userId(username).memberOfGroup(Role.ADMIN.groupId()).count() == 0) {
			this.identityService.createMembership(username, Role.ADMIN.groupId());
		}
		log.info("Identity ready on {} database: {} role groups, administrator '{}'", DatabaseMode.of(this.environment),
				Role.values().length, username);
	}

}
