package org.minyi.followup;

import org.minyi.piece.TimelineEvent;

/** A leader's instruction on a piece (领导批示), at the level of the leader who gave it. */
public record InstructionRecorded(Long pieceId, String actorId, String level, String text) implements TimelineEvent {

	@Override
	public String step() {
		return "instructed";
	}

	@Override
	public String stepName() {
		return "领导批示";
	}

	@Override
	public String decision() {
		return this.level;
	}

	@Override
	public String comment() {
		return this.text;
	}

}
