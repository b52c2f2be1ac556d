package org.minyi.intake;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.engine.EngineUser;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceProcess;
import org.springframework.stereotype.Component;

/**
 * After the registration task: the piece gets its registration number (also the process
 * business key, so Cockpit and Tasklist can find it by number) and its confirmed
 * classification. A chosen verifier is kept only for a piece that goes to verification,
 * so that an earlier registration's choice never assigns a later one.
 */
@Component("registerPieceDelegate")
class RegisterPieceDelegate implements JavaDelegate {

	private final IntakeService intake;

	private final IdentityService identityService;

	RegisterPieceDelegate(IntakeService intake, IdentityService identityService) {
		this.intake = intake;
		this.identityService = identityService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Piece piece = this.intake.register((Long) execution.getVariable(PieceProcess.PIECE_ID),
				(String) execution.getVariable(PieceProcess.CATEGORY),
				(String) execution.getVariable(PieceProcess.SOURCE_TYPE),
				(String) execution.getVariable(PieceProcess.REGISTRATION_DECISION),
				(String) execution.getVariable(PieceProcess.REGISTRATION_COMMENT), currentUserId());
		execution.setVariable(PieceProcess.REGISTRATION_NUMBER, piece.registrationNumber());
		execution.setProcessBusinessKey(piece.registrationNumber());
		boolean verifying = PieceProcess.ACCEPT.equals(execution.getVariable(PieceProcess.REGISTRATION_DECISION))
				&& Boolean.TRUE.equals(execution.getVariable(PieceProcess.NEEDS_VERIFICATION));
		Object verifier = execution.getVariable(PieceProcess.VERIFIER);
		if (!verifying || (verifier instanceof String text && text.isBlank())) {
			execution.removeVariable(PieceProcess.VERIFIER);
		}
	}

	private String currentUserId() {
		return EngineUser.currentId(this.identityService);
	}

}
