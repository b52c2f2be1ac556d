package org.minyi.piece;

import java.util.List;

/**
 * What the listeners of an event need to know about its piece, as it stands when the
 * event is published: an event carries it, so statistics, feedback and notification do
 * not load the piece again.
 *
 * @param title the title as submitted (feedback names the piece by it)
 * @param credits everyone the piece credits, in order, submitter first
 */
public record PieceFacts(Long id, String registrationNumber, String title, String sourceUnit, String sourceTypeCode,
		String categoryCode, boolean confidential, List<Credit> credits) {

	public PieceFacts {
		credits = List.copyOf(credits);
	}

	/** The piece as it stands now. */
	public static PieceFacts of(Piece piece) {
		return new PieceFacts(piece.id(), piece.registrationNumber(), piece.originalText().title(), piece.sourceUnit(),
				piece.sourceTypeCode(), piece.categoryCode(), piece.isConfidential(), piece.credits());
	}

}
