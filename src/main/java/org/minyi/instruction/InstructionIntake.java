package org.minyi.instruction;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.minyi.engine.Privileged;
import org.minyi.piece.PieceRepository;
import org.springframework.stereotype.Component;

/**
 * Records an instruction and, when it is new, tells the piece's process, which opens the
 * follow-up cases. The same for Tasklist (the instruction process) and the API.
 */
@Component
class InstructionIntake {

	private final InstructionService instructions;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final PieceRepository pieces;

	InstructionIntake(InstructionService instructions, RuntimeService runtimeService, IdentityService identityService,
			PieceRepository pieces) {
		this.instructions = instructions;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.pieces = pieces;
	}

	InstructionService.RecordedInstruction record(Long pieceId, String leaderCode, LocalDate instructedOn, String text,
			String leadDepartment, List<String> coDepartments, String messageId, String userId) {
		InstructionService.RecordedInstruction recorded = this.instructions.record(pieceId, leaderCode, instructedOn,
				text, leadDepartment, coDepartments, messageId, userId);
		if (!recorded.repeated()) {
			String number = this.pieces.findById(pieceId).orElseThrow().registrationNumber();
			Privileged.run(this.identityService,
					() -> this.runtimeService.createMessageCorrelation(InstructionProcess.MESSAGE_INSTRUCTION)
						.processInstanceBusinessKey(number)
						.setVariableLocal(InstructionProcess.INSTRUCTION_ID, recorded.instruction().id())
						.correlate());
		}
		return recorded;
	}

}
