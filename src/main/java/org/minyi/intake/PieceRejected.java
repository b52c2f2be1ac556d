package org.minyi.intake;

import org.minyi.piece.PieceFacts;
import org.minyi.piece.PieceProcess;

/** A piece refused at registration (不予采用), with the reason the submitter is told. */
public record PieceRejected(PieceFacts piece, String actorId, String comment) implements RegistrationDecided {

	@Override
	public String decision() {
		return PieceProcess.REJECT;
	}

}
