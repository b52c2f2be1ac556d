package org.minyi.piece;

import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/** The application's own audit trail of every piece, kept when engine history is cleaned up. */
@Service
public class PieceTimeline {

	private final PieceEventRepository events;

	PieceTimeline(PieceEventRepository events) {
		this.events = events;
	}

	public void record(Long pieceId, String actorId, String step, String stepName, String decision, String comment) {
		this.events.save(new PieceEvent(pieceId, ClockUtil.now().toInstant(), actorId, step, stepName, decision,
				(comment == null || comment.isBlank()) ? null : comment));
	}

	public List<PieceEvent> of(Long pieceId) {
		return this.events.findByPieceIdOrderByOccurredAtAscIdAsc(pieceId);
	}

}
