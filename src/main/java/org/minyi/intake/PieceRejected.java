package org.minyi.intake;

import org.minyi.piece.PieceProcess;
import org.minyi.piece.TimelineEvent;

/** A piece registered and numbered, and refused at registration (不予采用), with the reason the submitter is told. */
public record PieceRejected(Long pieceId, String actorId, String registrationNumber, String comment)
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
		return PieceProcess.REJECT;
	}

}
