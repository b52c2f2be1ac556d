package org.minyi.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.piece.PieceProcess;
import org.springframework.stereotype.Component;

/** Keeps the verifier's result and notes on the piece. */
@Component("recordVerificationDelegate")
class RecordVerificationDelegate implements JavaDelegate {

	private final ReviewService review;

	RecordVerificationDelegate(ReviewService review) {
		this.review = review;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.review.recordVerification((Long) execution.getVariable(PieceProcess.PIECE_ID),
				(String) execution.getVariable(PieceProcess.VERIFICATION_RESULT),
				(String) execution.getVariable(PieceProcess.VERIFICATION_NOTES));
	}

}
