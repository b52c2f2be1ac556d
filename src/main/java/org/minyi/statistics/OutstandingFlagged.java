package org.minyi.statistics;

import org.minyi.piece.TimelineEvent;

/**
 * The information section flagged a piece as outstanding (优秀信息), or took the flag back.
 */
public record OutstandingFlagged(Long pieceId, String actorId, boolean outstanding) implements TimelineEvent {

	@Override
	public String step() {
		return "outstanding";
	}

	@Override
	public String stepName() {
		return this.outstanding ? "评为优秀信息" : "取消优秀信息";
	}

	@Override
	public String decision() {
		return String.valueOf(this.outstanding);
	}

	@Override
	public String comment() {
		return null;
	}

}
