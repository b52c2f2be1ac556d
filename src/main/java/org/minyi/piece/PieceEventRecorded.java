package org.minyi.piece;

/**
 * Published whenever a piece's timeline gets an entry, inside the transaction that records it, so that
 * listeners (feedback, later statistics) commit or roll back with it.
 */
public record PieceEventRecorded(Long pieceId, String actorId, String step, String stepName, String decision,
		String comment) {
}
