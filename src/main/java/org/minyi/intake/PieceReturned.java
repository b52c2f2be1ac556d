package org.minyi.intake;

import org.minyi.piece.PieceFacts;
import org.minyi.piece.PieceProcess;

/**
 * A piece given back to its submitter for revision, with the reason ({@code comment}).
 */
public record PieceReturned(PieceFacts piece, String actorId, String comment) implements RegistrationDecided {

	@Override
	public String decision() {
		return PieceProcess.RETURN;
	}

}
