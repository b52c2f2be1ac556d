package org.minyi.piece;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Who besides the roles of {@link PieceAccess} may read a confidential piece: a
 * department that a leader's instruction gives a case of it (or a case is reassigned to),
 * for that piece alone. Each clearance is an entry of the piece's timeline, step
 * {@code cleared}, as the committee's record of who was told.
 */
@Service
public class PieceClearances {

	private final PieceRepository pieces;

	private final ApplicationEventPublisher events;

	PieceClearances(PieceRepository pieces, ApplicationEventPublisher events) {
		this.pieces = pieces;
		this.events = events;
	}

	/**
	 * Clears the department for the piece when it is confidential; other pieces it reads
	 * as staff anyway.
	 */
	public void clearDepartment(Long pieceId, String departmentCode, String actorId) {
		Piece piece = this.pieces.findById(pieceId).orElseThrow();
		if (!piece.isConfidential() || !piece.clear(departmentCode)) {
			return;
		}
		this.pieces.save(piece);
		this.events.publishEvent(new PieceCleared(pieceId, departmentCode, actorId));
	}

}
