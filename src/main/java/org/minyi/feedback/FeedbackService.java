package org.minyi.feedback;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minyi.common.RuleViolation;
import org.minyi.dispatch.AdoptionRecorded;
import org.minyi.dispatch.PiecePublished;
import org.minyi.engine.EngineTime;
import org.minyi.followup.CaseStepRecorded;
import org.minyi.instruction.InstructionRecorded;
import org.minyi.intake.PieceRegistered;
import org.minyi.intake.PieceReturned;
import org.minyi.notification.NotificationRecipient;
import org.minyi.notification.NotificationService;
import org.minyi.piece.Credit;
import org.minyi.piece.PieceFacts;
import org.minyi.piece.PieceStatus;
import org.minyi.piece.PieceStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the milestones of a piece's timeline into feedback for everyone the piece
 * credits: registered, returned, not adopted, published, adopted at a level, instructed,
 * department replied, archived.
 */
@Service
public class FeedbackService {

	private final FeedbackRepository feedback;

	private final NotificationService notifications;

	FeedbackService(FeedbackRepository feedback, NotificationService notifications) {
		this.feedback = feedback;
		this.notifications = notifications;
	}

	@EventListener
	void on(PieceRegistered event) {
		tell(event.piece(), Milestones.REGISTERED, null);
	}

	@EventListener
	void on(PieceReturned event) {
		tell(event.piece(), Milestones.RETURNED, event.comment());
	}

	@EventListener
	void on(PieceStatusChanged event) {
		if (event.status() == PieceStatus.NOT_ADOPTED) {
			tell(event.piece(), Milestones.NOT_ADOPTED, event.reason());
		}
		else if (event.status() == PieceStatus.ARCHIVED) {
			tell(event.piece(), Milestones.ARCHIVED, null);
		}
	}

	@EventListener
	void on(PiecePublished event) {
		tell(event.piece(), Milestones.PUBLISHED, event.issueLabel());
	}

	@EventListener
	void on(AdoptionRecorded event) {
		if (event.adopted()) {
			tell(event.piece(), Milestones.ADOPTED, event.stepName());
		}
	}

	@EventListener
	void on(InstructionRecorded event) {
		tell(event.piece(), Milestones.INSTRUCTED, null);
	}

	@EventListener
	void on(CaseStepRecorded event) {
		if (event.kind() == CaseStepRecorded.Step.REPLY_ACCEPTED) {
			tell(event.piece(), Milestones.REPLIED, event.comment());
		}
	}

	/**
	 * Every credited user with an account is told: in "my feedback", and by mail after
	 * the commit.
	 */
	private void tell(PieceFacts piece, String milestone, String detail) {
		String message = Milestones.message(milestone, piece, detail);
		Set<String> recipients = new LinkedHashSet<>();
		for (Credit credit : piece.credits()) {
			if (credit.userId() != null) {
				recipients.add(credit.userId());
			}
		}
		for (String userId : recipients) {
			this.feedback.save(new Feedback(piece.id(), userId, milestone, message, EngineTime.instant()));
		}
		// "My feedback" is the inbox for these; the mail goes out after this transaction
		// commits.
		this.notifications.notify("feedback", recipients, piece.id(), Map.of("number",
				String.valueOf(piece.registrationNumber()), "title", piece.title(), "message", message), null,
				Set.of(NotificationRecipient.Channel.MAIL));
	}

	@Transactional(readOnly = true)
	public List<Feedback> of(String userId) {
		return this.feedback.findByUserIdOrderByCreatedAtDescIdDesc(userId);
	}

	@Transactional(readOnly = true)
	public List<Feedback> ofPiece(Long pieceId) {
		return this.feedback.findByPieceIdOrderByIdAsc(pieceId);
	}

	@Transactional
	public void markRead(Long feedbackId, String userId) {
		Feedback entry = this.feedback.findById(feedbackId)
			.filter((candidate) -> candidate.userId().equals(userId))
			.orElseThrow(() -> RuleViolation.notFound("FEEDBACK_NOT_FOUND", "反馈不存在"));
		entry.markRead(EngineTime.instant());
	}

}
