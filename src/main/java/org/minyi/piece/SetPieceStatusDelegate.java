package org.minyi.piece;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.engine.EngineTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Moves the piece to the status named by the service task's input parameter
 * {@code status} (a {@link PieceStatus} name). The optional input parameter
 * {@code reason} (an expression, for example {@code ${registrationComment}}) becomes the
 * reason the submitter sees. Used as a service task and as a start listener of user tasks
 * (with the input parameters on the user task), so administrators can rewire the flow in
 * Modeler without Java.
 */
@Component("setPieceStatus")
class SetPieceStatusDelegate implements JavaDelegate, ExecutionListener {

	private final PieceRepository pieces;

	private final ApplicationEventPublisher events;

	SetPieceStatusDelegate(PieceRepository pieces, ApplicationEventPublisher events) {
		this.pieces = pieces;
		this.events = events;
	}

	@Override
	public void notify(DelegateExecution execution) {
		execute(execution);
	}

	@Override
	public void execute(DelegateExecution execution) {
		PieceStatus status = PieceStatus.valueOf((String) execution.getVariableLocal("status"));
		String reason = (String) execution.getVariableLocal("reason");
		Long pieceId = (Long) execution.getVariable(PieceProcess.PIECE_ID);
		Piece piece = this.pieces.findById(pieceId).orElseThrow();
		piece.moveTo(status, reason, EngineTime.instant());
		this.events.publishEvent(
				new PieceStatusChanged(PieceFacts.of(piece), execution.getCurrentActivityId(), status, reason));
	}

}
