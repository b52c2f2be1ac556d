package org.minyi.intake;

import org.minyi.piece.PieceFacts;
import org.minyi.piece.PieceProcess;

/** A piece registered: numbered and accepted by the registrar. */
public record PieceRegistered(PieceFacts piece, String actorId, String comment) implements RegistrationDecided {

	@Override
	public String decision() {
		return PieceProcess.ACCEPT;
	}

}
