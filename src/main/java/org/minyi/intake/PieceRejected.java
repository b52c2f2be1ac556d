package org.minyi.intake;

import org.minyi.piece.PieceProcess;

/** A piece refused at registration (不予采用), with the reason the submitter is told. */
public record PieceRejected(Long pieceId, String actorId, String registrationNumber, String comment)
		implements RegistrationDecided {

	@Override
	public String decision() {
		return PieceProcess.REJECT;
	}

}
