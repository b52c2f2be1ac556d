package org.minyi.dispatch;

import org.minyi.piece.TimelineEvent;

/** The wait for a higher committee's answer ended without one. */
public record NoAnswerRecorded(Long pieceId, Level level) implements TimelineEvent {

	@Override
	public String actorId() {
		return null;
	}

	@Override
	public String step() {
		return "no-answer-" + this.level.code();
	}

	@Override
	public String stepName() {
		return this.level.displayName() + "未答复";
	}

	@Override
	public String decision() {
		return "no-answer";
	}

	@Override
	public String comment() {
		return null;
	}

}
