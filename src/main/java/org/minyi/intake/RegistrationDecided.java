package org.minyi.intake;

import org.minyi.piece.PieceFacts;
import org.minyi.piece.TimelineEvent;

/**
 * The registrar's decision on a piece, now numbered: registered, returned for revision,
 * or rejected.
 */
public sealed interface RegistrationDecided extends TimelineEvent
		permits PieceRegistered, PieceReturned, PieceRejected {

	/** The piece, numbered now. */
	PieceFacts piece();

	@Override
	default Long pieceId() {
		return piece().id();
	}

	default String registrationNumber() {
		return piece().registrationNumber();
	}

	@Override
	default String step() {
		return "registered";
	}

	@Override
	default String stepName() {
		return "登记编号 " + registrationNumber();
	}

}
