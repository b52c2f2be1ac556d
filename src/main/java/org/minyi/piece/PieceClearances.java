package org.minyi.piece;

import org.springframework.stereotype.Service;

/**
 * Who besides the roles of {@link PieceAccess} may read a confidential piece: a department that a leader's
 * instruction gives a case of it (or a case is reassigned to), for that piece alone. Each clearance is an
 * entry of the piece's timeline, step {@code cleared}, as the committee's record of who was told.
 */
@Service
public class PieceClearances {

	private static final String STEP = "cleared";

	private final PieceRepository pieces;

	private final PieceTimeline timeline;

	PieceClearances(PieceRepository pieces, PieceTimeline timeline) {
		this.pieces = pieces;
		this.timeline = timeline;
	}

	/** Clears the department for the piece when it is confidential; other pieces it reads as staff anyway. */
	public void clearDepartment(Long pieceId, String departmentCode, String actorId) {
		Piece piece = this.pieces.findById(pieceId).orElseThrow();
		if (!piece.isConfidential() || !piece.clear(departmentCode)) {
			return;
		}
		this.pieces.save(piece);
		this.timeline.recordForDepartment(pieceId, departmentCode, actorId, STEP, "列入知悉范围", departmentCode,
				"承办本条涉密信息，知悉范围仅限本条");
	}

}
