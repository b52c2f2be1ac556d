package org.minyi.dispatch;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.piece.PieceProcess;
import org.springframework.stereotype.Component;

/**
 * The wait for a level's answer timed out: recorded as "no answer", the rest of the
 * process goes on.
 */
@Component("recordNoAnswerDelegate")
class RecordNoAnswerDelegate implements JavaDelegate {

	private final AdoptionService adoptions;

	RecordNoAnswerDelegate(AdoptionService adoptions) {
		this.adoptions = adoptions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.adoptions.recordNoAnswer((Long) execution.getVariable(PieceProcess.PIECE_ID),
				(String) execution.getVariable(DispatchProcess.UPWARD_LEVEL));
	}

}
