package org.minyi.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceVariables;
import org.springframework.stereotype.Component;

/**
 * The submitter resubmits a returned piece: the revised text goes back to registration.
 */
@Component("applyRevisionDelegate")
class ApplyRevisionDelegate implements JavaDelegate {

	private final IntakeService intake;

	ApplyRevisionDelegate(IntakeService intake) {
		this.intake = intake;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Piece piece = this.intake.revise((Long) execution.getVariable(PieceProcess.PIECE_ID),
				PieceVariables.readText(execution, PieceProcess.TITLE, PieceProcess.SITUATION, PieceProcess.ANALYSIS,
						PieceProcess.SUGGESTIONS));
		PieceVariables.writeText(execution, piece);
	}

}
