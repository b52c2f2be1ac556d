package org.minyi.intake;

import java.util.HashMap;
import java.util.Map;

import org.minyi.piece.PieceProcess;

/**
 * What a submitter (or the info-section, for a piece received by phone, letter, ...)
 * submits: the variables of the start form {@code forms/piece-submit.form}, and the body
 * of {@code POST /api/pieces}.
 */
public record PieceSubmission(String title, String categoryCode, String situation, String analysis, String suggestions,
		String sourceTypeCode, String sourceUnit, String channel, String originalSubmitter, String coSubmitters,
		String urgency, String confidentiality) {

	public Map<String, Object> toVariables() {
		Map<String, Object> variables = new HashMap<>();
		variables.put(PieceProcess.TITLE, this.title);
		variables.put(PieceProcess.CATEGORY, this.categoryCode);
		variables.put(PieceProcess.SITUATION, this.situation);
		variables.put(PieceProcess.ANALYSIS, this.analysis);
		variables.put(PieceProcess.SUGGESTIONS, this.suggestions);
		variables.put(PieceProcess.SOURCE_TYPE, this.sourceTypeCode);
		variables.put(PieceProcess.SOURCE_UNIT, this.sourceUnit);
		variables.put(PieceProcess.CHANNEL, this.channel);
		variables.put(PieceProcess.ORIGINAL_SUBMITTER, this.originalSubmitter);
		variables.put(PieceProcess.CO_SUBMITTERS, this.coSubmitters);
		variables.put(PieceProcess.URGENCY, this.urgency);
		variables.put(PieceProcess.CONFIDENTIALITY, this.confidentiality);
		variables.values().removeIf(java.util.Objects::isNull);
		return variables;
	}

	static PieceSubmission fromVariables(Map<String, Object> variables) {
		return new PieceSubmission(text(variables, PieceProcess.TITLE), text(variables, PieceProcess.CATEGORY),
				text(variables, PieceProcess.SITUATION), text(variables, PieceProcess.ANALYSIS),
				text(variables, PieceProcess.SUGGESTIONS), text(variables, PieceProcess.SOURCE_TYPE),
				text(variables, PieceProcess.SOURCE_UNIT), text(variables, PieceProcess.CHANNEL),
				text(variables, PieceProcess.ORIGINAL_SUBMITTER), text(variables, PieceProcess.CO_SUBMITTERS),
				text(variables, PieceProcess.URGENCY), text(variables, PieceProcess.CONFIDENTIALITY));
	}

	private static String text(Map<String, Object> variables, String name) {
		Object value = variables.get(name);
		return (value == null) ? null : value.toString().strip();
	}

}
