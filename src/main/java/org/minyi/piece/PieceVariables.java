package org.minyi.piece;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The piece's text as process variables, for the forms that show it and the editor who edits it. */
public final class PieceVariables {

	private PieceVariables() {
	}

	public static void writeText(VariableScope scope, Piece piece) {
		PieceText original = piece.originalText();
		scope.setVariable(PieceProcess.TITLE, original.title());
		scope.setVariable(PieceProcess.SITUATION, original.situation());
		scope.setVariable(PieceProcess.ANALYSIS, original.analysis());
		scope.setVariable(PieceProcess.SUGGESTIONS, original.suggestions());
		PieceText current = piece.currentText();
		scope.setVariable(PieceProcess.EDITED_TITLE, current.title());
		scope.setVariable(PieceProcess.EDITED_SITUATION, current.situation());
		scope.setVariable(PieceProcess.EDITED_ANALYSIS, current.analysis());
		scope.setVariable(PieceProcess.EDITED_SUGGESTIONS, current.suggestions());
	}

	public static PieceText readText(VariableScope scope, String title, String situation, String analysis,
			String suggestions) {
		return new PieceText((String) scope.getVariable(title), (String) scope.getVariable(situation),
				(String) scope.getVariable(analysis), (String) scope.getVariable(suggestions));
	}

}
