package org.minyi.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.minyi.attachment.AttachmentService.AttachmentInfo;
import org.minyi.piece.PieceText;

/**
 * A piece's whole record as one reader may see it, every code given by its Chinese name.
 * Parts the reader may not see are empty lists or {@code null}: a member sees no
 * verification, no instruction and no department case; a department sees only its own
 * cases.
 */
public record PieceRecord(Long id, String registrationNumber, String title, String statusName, String categoryName,
		String sourceTypeName, String sourceUnit, String channelName, String submitterName, List<String> credited,
		String urgencyName, String confidentialityName, Instant submittedAt, Instant registeredAt, PieceText original,
		PieceText edited, Verification verification, List<Entry> timeline, List<Issue> issues,
		List<Dispatched> dispatches, List<Adopted> adoptions, List<Instructed> instructions, List<Case> cases,
		List<AttachmentInfo> attachments) {

	/** The verifier's result and notes. */
	public record Verification(String resultName, String notes) {
	}

	/**
	 * One step of the timeline: who (by name), when, which step, the decision by its
	 * label, the comment.
	 */
	public record Entry(Instant at, String actorName, String stepName, String decisionName, String comment) {
	}

	public record Issue(String label, Instant publishedAt) {
	}

	public record Dispatched(String recipientName, String formName) {
	}

	public record Adopted(String levelName, String formName, LocalDate adoptedOn, String reference) {
	}

	public record Instructed(String leaderName, String levelName, LocalDate instructedOn, String text,
			List<String> departmentNames) {
	}

	public record Case(String departmentName, boolean lead, String statusName, Instant deadline, boolean overdue,
			boolean extended, int reminders, int chases, String replyResultName, String resolutionName) {
	}

}
