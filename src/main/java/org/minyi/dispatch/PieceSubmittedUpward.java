package org.minyi.dispatch;

import org.minyi.piece.TimelineEvent;

/** A piece sent up to a higher committee (上报), whose answer is awaited. */
public record PieceSubmittedUpward(Long pieceId, String actorId, Level level) implements TimelineEvent {

	@Override
	public String step() {
		return "submitted-upward";
	}

	@Override
	public String stepName() {
		return "上报";
	}

	@Override
	public String decision() {
		return this.level.code();
	}

	@Override
	public String comment() {
		return this.level.displayName();
	}

}
