package org.minyi.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceVariables;
import org.springframework.stereotype.Component;

/**
 * Stores the editor's text beside the original, or merges the piece into the named one.
 */
@Component("applyEditDelegate")
class ApplyEditDelegate implements JavaDelegate {

	private final ReviewService review;

	ApplyEditDelegate(ReviewService review) {
		this.review = review;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long pieceId = (Long) execution.getVariable(PieceProcess.PIECE_ID);
		if (PieceProcess.MERGE.equals(execution.getVariable(PieceProcess.EDIT_ACTION))) {
			this.review.merge(pieceId, (String) execution.getVariable(PieceProcess.MERGE_INTO));
		}
		else {
			this.review.edit(pieceId,
					PieceVariables.readText(execution, PieceProcess.EDITED_TITLE, PieceProcess.EDITED_SITUATION,
							PieceProcess.EDITED_ANALYSIS, PieceProcess.EDITED_SUGGESTIONS),
					Boolean.TRUE.equals(execution.getVariable(PieceProcess.WITHHOLD_SOURCE)));
		}
	}

}
