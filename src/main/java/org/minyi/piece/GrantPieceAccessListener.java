package org.minyi.piece;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At the start of a process that a piece's process calls (dispatch, follow-up): the same
 * read grants as the piece's own instance, so supervisors see the called instance too,
 * unless the piece is confidential.
 */
@Component("grantPieceAccess")
class GrantPieceAccessListener implements ExecutionListener {

	private final PieceRepository pieces;

	private final PieceAuthorizations authorizations;

	GrantPieceAccessListener(PieceRepository pieces, PieceAuthorizations authorizations) {
		this.pieces = pieces;
		this.authorizations = authorizations;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Piece piece = this.pieces.findById((Long) execution.getVariable(PieceProcess.PIECE_ID)).orElseThrow();
		this.authorizations.grantFor(piece, execution.getProcessInstanceId());
	}

}
