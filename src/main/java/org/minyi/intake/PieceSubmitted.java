package org.minyi.intake;

import org.minyi.piece.PieceFacts;
import org.minyi.piece.TimelineEvent;

/** A piece received, through this channel. */
public record PieceSubmitted(PieceFacts piece, String actorId, String channel) implements TimelineEvent {

	@Override
	public Long pieceId() {
		return this.piece.id();
	}

	@Override
	public String step() {
		return "submitted";
	}

	@Override
	public String stepName() {
		return "提交信息";
	}

	@Override
	public String decision() {
		return this.channel;
	}

	@Override
	public String comment() {
		return null;
	}

}
