package org.minyi.instruction;

import java.time.LocalDate;
import java.util.List;

import org.minyi.common.RuleViolation;
import org.minyi.identity.Role;
import org.minyi.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A leader's instruction, posted by the info-section or by an external system. */
@RestController
class InstructionApiController {

	/** {@code messageId} makes a repeated delivery harmless. */
	record InstructionRequest(String leader, LocalDate instructedOn, String text, String leadDepartment,
			List<String> coDepartments, String messageId) {
	}

	record InstructionView(Long id, Long pieceId, String leader, String level, LocalDate instructedOn,
			List<String> departments, String messageId) {
	}

	private final InstructionIntake intake;

	InstructionApiController(InstructionIntake intake) {
		this.intake = intake;
	}

	@PostMapping("/api/pieces/{id}/instructions")
	@Transactional
	ResponseEntity<InstructionView> record(@PathVariable long id, @RequestBody InstructionRequest request,
			CurrentUser user) {
		if (!user.hasAnyRole(Role.INFO_SECTION, Role.ADMIN)) {
			throw RuleViolation.forbidden("FORBIDDEN", "只有信息科可以记录领导批示");
		}
		if (request == null) {
			throw new RuleViolation("BODY_REQUIRED", "请求体不能为空");
		}
		InstructionService.RecordedInstruction result = this.intake.record(id, request.leader(), request.instructedOn(),
				request.text(), request.leadDepartment(), request.coDepartments(), request.messageId(), user.id());
		Instruction instruction = result.instruction();
		return ResponseEntity.status(result.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(new InstructionView(instruction.id(), instruction.pieceId(), instruction.leaderCode(),
					instruction.leaderLevel(), instruction.instructedOn(), instruction.departments(),
					instruction.messageId()));
	}

}
