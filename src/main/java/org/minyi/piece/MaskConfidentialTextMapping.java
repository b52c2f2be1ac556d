package org.minyi.piece;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The variable mapping of a call activity into a process that readers not cleared for a
 * confidential piece work in (the follow-up, where supervisors and every named department
 * have tasks): after the model's {@code camunda:in} mappings, the piece's text reads
 * {@link Confidentiality#MASK} there. The called instance never holds the text, so
 * neither its variables, its history nor its task forms can show it; who may read it gets
 * it from where {@link PieceAccess} or {@link PieceClearances} decide.
 */
@Component("maskConfidentialText")
class MaskConfidentialTextMapping implements DelegateVariableMapping {

	private final PieceRepository pieces;

	MaskConfidentialTextMapping(PieceRepository pieces) {
		this.pieces = pieces;
	}

	@Override
	public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
		Piece piece = this.pieces.findById((Long) superExecution.getVariable(PieceProcess.PIECE_ID)).orElseThrow();
		if (piece.isConfidential()) {
			PieceVariables.TEXT.stream()
				.filter(subVariables::containsKey)
				.forEach((name) -> subVariables.put(name, Confidentiality.MASK));
		}
	}

	@Override
	public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
		// What comes back is what the model's camunda:out mappings name; the text never
		// goes back.
	}

}
