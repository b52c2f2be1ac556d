package org.minyi.followup;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.minyi.engine.Privileged;
import org.minyi.piece.PieceRepository;
import org.springframework.stereotype.Component;

/**
 * Records an instruction and, when it is new, tells the piece's process, which opens the follow-up
 * cases. The same for Tasklist (the instruction process) and the API.
 */
@Component
class InstructionIntake {

	private final FollowupService followup;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final PieceRepository pieces;

	InstructionIntake(FollowupService followup, RuntimeService runtimeService, IdentityService identityService,
			PieceRepository pieces) {
		this.followup = followup;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.pieces = pieces;
	}

	FollowupService.RecordedInstruction record(Long pieceId, String leaderCode, LocalDate instructedOn, String text,
			String leadDepartment, List<String> coDepartments, String messageId, String userId) {
		FollowupService.RecordedInstruction recorded = this.followup.recordInstruction(pieceId, leaderCode,
				instructedOn, text, leadDepartment, coDepartments, messageId, userId);
		if (!recorded.repeated()) {
			String number = this.pieces.findById(pieceId).orElseThrow().registrationNumber();
			Privileged.run(this.identityService,
					() -> this.runtimeService.createMessageCorrelation(FollowupProcess.MESSAGE_INSTRUCTION)
						.processInstanceBusinessKey(number)
						.setVariableLocal(FollowupProcess.INSTRUCTION_ID, recorded.instruction().id())
						.correlate());
		}
		return recorded;
	}

}
