package org.minyi.intake;

import org.minyi.piece.PieceProcess;
import org.minyi.piece.TimelineEvent;

/** A piece registered and numbered, and given back to its submitter for revision, with the reason. */
public record PieceReturned(Long pieceId, String actorId, String registrationNumber, String comment)
		implements TimelineEvent {

	@Override
	public String step() {
		return "registered";
	}

	@Override
	public String stepName() {
		return "登记编号 " + this.registrationNumber;
	}

	@Override
	public String decision() {
		return PieceProcess.RETURN;
	}

}
