package org.minyi.dispatch;

import org.minyi.piece.TimelineEvent;

/** A piece sent to leaders or a department by one dispatch form (专报, 转报, 转送). */
public record PieceDispatched(Long pieceId, String actorId, String formCode, String formName,
		String recipientName) implements TimelineEvent {

	@Override
	public String step() {
		return "dispatched";
	}

	@Override
	public String stepName() {
		return this.formName;
	}

	@Override
	public String decision() {
		return this.formCode;
	}

	@Override
	public String comment() {
		return this.recipientName;
	}

}
