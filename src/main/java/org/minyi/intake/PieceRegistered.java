package org.minyi.intake;

import org.minyi.piece.PieceProcess;
import org.minyi.piece.TimelineEvent;

/** A piece registered: numbered and accepted by the registrar. */
public record PieceRegistered(Long pieceId, String actorId, String registrationNumber, String comment)
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
		return PieceProcess.ACCEPT;
	}

}
