package org.minyi.feedback;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.minyi.common.RuleViolation;
import org.minyi.notification.NotificationRecipient;
import org.minyi.notification.NotificationService;
import org.minyi.piece.Credit;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceEventRecorded;
import org.minyi.piece.PieceRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the milestones of a piece's timeline into feedback for everyone the piece credits: registered,
 * returned, not adopted, published, adopted at a level, instructed, department replied, archived.
 */
@Service
public class FeedbackService {

	private final FeedbackRepository feedback;

	private final PieceRepository pieces;

	private final NotificationService notifications;

	FeedbackService(FeedbackRepository feedback, PieceRepository pieces, NotificationService notifications) {
		this.feedback = feedback;
		this.pieces = pieces;
		this.notifications = notifications;
	}

	@EventListener
	void on(PieceEventRecorded event) {
		String milestone = Milestones.of(event);
		if (milestone == null) {
			return;
		}
		Piece piece = this.pieces.findById(event.pieceId()).orElseThrow();
		String message = Milestones.message(milestone, piece, event);
		Set<String> recipients = new LinkedHashSet<>();
		for (Credit credit : piece.credits()) {
			if (credit.userId() != null) {
				recipients.add(credit.userId());
			}
		}
		for (String userId : recipients) {
			this.feedback.save(new Feedback(piece.id(), userId, milestone, message, ClockUtil.now().toInstant()));
		}
		// "My feedback" is the inbox for these; the mail goes out after this transaction commits.
		this.notifications.notify("feedback", recipients, piece.id(), Map.of("number",
				String.valueOf(piece.registrationNumber()), "title", piece.originalText().title(), "message", message),
				null, Set.of(NotificationRecipient.Channel.MAIL));
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
		entry.markRead(ClockUtil.now().toInstant());
	}

}
