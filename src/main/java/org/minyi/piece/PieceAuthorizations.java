package org.minyi.piece;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.minyi.engine.Privileged;
import org.minyi.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Engine authorizations for one piece's process instance. Supervisors hold no global read
 * on process instances, so Cockpit shows them a piece only through the grant made here,
 * and no grant is made for a confidential piece; nor for a department cleared for one
 * ({@link PieceClearances}), which reads its text on its own handling task. The credited
 * submitter may read the instance of their own piece.
 */
@Component
public class PieceAuthorizations {

	private final AuthorizationService authorizationService;

	PieceAuthorizations(AuthorizationService authorizationService) {
		this.authorizationService = authorizationService;
	}

	/**
	 * Grants on behalf of the application: the submitter who starts a piece may not
	 * create authorizations.
	 */
	public void grantFor(Piece piece, String processInstanceId) {
		Privileged.run(() -> {
			if (piece.submitterId() != null) {
				grantRead(processInstanceId, piece.submitterId(), null);
			}
			if (!piece.isConfidential()) {
				grantRead(processInstanceId, null, Role.SUPERVISOR.groupId());
			}
		});
	}

	/** The grants made for this process instance, when it has ended. */
	public void revokeFor(String processInstanceId) {
		Privileged.run(() -> this.authorizationService.createAuthorizationQuery()
			.resourceType(Resources.PROCESS_INSTANCE)
			.resourceId(processInstanceId)
			.list()
			.forEach((grant) -> this.authorizationService.deleteAuthorization(grant.getId())));
	}

	private void grantRead(String processInstanceId, String userId, String groupId) {
		Authorization authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setResource(Resources.PROCESS_INSTANCE);
		authorization.setResourceId(processInstanceId);
		authorization.setUserId(userId);
		authorization.setGroupId(groupId);
		authorization.addPermission(Permissions.READ);
		this.authorizationService.saveAuthorization(authorization);
	}

}
