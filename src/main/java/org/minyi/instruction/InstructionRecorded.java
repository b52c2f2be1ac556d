package org.minyi.instruction;

import java.time.Instant;

import org.minyi.piece.PieceFacts;
import org.minyi.piece.TimelineEvent;

/**
 * A leader's instruction on a piece (领导批示), at the level of the leader who gave it;
 * {@code recordedAt} dates the follow-up cases it opens in the statistics.
 */
public record InstructionRecorded(PieceFacts piece, Long instructionId, Instant recordedAt, String actorId,
		String level, String text) implements TimelineEvent {

	@Override
	public Long pieceId() {
		return this.piece.id();
	}

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
