package org.minyi.statistics;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.piece.PieceFacts;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.springframework.stereotype.Component;

/**
 * A countable event an administrator adds to a model (element template
 * {@code bpmn/element-templates/statistics.json}): input parameters {@code eventType} and
 * optionally {@code level} and {@code form}, scored by {@code scoring.dmn}. The standard
 * events are counted from the pieces' timelines already, also when they arrive through
 * the API.
 */
@Component("recordStatistic")
class RecordStatisticDelegate implements JavaDelegate {

	private final FactRecorder facts;

	private final PieceRepository pieces;

	RecordStatisticDelegate(FactRecorder facts, PieceRepository pieces) {
		this.facts = facts;
		this.pieces = pieces;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long pieceId = (Long) execution.getVariable(PieceProcess.PIECE_ID);
		this.facts.record(
				new FactRecorder.Countable((String) execution.getVariableLocal("eventType"),
						(String) execution.getVariableLocal("level"), (String) execution.getVariableLocal("form")),
				PieceFacts.of(this.pieces.findById(pieceId).orElseThrow()));
	}

}
