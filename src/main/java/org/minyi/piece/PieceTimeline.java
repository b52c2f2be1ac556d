package org.minyi.piece;

import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The application's own audit trail of every piece, kept when engine history is cleaned up. */
@Service
public class PieceTimeline {

	private final PieceEventRepository events;

	private final ApplicationEventPublisher publisher;

	PieceTimeline(PieceEventRepository events, ApplicationEventPublisher publisher) {
		this.events = events;
		this.publisher = publisher;
	}

	public void record(Long pieceId, String actorId, String step, String stepName, String decision, String comment) {
		recordForDepartment(pieceId, null, actorId, step, stepName, decision, comment);
	}

	/** An event of this department's follow-up case: the department reads its comment, other departments do not. */
	public void recordForDepartment(Long pieceId, String departmentCode, String actorId, String step, String stepName,
			String decision, String comment) {
		String text = (comment == null || comment.isBlank()) ? null : comment;
		this.events.save(new PieceEvent(pieceId, ClockUtil.now().toInstant(), actorId, step, stepName, decision, text,
				departmentCode));
		this.publisher.publishEvent(new PieceEventRecorded(pieceId, actorId, step, stepName, decision, text));
	}

	/** Every entry with its comment; what a user is shown of each comment is for {@link CommentAudience}. */
	public List<PieceEvent> of(Long pieceId) {
		return this.events.findByPieceIdOrderByOccurredAtAscIdAsc(pieceId);
	}

}
