package org.minyi.intake;

import org.minyi.piece.PieceProcess;

/** A piece given back to its submitter for revision, with the reason ({@code comment}). */
public record PieceReturned(Long pieceId, String actorId, String registrationNumber, String comment)
		implements RegistrationDecided {

	@Override
	public String decision() {
		return PieceProcess.RETURN;
	}

}
