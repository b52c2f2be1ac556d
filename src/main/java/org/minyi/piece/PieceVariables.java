package org.minyi.piece;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The piece's text as process variables, for the forms that show it and the editor who
 * edits it.
 */
public final class PieceVariables {

	/**
	 * The variables that carry the piece's text: what a confidential piece must not show
	 * to the uncleared.
	 */
	public static final List<String> TEXT = List.of(PieceProcess.TITLE, PieceProcess.SITUATION, PieceProcess.ANALYSIS,
			PieceProcess.SUGGESTIONS, PieceProcess.EDITED_TITLE, PieceProcess.EDITED_SITUATION,
			PieceProcess.EDITED_ANALYSIS, PieceProcess.EDITED_SUGGESTIONS);

	private PieceVariables() {
	}

	public static void writeText(VariableScope scope, Piece piece) {
		text(piece).forEach(scope::setVariable);
	}

	/**
	 * The values of {@link #TEXT}: the original text, and the edited one (the original
	 * until edited).
	 */
	public static Map<String, String> text(Piece piece) {
		PieceText original = piece.originalText();
		PieceText current = piece.currentText();
		Map<String, String> text = new LinkedHashMap<>();
		text.put(PieceProcess.TITLE, original.title());
		text.put(PieceProcess.SITUATION, original.situation());
		text.put(PieceProcess.ANALYSIS, original.analysis());
		text.put(PieceProcess.SUGGESTIONS, original.suggestions());
		text.put(PieceProcess.EDITED_TITLE, current.title());
		text.put(PieceProcess.EDITED_SITUATION, current.situation());
		text.put(PieceProcess.EDITED_ANALYSIS, current.analysis());
		text.put(PieceProcess.EDITED_SUGGESTIONS, current.suggestions());
		return text;
	}

	public static PieceText readText(VariableScope scope, String title, String situation, String analysis,
			String suggestions) {
		return new PieceText((String) scope.getVariable(title), (String) scope.getVariable(situation),
				(String) scope.getVariable(analysis), (String) scope.getVariable(suggestions));
	}

}
