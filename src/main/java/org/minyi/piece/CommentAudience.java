package org.minyi.piece;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.minyi.identity.Role;

/**
 * Who reads the comment of a timeline entry. Everyone who may read the piece
 * ({@link PieceAccess}) sees every entry, who made it, when, at which step, with which
 * decision; its comment only:
 * <ul>
 * <li>staff who handle or oversee pieces (info-section, verifier, secretary-general,
 * vice-chair, leader, supervisor, administrator): every comment;</li>
 * <li>the people the piece credits: what they are told: the registrar's reason for
 * returning or not adopting it, their own revision comment, the reason given with a
 * status (not adopted, returned, withdrawn), where it was published and a higher level's
 * answer, the department's reply once a supervisor has accepted it. Not the verifier's
 * notes, editing notes, sign-off comments, dispatch notes, supervision, hand-backs, nor
 * the leader's instruction text: like their feedback, they are told only that the piece
 * was instructed;</li>
 * <li>a department's users: the comments of their own department's case entries and of
 * its clearance for a confidential piece ({@link PieceClearances}), and the instruction
 * texts of a piece their department has a case of; never another department's.</li>
 * </ul>
 * Someone in several of these reads what any of them reads. A step not named here is for
 * staff only, so a step an administrator adds in Modeler shows its comment to no one
 * else.
 */
public final class CommentAudience {

	private static final Set<Role> STAFF = Set.of(Role.INFO_SECTION, Role.VERIFIER, Role.SECRETARY_GENERAL,
			Role.VICE_CHAIR, Role.LEADER, Role.SUPERVISOR, Role.ADMIN);

	/** Steps whose comment is written for the submitter, whatever the decision. */
	private static final Set<String> SUBMITTER_STEPS = Set.of(PieceProcess.TASK_REVISE, "published",
			"task_record_answer", "reply-accepted");

	/**
	 * Registration steps whose comment is the reason the submitter is given for these
	 * decisions only.
	 */
	private static final Set<String> REGISTRATION_STEPS = Set.of(PieceProcess.TASK_REGISTER, "registered");

	private static final Set<String> REGISTRATION_REASONS = Set.of(PieceProcess.RETURN, PieceProcess.REJECT);

	private final boolean staff;

	private final boolean credited;

	private final Set<String> departments;

	private final boolean departmentHasCase;

	private CommentAudience(boolean staff, boolean credited, Set<String> departments, boolean departmentHasCase) {
		this.staff = staff;
		this.credited = credited;
		this.departments = departments;
		this.departmentHasCase = departmentHasCase;
	}

	/** The audience of one reader of this piece, whose timeline this is. */
	public static CommentAudience of(Piece piece, String userId, Collection<String> groupIds,
			List<PieceEvent> timeline) {
		boolean staff = STAFF.stream().anyMatch((role) -> groupIds.contains(role.groupId()));
		Set<String> departments = !groupIds.contains(Role.DEPARTMENT.groupId()) ? Set.of()
				: PieceAccess.departments(groupIds);
		boolean hasCase = timeline.stream()
			.map(PieceEvent::departmentCode)
			.anyMatch((code) -> code != null && departments.contains(code));
		return new CommentAudience(staff, piece.credits(userId), departments, hasCase);
	}

	/** The entry's comment as this reader is shown it: null when it is not for them. */
	public String commentOf(PieceEvent event) {
		return reads(event) ? event.comment() : null;
	}

	/**
	 * The piece's latest status reason, which is written for the submitter, as this
	 * reader is shown it.
	 */
	public String closingReasonOf(Piece piece) {
		return (this.staff || this.credited) ? piece.closingReason() : null;
	}

	private boolean reads(PieceEvent event) {
		if (this.staff) {
			return true;
		}
		if (this.credited && toldToSubmitter(event)) {
			return true;
		}
		if (event.departmentCode() != null) {
			return this.departments.contains(event.departmentCode());
		}
		return "instructed".equals(event.step()) && this.departmentHasCase;
	}

	private static boolean toldToSubmitter(PieceEvent event) {
		if (SUBMITTER_STEPS.contains(event.step()) || event.step().startsWith("adoption-")) {
			return true;
		}
		if (REGISTRATION_STEPS.contains(event.step())) {
			return REGISTRATION_REASONS.contains(event.decision());
		}
		return isStatusChange(event);
	}

	/**
	 * An entry of {@link SetPieceStatusDelegate}: the status is its decision, and its
	 * comment the reason the model gives the submitter (input parameter {@code reason}).
	 * Known by the decision, not the step, which is whatever element of the model moved
	 * the piece.
	 */
	private static boolean isStatusChange(PieceEvent event) {
		return Arrays.stream(PieceStatus.values()).anyMatch((status) -> status.name().equals(event.decision()));
	}

}
