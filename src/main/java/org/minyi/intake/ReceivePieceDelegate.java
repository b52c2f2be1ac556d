package org.minyi.intake;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceVariables;
import org.minyi.taskform.TaskForms;
import org.springframework.stereotype.Component;

/**
 * The first step after the start event: checks the submission against the start form and
 * the intake rules (for Tasklist, engine-rest and the API alike), creates the piece and
 * prepares the variables the registration form shows. A broken rule rolls the start back:
 * no instance, no piece. Similar pieces are not among the variables: everyone who may
 * read the process would read them.
 */
@Component("receivePieceDelegate")
class ReceivePieceDelegate implements JavaDelegate {

	private final IntakeService intake;

	private final TaskForms taskForms;

	ReceivePieceDelegate(IntakeService intake, TaskForms taskForms) {
		this.intake = intake;
		this.taskForms = taskForms;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Map<String, Object> variables = execution.getVariables();
		this.taskForms.checkStartForm(execution.getProcessDefinitionId(), variables);
		Piece piece = this.intake.receive(PieceSubmission.fromVariables(variables),
				(String) variables.get(PieceProcess.INITIATOR), execution.getProcessInstanceId());
		execution.setVariable(PieceProcess.PIECE_ID, piece.id());
		PieceVariables.writeText(execution, piece);
	}

}
