package org.minyi.piece;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.minyi.identity.Role;

/**
 * Who may read a piece, in the application's API; the engine authorizations of
 * {@link PieceAuthorizations} say the same for Tasklist and Cockpit. Confidential pieces
 * (涉密) are read only by the info-section, the secretary-general, the vice-chair,
 * administrators, the people the piece credits and the departments cleared for it
 * ({@link PieceClearances}); other pieces by every staff role too; submitters read only
 * their own.
 */
public final class PieceAccess {

	static final Set<Role> CLEARED_FOR_CONFIDENTIAL = Set.of(Role.INFO_SECTION, Role.SECRETARY_GENERAL, Role.VICE_CHAIR,
			Role.ADMIN);

	private static final Set<Role> STAFF = Set.of(Role.INFO_SECTION, Role.SECRETARY_GENERAL, Role.VICE_CHAIR,
			Role.ADMIN, Role.VERIFIER, Role.LEADER, Role.DEPARTMENT, Role.SUPERVISOR);

	private PieceAccess() {
	}

	public static boolean canRead(Piece piece, String userId, Collection<String> groupIds) {
		if (piece.credits(userId) || hasAny(groupIds, CLEARED_FOR_CONFIDENTIAL)) {
			return true;
		}
		if (piece.isConfidential()) {
			return groupIds.contains(Role.DEPARTMENT.groupId()) && piece.clears(departments(groupIds));
		}
		return hasAny(groupIds, STAFF);
	}

	/** The codes of the departments whose groups ({@code dept-<code>}) these are. */
	public static Set<String> departments(Collection<String> groupIds) {
		return groupIds.stream()
			.filter((group) -> group.startsWith(Role.DEPARTMENT_GROUP_PREFIX))
			.map((group) -> group.substring(Role.DEPARTMENT_GROUP_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
	}

	private static boolean hasAny(Collection<String> groupIds, Set<Role> roles) {
		return roles.stream().anyMatch((role) -> groupIds.contains(role.groupId()));
	}

}
