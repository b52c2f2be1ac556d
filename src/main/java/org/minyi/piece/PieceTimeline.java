package org.minyi.piece;

import java.util.List;

import org.minyi.engine.EngineTime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The application's own audit trail of every piece, kept when engine history is cleaned
 * up: one entry per {@link TimelineEvent} a capability publishes, in that event's
 * transaction.
 */
@Service
public class PieceTimeline {

	private final PieceEventRepository events;

	PieceTimeline(PieceEventRepository events) {
		this.events = events;
	}

	@EventListener
	void on(TimelineEvent event) {
		String comment = (event.comment() == null || event.comment().isBlank()) ? null : event.comment();
		this.events.save(new PieceEvent(event.pieceId(), EngineTime.instant(), event.actorId(), event.step(),
				event.stepName(), event.decision(), comment, event.departmentCode()));
	}

	/**
	 * Every entry with its comment; what a user is shown of each comment is for
	 * {@link CommentAudience}.
	 */
	public List<PieceEvent> of(Long pieceId) {
		return this.events.findByPieceIdOrderByOccurredAtAscIdAsc(pieceId);
	}

}
