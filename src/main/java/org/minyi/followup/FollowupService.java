package org.minyi.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.minyi.calendar.WorkingDayCalendar;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineTime;
import org.minyi.followup.CaseStepRecorded.Step;
import org.minyi.identity.Role;
import org.minyi.instruction.Instruction;
import org.minyi.instruction.InstructionService;
import org.minyi.piece.PieceClearances;
import org.minyi.piece.PieceFacts;
import org.minyi.piece.PieceRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of department follow-up of leader instructions and of archiving (steps 9 and
 * 12).
 */
@Service("followupService")
public class FollowupService {

	/** The engine group of a department's own users: {@code dept-housing-bureau}. */
	public static String departmentGroup(String departmentCode) {
		return Role.DEPARTMENT_GROUP_PREFIX + departmentCode;
	}

	static final Set<String> RESOLUTIONS = Set.of("solved", "being-solved", "explained");

	static final Set<String> CONTACT_METHODS = Set.of("face-to-face", "meeting", "phone", "email", "letter", "other");

	private final PieceRepository pieces;

	private final InstructionService instructions;

	private final FollowupCaseRepository cases;

	private final ApplicationEventPublisher events;

	private final PieceClearances clearances;

	private final WorkingDayCalendar calendar;

	private final FollowupSettings settings;

	private final ZoneId zone;

	FollowupService(PieceRepository pieces, InstructionService instructions, FollowupCaseRepository cases,
			ApplicationEventPublisher events, PieceClearances clearances, WorkingDayCalendar calendar,
			FollowupSettings settings, @Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.pieces = pieces;
		this.instructions = instructions;
		this.cases = cases;
		this.events = events;
		this.clearances = clearances;
		this.calendar = calendar;
		this.settings = settings;
		this.zone = zone;
	}

	/**
	 * The departments of an instruction: the collection of the follow-up multi-instance
	 * in BPMN.
	 */
	@Transactional(readOnly = true)
	public List<String> departmentsOf(Long instructionId) {
		return this.instructions.instruction(instructionId).departments();
	}

	/**
	 * Whether nothing is left to follow up for this piece: the archive waits for this.
	 */
	@Transactional(readOnly = true)
	public boolean allClosed(Long pieceId) {
		return this.cases.countByPieceIdAndStatusNot(pieceId, FollowupCase.Status.CLOSED) == 0;
	}

	/**
	 * Who reviews department replies: {@code ${followupService.reviewerGroup}} in the
	 * model.
	 */
	public String getReviewerGroup() {
		return this.settings.reviewerGroup();
	}

	/** For the BPMN timer: {@code ${followupService.instructionWindow}}. */
	public String getInstructionWindow() {
		return this.settings.instructionWindow();
	}

	/**
	 * When the department is reminded of a deadline:
	 * {@code minyi.followup.reminder-working-days} working days before it. The model asks
	 * each time it waits for a deadline, so an extended deadline gets its own.
	 */
	public Date reminderDate(Date deadline) {
		return this.calendar.reminderDate(deadline, this.settings.reminderWorkingDays());
	}

	FollowupCase openCase(Long instructionId, String departmentCode, String processInstanceId) {
		Instruction instruction = this.instructions.instruction(instructionId);
		boolean lead = instruction.departments().get(0).equals(departmentCode);
		// A department named by the instruction handles a confidential piece: it is
		// cleared for it.
		this.clearances.clearDepartment(instruction.pieceId(), departmentCode, null);
		Instant deadline = this.calendar.dueDate(this.settings.replyWorkingDays()).toInstant();
		FollowupCase opened = this.cases.save(new FollowupCase(instructionId, instruction.pieceId(), departmentCode,
				lead, deadline, processInstanceId));
		// The entry also makes the department a reader of the piece's instruction texts
		// (CommentAudience).
		record(opened, null, Step.OPENED, departmentCode, null);
		return opened;
	}

	void remind(Long caseId) {
		FollowupCase followup = followupCase(caseId);
		followup.remind();
		record(followup, null, Step.REMINDED, followup.departmentCode(), null);
	}

	void markOverdue(Long caseId) {
		FollowupCase followup = followupCase(caseId);
		followup.markOverdue();
		record(followup, null, Step.OVERDUE, followup.departmentCode(), null);
	}

	void chase(Long caseId, String comment, String userId) {
		FollowupCase followup = followupCase(caseId);
		followup.chase();
		record(followup, userId, Step.CHASED, followup.departmentCode(), comment);
	}

	/** One extension per case; returns the new deadline. */
	Instant extend(Long caseId, String reason, String userId) {
		FollowupCase followup = followupCase(caseId);
		if (followup.isExtended()) {
			throw RuleViolation.conflict("EXTENSION_ALREADY_USED", "每个承办事项只能延期一次");
		}
		LocalDate from = followup.deadline().atZone(this.zone).toLocalDate();
		LocalDate to = this.calendar.addWorkingDays(from, this.settings.extensionWorkingDays());
		Instant deadline = to.atTime(18, 0).atZone(this.zone).toInstant();
		followup.extend(reason, deadline);
		record(followup, userId, Step.EXTENDED, followup.departmentCode(), reason);
		return deadline;
	}

	void reply(Long caseId, String result, String resolution, boolean contacted, String contactMethod, String userId) {
		FollowupCase followup = followupCase(caseId);
		followup.reply(result, resolution, contacted, contactMethod, EngineTime.instant());
		record(followup, userId, Step.REPLIED, resolution, result);
	}

	void returnReply(Long caseId) {
		followupCase(caseId).reopen();
	}

	void acceptReply(Long caseId, String userId) {
		FollowupCase followup = followupCase(caseId);
		followup.close(EngineTime.instant());
		record(followup, userId, Step.REPLY_ACCEPTED, followup.resolution(), followup.replyResult());
	}

	void requestHandBack(Long caseId, String reason, String userId) {
		FollowupCase followup = followupCase(caseId);
		followup.requestHandBack();
		record(followup, userId, Step.HAND_BACK_REQUESTED, followup.departmentCode(), reason);
	}

	void refuseHandBack(Long caseId) {
		followupCase(caseId).reopen();
	}

	Instant reassign(Long caseId, String departmentCode, String userId) {
		FollowupCase followup = followupCase(caseId);
		String department = this.instructions.checkDepartment(departmentCode);
		Instant deadline = this.calendar.dueDate(this.settings.replyWorkingDays()).toInstant();
		this.clearances.clearDepartment(followup.pieceId(), department, userId);
		followup.reassign(department, deadline);
		record(followup, userId, Step.REASSIGNED, department, null);
		return deadline;
	}

	/** A step of the case, for its department (after a reassignment, the new one). */
	private void record(FollowupCase followup, String userId, Step step, String decision, String comment) {
		PieceFacts piece = PieceFacts.of(this.pieces.findById(followup.pieceId()).orElseThrow());
		this.events.publishEvent(new CaseStepRecorded(piece, followup.id(), followup.instructionId(),
				followup.departmentCode(), userId, step, decision, comment));
	}

	@Transactional(readOnly = true)
	public List<FollowupCase> casesOf(Long pieceId) {
		return this.cases.findByPieceId(pieceId);
	}

	@Transactional(readOnly = true)
	public FollowupCase followupCase(Long caseId) {
		return this.cases.findById(caseId).orElseThrow();
	}

}
