package org.minyi.intake;

import org.minyi.piece.PieceProcess;

/** A piece registered: numbered and accepted by the registrar. */
public record PieceRegistered(Long pieceId, String actorId, String registrationNumber, String comment)
		implements RegistrationDecided {

	@Override
	public String decision() {
		return PieceProcess.ACCEPT;
	}

}
