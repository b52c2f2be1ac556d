package org.minyi.instruction;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineUser;
import org.minyi.piece.PieceRepository;
import org.springframework.stereotype.Component;

/**
 * The instruction recorded through the Tasklist start form of {@code minyi-instruction}.
 */
@Component("recordInstructionDelegate")
class RecordInstructionDelegate implements JavaDelegate {

	private final InstructionIntake intake;

	private final PieceRepository pieces;

	private final IdentityService identityService;

	RecordInstructionDelegate(InstructionIntake intake, PieceRepository pieces, IdentityService identityService) {
		this.intake = intake;
		this.pieces = pieces;
		this.identityService = identityService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = (String) execution.getVariable("pieceNumber");
		Long pieceId = this.pieces.findByRegistrationNumber((number == null) ? "" : number.strip())
			.orElseThrow(() -> new RuleViolation("PIECE_NOT_FOUND", "登记号不存在：" + number))
			.id();
		String co = (String) execution.getVariable("coDepartment");
		this.intake.record(pieceId, (String) execution.getVariable("leaderCode"),
				date((String) execution.getVariable("instructedOn")), (String) execution.getVariable("instructionText"),
				(String) execution.getVariable("leadDepartment"),
				(co == null || co.isBlank()) ? List.of() : List.of(co), null,
				EngineUser.currentId(this.identityService));
	}

	private static LocalDate date(String text) {
		try {
			return (text == null) ? null
					: LocalDate.parse(text.strip().substring(0, Math.min(10, text.strip().length())));
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolation("INSTRUCTION_DATE_INVALID", "批示日期格式不正确：" + text);
		}
	}

}
