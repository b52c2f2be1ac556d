package org.minyi.intake;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.minyi.common.RuleViolation;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.taskform.TaskCompletionRule;
import org.springframework.stereotype.Component;

/**
 * The registrar's classification must name an active category and source type, a
 * confidential piece is not sent to verification (verifiers are not cleared for
 * confidential content), and a verifier she chooses is a user of the verifier group. The
 * verifier field counts only when the piece goes to verification, as the form shows it
 * only then.
 */
@Component
class RegistrationRule implements TaskCompletionRule {

	private final IntakeService intake;

	private final PieceRepository pieces;

	private final Verifiers verifiers;

	RegistrationRule(IntakeService intake, PieceRepository pieces, Verifiers verifiers) {
		this.intake = intake;
		this.pieces = pieces;
		this.verifiers = verifiers;
	}

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(PieceProcess.TASK_REGISTER);
	}

	@Override
	public void check(DelegateTask task) {
		this.intake.checkReference((String) task.getVariable(PieceProcess.CATEGORY),
				(String) task.getVariable(PieceProcess.SOURCE_TYPE));
		boolean accepted = PieceProcess.ACCEPT.equals(task.getVariable(PieceProcess.REGISTRATION_DECISION));
		if (accepted && Boolean.TRUE.equals(task.getVariable(PieceProcess.NEEDS_VERIFICATION))) {
			Piece piece = this.pieces.findById((Long) task.getVariable(PieceProcess.PIECE_ID)).orElseThrow();
			if (piece.isConfidential()) {
				throw new RuleViolation("CONFIDENTIAL_NOT_VERIFIABLE", "涉密信息不能交核实人核实，请由信息科自行核实");
			}
			Object verifier = task.getVariable(PieceProcess.VERIFIER);
			if (verifier != null && !(verifier instanceof String text && text.isBlank())) {
				this.verifiers.check(verifier);
			}
		}
	}

}
