package org.minyi.instruction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.minyi.common.PlainText;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineTime;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceFacts;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of leader instructions (step 8): who may instruct, on which piece, naming
 * which departments.
 */
@Service
public class InstructionService {

	/**
	 * An instruction as recorded; {@code repeated} when the same message had been
	 * delivered before.
	 */
	public record RecordedInstruction(Instruction instruction, boolean repeated) {
	}

	private final PieceRepository pieces;

	private final InstructionRepository instructions;

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	private final ZoneId zone;

	InstructionService(PieceRepository pieces, InstructionRepository instructions, ApplicationEventPublisher events,
			JdbcTemplate jdbc, @Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.pieces = pieces;
		this.instructions = instructions;
		this.events = events;
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/**
	 * Records a leader's instruction on a dispatched piece. The same message delivered
	 * twice returns the first instruction; the caller tells the piece's process only
	 * about a new one.
	 */
	RecordedInstruction record(Long pieceId, String leaderCode, LocalDate instructedOn, String text,
			String leadDepartment, List<String> coDepartments, String messageId, String userId) {
		PlainText.check("消息编号", messageId, 100);
		if (messageId != null) {
			Optional<Instruction> delivered = this.instructions.findByMessageId(messageId);
			if (delivered.isPresent()) {
				return new RecordedInstruction(delivered.get(), true);
			}
		}
		Piece piece = this.pieces.findById(pieceId)
			.orElseThrow(() -> RuleViolation.notFound("PIECE_NOT_FOUND", "信息不存在：" + pieceId));
		if (piece.status() == PieceStatus.ARCHIVED) {
			throw RuleViolation.conflict("PIECE_ARCHIVED", "信息已归档，不能再记录批示");
		}
		if (piece.status() != PieceStatus.DISPATCHED) {
			throw new RuleViolation("PIECE_NOT_DISPATCHED", "信息尚未报送，不能记录领导批示");
		}
		String level = this.jdbc
			.query("SELECT level FROM minyi_leader WHERE code = ? AND active = TRUE", (row, i) -> row.getString(1),
					leaderCode)
			.stream()
			.findFirst()
			.orElseThrow(() -> new RuleViolation("UNKNOWN_LEADER", "批示领导不存在：" + leaderCode));
		if (text == null || text.isBlank()) {
			throw new RuleViolation("INSTRUCTION_TEXT_REQUIRED", "请填写批示内容");
		}
		if (text.length() > 2000) {
			throw new RuleViolation("INSTRUCTION_TEXT_TOO_LONG", "批示内容不能超过2000字");
		}
		PlainText.check("批示内容", text, 2000);
		LocalDate today = EngineTime.instant().atZone(this.zone).toLocalDate();
		if (instructedOn == null || instructedOn.isAfter(today) || instructedOn.getYear() < 2000) {
			throw new RuleViolation("INSTRUCTION_DATE_INVALID", "批示日期无效：" + instructedOn);
		}
		// A leader may only read a piece (「阅」) or instruct the committee itself: then no
		// department has a
		// case. A co-organizer needs a lead.
		List<String> co = (coDepartments == null) ? List.of() : coDepartments;
		boolean noLead = leadDepartment == null || leadDepartment.isBlank();
		if (noLead && !co.isEmpty()) {
			throw new RuleViolation("LEAD_DEPARTMENT_REQUIRED", "指定协办单位时必须指定主办单位");
		}
		Set<String> departments = new LinkedHashSet<>();
		if (!noLead) {
			departments.add(checkDepartment(leadDepartment));
		}
		for (String code : co) {
			departments.add(checkDepartment(code));
		}
		Instant now = EngineTime.instant();
		Instruction instruction = this.instructions.save(new Instruction(pieceId, leaderCode, level, instructedOn,
				text.strip(), new ArrayList<>(departments), now, userId, messageId));
		this.events.publishEvent(
				new InstructionRecorded(PieceFacts.of(piece), instruction.id(), now, userId, level, text.strip()));
		return new RecordedInstruction(instruction, false);
	}

	/**
	 * A department that may be named to handle a piece (an active recipient of kind
	 * department), stripped.
	 */
	public String checkDepartment(String code) {
		if (code == null || code.isBlank()) {
			throw new RuleViolation("DEPARTMENT_REQUIRED", "承办单位不能为空");
		}
		boolean known = !this.jdbc
			.queryForList("SELECT code FROM minyi_recipient WHERE code = ? AND kind = 'DEPARTMENT' AND active = TRUE",
					String.class, code.strip())
			.isEmpty();
		if (!known) {
			throw new RuleViolation("UNKNOWN_DEPARTMENT", "承办单位不存在：" + code);
		}
		return code.strip();
	}

	@Transactional(readOnly = true)
	public Instruction instruction(Long instructionId) {
		return this.instructions.findById(instructionId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Instruction> instructionsOf(Long pieceId) {
		return this.instructions.findByPieceId(pieceId);
	}

}
