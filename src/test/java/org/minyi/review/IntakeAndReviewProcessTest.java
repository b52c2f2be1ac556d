package org.minyi.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.calendar.WorkingDayCalendar;
import org.minyi.common.RuleViolation;
import org.minyi.notification.NotificationService;
import org.minyi.piece.Credit;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceEvent;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceStatus;
import org.minyi.piece.PieceTimeline;
import org.minyi.support.Engine;
import org.minyi.support.EngineClock;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Part 1 of the lifecycle, one test per path: collection, registration, verification,
 * editing, sign-off.
 */
@MinyiIntegrationTest
class IntakeAndReviewProcessTest {

	private static final String SUBMITTER = "wangfang";

	private static final String CO_SUBMITTER = "zhaolei";

	private static final String CLERK = "liqiang";

	private static final String VERIFIER = "zhoumin";

	private static final String SECRETARY_GENERAL = "chenjun";

	private static final String VICE_CHAIR = "sunli";

	private static final String REMINDER = "【到期提醒】";

	private static final String ESCALATION = "【超期提醒】";

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	@Autowired
	PieceTimeline timeline;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	NotificationService notificationService;

	@Autowired
	Users users;

	@Autowired
	EngineClock clock;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine.processEngine());
	}

	@AfterEach
	void resetClock() {
		EngineClock.reset();
	}

	@Test
	void shouldNumberEditAndSignOffAnAcceptedPiece() {
		ProcessInstance instance = submit(PieceFixtures.piece());
		assertThat(instance).isWaitingAt(PieceProcess.TASK_REGISTER);
		assertThat(piece(instance).status()).isEqualTo(PieceStatus.SUBMITTED);

		complete(CLERK, instance, PieceFixtures.accept(false));
		Piece registered = piece(instance);
		assertThat(registered.registrationNumber()).matches("\\d{4}-\\d{4}");
		assertThat(this.engine.runtime()
			.createProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult()
			.getBusinessKey()).isEqualTo(registered.registrationNumber());
		assertThat(instance).isWaitingAt(PieceProcess.TASK_EDIT);
		assertThat(registered.status()).isEqualTo(PieceStatus.EDITING);

		completeEdit(instance, "关于推行老旧小区加装电梯并联审批的建议");
		assertThat(instance).isWaitingAt(PieceProcess.TASK_SIGNOFF_SECRETARY_GENERAL);
		assertThat(piece(instance).status()).isEqualTo(PieceStatus.SIGNING_OFF);
		complete(SECRETARY_GENERAL, instance, signoff(PieceProcess.APPROVE, null));
		assertThat(instance).isWaitingAt(PieceProcess.TASK_SIGNOFF_VICE_CHAIR);
		complete(VICE_CHAIR, instance, signoff(PieceProcess.APPROVE, null));

		assertThat(instance).isWaitingAt(PieceProcess.CALL_DISPATCH);
		Piece signedOff = piece(instance);
		assertThat(signedOff.status()).isEqualTo(PieceStatus.SIGNED_OFF);
		assertThat(signedOff.originalText().title()).isEqualTo("关于优化老旧小区加装电梯审批流程的建议");
		assertThat(signedOff.currentText().title()).isEqualTo("关于推行老旧小区加装电梯并联审批的建议");
		assertThat(this.timeline.of(signedOff.id())).extracting(PieceEvent::step)
			.containsSubsequence("submitted", PieceProcess.TASK_REGISTER, PieceProcess.TASK_EDIT,
					PieceProcess.TASK_SIGNOFF_SECRETARY_GENERAL, PieceProcess.TASK_SIGNOFF_VICE_CHAIR);
		assertThat(this.timeline.of(signedOff.id()))
			.filteredOn((event) -> event.step().equals(PieceProcess.TASK_REGISTER))
			.extracting(PieceEvent::actorId, PieceEvent::decision)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(CLERK, PieceProcess.ACCEPT));
	}

	@Test
	void shouldReturnPieceToSubmitterAndRegisterItAgainWhenResubmitted() {
		ProcessInstance instance = submit(PieceFixtures.piece());
		complete(CLERK, instance, registration(PieceProcess.RETURN, "请补充具体小区名单"));
		assertThat(instance).isWaitingAt(PieceProcess.TASK_REVISE);
		assertThat(task(instance)).isAssignedTo(SUBMITTER);
		Piece returned = piece(instance);
		assertThat(returned.status()).isEqualTo(PieceStatus.RETURNED);
		assertThat(returned.closingReason()).isEqualTo("请补充具体小区名单");
		String number = returned.registrationNumber();

		Map<String, Object> revision = new HashMap<>(PieceFixtures.piece().variables());
		revision.put(PieceProcess.SITUATION, "我区现有老旧小区412个，其中XX街道、YY街道需求最集中。");
		revision.put(PieceProcess.REVISION_DECISION, PieceProcess.RESUBMIT);
		complete(SUBMITTER, instance, revision);

		assertThat(instance).isWaitingAt(PieceProcess.TASK_REGISTER);
		Piece resubmitted = piece(instance);
		assertThat(resubmitted.originalText().situation()).contains("XX街道");
		complete(CLERK, instance, PieceFixtures.accept(false));
		assertThat(piece(instance).registrationNumber()).isEqualTo(number);
	}

	@Test
	void shouldStartEveryTaskWithEmptyDecisionAndCommentFields() {
		ProcessInstance instance = submit(PieceFixtures.piece());
		complete(CLERK, instance, registration(PieceProcess.RETURN, "请补充具体小区名单"));
		Map<String, Object> revision = new HashMap<>(PieceFixtures.piece().variables());
		revision.put(PieceProcess.REVISION_DECISION, PieceProcess.RESUBMIT);
		complete(SUBMITTER, instance, revision);

		assertThat(instance).isWaitingAt(PieceProcess.TASK_REGISTER);
		assertThat(this.engine.tasks().getVariables(task(instance).getId())).as("the second registration's form")
			.doesNotContainKeys(PieceProcess.REGISTRATION_DECISION, PieceProcess.REGISTRATION_COMMENT);
		complete(CLERK, instance, PieceFixtures.accept(false));
		completeEdit(instance, "编辑后的标题");
		complete(SECRETARY_GENERAL, instance,
				Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE, PieceProcess.SIGNOFF_COMMENT, "同意，建议报市政协"));

		assertThat(this.engine.tasks().getVariables(task(instance).getId())).as("the vice-chair's form")
			.doesNotContainKeys(PieceProcess.SIGNOFF_DECISION, PieceProcess.SIGNOFF_COMMENT);
		complete(VICE_CHAIR, instance, Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE));

		Piece signedOff = piece(instance);
		assertThat(signedOff.status()).isEqualTo(PieceStatus.SIGNED_OFF);
		assertThat(signedOff.closingReason()).as("the return reason of the first registration").isNull();
		List<PieceEvent> events = this.timeline.of(signedOff.id());
		assertThat(events).filteredOn(
				(event) -> event.actorId() != null && event.step().equals(PieceProcess.TASK_SIGNOFF_SECRETARY_GENERAL))
			.extracting(PieceEvent::comment)
			.containsExactly("同意，建议报市政协");
		assertThat(events)
			.filteredOn((event) -> event.actorId() != null && event.step().equals(PieceProcess.TASK_SIGNOFF_VICE_CHAIR))
			.extracting(PieceEvent::comment)
			.containsExactly((String) null);
		assertThat(events)
			.filteredOn((event) -> event.actorId() != null && event.step().equals(PieceProcess.TASK_REGISTER))
			.extracting(PieceEvent::comment)
			.containsExactly("请补充具体小区名单", null);
	}

	@Test
	void shouldEndWithdrawnWhenSubmitterWithdrawsReturnedPiece() {
		ProcessInstance instance = submit(PieceFixtures.piece());
		complete(CLERK, instance, registration(PieceProcess.RETURN, "材料不全"));
		complete(SUBMITTER, instance,
				Map.of(PieceProcess.REVISION_DECISION, PieceProcess.WITHDRAW, PieceProcess.REVISION_COMMENT, "情况已解决"));

		assertThat(instance).isEnded().hasPassed(PieceProcess.END_WITHDRAWN);
		Piece withdrawn = piece(instance);
		assertThat(withdrawn.status()).isEqualTo(PieceStatus.WITHDRAWN);
		String number = withdrawn.registrationNumber();
		assertThat(number).isNotNull();

		ProcessInstance next = submit(PieceFixtures.piece());
		complete(CLERK, next, PieceFixtures.accept(false));
		assertThat(this.pieces.findByRegistrationNumber(number)).as("the withdrawn piece keeps its number")
			.hasValueSatisfying((kept) -> assertThat(kept.id()).isEqualTo(withdrawn.id()));
		assertThat(piece(next).registrationNumber()).as("a number is never reused")
			.isNotEqualTo(number)
			.isGreaterThan(number);
	}

	@Test
	void shouldEndNotAdoptedWithTheReasonTheSubmitterSees() {
		ProcessInstance instance = submit(PieceFixtures.piece());
		complete(CLERK, instance, registration(PieceProcess.REJECT, "属个人诉求，建议通过信访渠道反映"));

		assertThat(instance).isEnded().hasPassed(PieceProcess.END_NOT_ADOPTED);
		assertThat(piece(instance).status()).isEqualTo(PieceStatus.NOT_ADOPTED);
		assertThat(piece(instance).closingReason()).isEqualTo("属个人诉求，建议通过信访渠道反映");
	}

	@Test
	void shouldVerifyBeforeEditingWhenRegistrarAsksForVerification() {
		ProcessInstance instance = submit(PieceFixtures.piece());
		complete(CLERK, instance, PieceFixtures.accept(true));
		assertThat(instance).isWaitingAt(PieceProcess.TASK_VERIFY);
		assertThat(task(instance)).hasCandidateGroup("verifier").isNotAssigned();
		// Due at the end of office hours, ten working days
		// (minyi.deadlines.working-days.verify) from today.
		ZonedDateTime due = task(instance).getDueDate().toInstant().atZone(ZoneId.of("Asia/Shanghai"));
		assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(18, 0));
		assertThat(this.calendar.workingDaysBetween(LocalDate.now(ZoneId.of("Asia/Shanghai")), due.toLocalDate()))
			.isEqualTo(10);
		assertThat(this.calendar.isWorkingDay(due.toLocalDate())).isTrue();
		assertThat(piece(instance).status()).isEqualTo(PieceStatus.VERIFYING);

		complete(VERIFIER, instance, Map.of(PieceProcess.VERIFICATION_RESULT, PieceProcess.PARTLY_CONFIRMED,
				PieceProcess.VERIFICATION_NOTES, "经实地走访，审批时长约70天"));

		assertThat(instance).isWaitingAt(PieceProcess.TASK_EDIT);
		assertThat(piece(instance).verificationResult()).isEqualTo(PieceProcess.PARTLY_CONFIRMED);
	}

	@Test
	void shouldGiveVerificationToTheVerifierTheRegistrarChoseAndRefuseAnyoneElse() {
		ProcessInstance instance = submit(PieceFixtures.piece());
		assertThat((String) this.engine.tasks().getVariable(task(instance).getId(), PieceProcess.VERIFIER_CHOICES))
			.as("the registration form's choice of verifiers: the verifier group")
			.contains(VERIFIER + "|周敏")
			.doesNotContain(CLERK);
		Map<String, Object> registration = PieceFixtures.accept(true);
		registration.put(PieceProcess.VERIFIER, CLERK);
		assertThatThrownBy(() -> complete(CLERK, instance, registration)).hasCauseInstanceOf(RuleViolation.class)
			.hasMessageStartingWith("[VERIFIER_NOT_IN_GROUP]")
			.hasMessageContaining("核实人组");
		assertThat(instance).isWaitingAt(PieceProcess.TASK_REGISTER);

		registration.put(PieceProcess.VERIFIER, VERIFIER);
		complete(CLERK, instance, registration);

		assertThat(instance).isWaitingAt(PieceProcess.TASK_VERIFY);
		assertThat(task(instance)).isAssignedTo(VERIFIER);
		assertThat(this.engine.tasks().getIdentityLinksForTask(task(instance).getId()))
			.as("the verifier group stays candidate, to take over if need be")
			.anyMatch((link) -> IdentityLinkType.CANDIDATE.equals(link.getType())
					&& "verifier".equals(link.getGroupId()));
		assertThat(notices(VERIFIER, "【待办】调查核实", piece(instance).registrationNumber())).hasSize(1);
		complete(VERIFIER, instance, Map.of(PieceProcess.VERIFICATION_RESULT, PieceProcess.CONFIRMED,
				PieceProcess.VERIFICATION_NOTES, "经实地走访，情况属实"));
		assertThat(instance).isWaitingAt(PieceProcess.TASK_EDIT);
	}

	@Test
	void shouldRemindTheVerifierBeforeTheDeadlineAndTellTheInfoSectionWhenItHasPassed() {
		ProcessInstance instance = submit(PieceFixtures.piece());
		Map<String, Object> registration = PieceFixtures.accept(true);
		registration.put(PieceProcess.VERIFIER, VERIFIER);
		complete(CLERK, instance, registration);
		Task verify = task(instance);
		String number = piece(instance).registrationNumber();

		advanceTo(instance, EngineClock.minutesAfter(ClockUtil.getCurrentTime(), 1));
		assertThat(notices(VERIFIER, REMINDER, number)).as("not yet").isEmpty();
		advanceTo(instance, EngineClock.minutesBefore(verify.getDueDate(), 1));
		assertThat(notices(VERIFIER, REMINDER, number)).singleElement()
			.satisfies((entry) -> assertThat(entry.subject()).contains("调查核实"));
		assertThat(notices(CLERK, ESCALATION, number)).as("not overdue yet").isEmpty();

		advanceTo(instance, EngineClock.minutesAfter(verify.getDueDate(), 1));
		assertThat(notices(CLERK, ESCALATION, number)).singleElement()
			.satisfies((entry) -> assertThat(entry.subject()).contains("调查核实"));
		assertThat(notices(VERIFIER, REMINDER, number)).as("reminded once").hasSize(1);
		assertThat(task(instance).getId()).as("the verifier keeps the task").isEqualTo(verify.getId());
		complete(VERIFIER, instance, Map.of(PieceProcess.VERIFICATION_RESULT, PieceProcess.CONFIRMED,
				PieceProcess.VERIFICATION_NOTES, "经实地走访，情况属实"));
		assertThat(instance).isWaitingAt(PieceProcess.TASK_EDIT);
	}

	@Test
	void shouldRemindSignersBeforeTheirDeadlinesAndTellTheInfoSectionWhenTheyHavePassed() {
		ProcessInstance instance = atSignoff(PieceFixtures.piece().confidential().title("关于某涉密工程进度的建议"));
		String number = piece(instance).registrationNumber();

		Task secretaryGeneral = task(instance);
		advanceTo(instance, EngineClock.minutesAfter(ClockUtil.getCurrentTime(), 1));
		assertThat(notices(SECRETARY_GENERAL, REMINDER, number)).as("not yet").isEmpty();
		advanceTo(instance, EngineClock.minutesBefore(secretaryGeneral.getDueDate(), 1));
		assertThat(notices(SECRETARY_GENERAL, REMINDER, number)).singleElement()
			.satisfies((entry) -> assertThat(entry.subject()).contains("秘书长审核"));
		assertThat(notices(CLERK, ESCALATION, number)).isEmpty();
		advanceTo(instance, EngineClock.minutesAfter(secretaryGeneral.getDueDate(), 1));
		assertThat(notices(CLERK, ESCALATION, number)).singleElement()
			.satisfies((entry) -> assertThat(entry.subject()).contains("秘书长审核"));
		complete(SECRETARY_GENERAL, instance, signoff(PieceProcess.APPROVE, null));

		Task viceChair = task(instance);
		assertThat(viceChair.getTaskDefinitionKey()).isEqualTo(PieceProcess.TASK_SIGNOFF_VICE_CHAIR);
		advanceTo(instance, EngineClock.minutesBefore(viceChair.getDueDate(), 1));
		assertThat(notices(VICE_CHAIR, REMINDER, number)).singleElement()
			.satisfies((entry) -> assertThat(entry.subject()).contains("分管副主席签发"));
		assertThat(notices(CLERK, ESCALATION, number)).hasSize(1);
		advanceTo(instance, EngineClock.minutesAfter(viceChair.getDueDate(), 1));
		assertThat(notices(CLERK, ESCALATION, number)).hasSize(2)
			.anySatisfy((entry) -> assertThat(entry.subject()).contains("分管副主席签发"));
		assertThat(instance).isWaitingAt(PieceProcess.TASK_SIGNOFF_VICE_CHAIR);

		List<NotificationService.InboxEntry> sent = new java.util.ArrayList<>(notices(CLERK, ESCALATION, number));
		sent.addAll(notices(SECRETARY_GENERAL, REMINDER, number));
		sent.addAll(notices(VICE_CHAIR, REMINDER, number));
		assertThat(sent).as("a confidential piece's title is in no reminder or escalation")
			.allSatisfy((entry) -> assertThat(entry.subject() + entry.body()).doesNotContain("涉密工程")
				.doesNotContain("编辑后的标题"));
	}

	@Test
	void shouldEndNotAdoptedWhenVerificationDoesNotConfirmTheFacts() {
		ProcessInstance instance = submit(PieceFixtures.piece());
		complete(CLERK, instance, PieceFixtures.accept(true));
		complete(VERIFIER, instance, Map.of(PieceProcess.VERIFICATION_RESULT, PieceProcess.NOT_CONFIRMED,
				PieceProcess.VERIFICATION_NOTES, "相关审批已于去年改为并联办理"));

		assertThat(instance).isEnded().hasPassed("end_not_confirmed");
		assertThat(piece(instance).status()).isEqualTo(PieceStatus.NOT_ADOPTED);
		// The verifier's notes are the staff's; the submitter is told the outcome.
		assertThat(piece(instance).closingReason()).isEqualTo("经调查核实，所反映的情况未能得到证实");
	}

	@Test
	void shouldMergePieceIntoAnotherAndCreditEveryOriginalSubmitter() {
		ProcessInstance target = submit(PieceFixtures.piece().coSubmitters(CO_SUBMITTER));
		complete(CLERK, target, PieceFixtures.accept(false));
		ProcessInstance absorbed = this.users.as("zhaolei", () -> this.engine.runtime()
			.startProcessInstanceByKey(PieceProcess.KEY, PieceFixtures.piece().title("加装电梯审批难问题亟待解决").variables()));
		complete(CLERK, absorbed, PieceFixtures.accept(false));

		Map<String, Object> merge = editVariables("加装电梯审批难问题亟待解决");
		merge.put(PieceProcess.EDIT_ACTION, PieceProcess.MERGE);
		merge.put(PieceProcess.MERGE_INTO, piece(target).registrationNumber());
		complete(CLERK, absorbed, merge);

		assertThat(absorbed).isEnded().hasPassed(PieceProcess.END_MERGED);
		assertThat(piece(absorbed).status()).isEqualTo(PieceStatus.MERGED);
		assertThat(piece(absorbed).mergedIntoId()).isEqualTo(piece(target).id());
		assertThat(piece(target).credits()).extracting(Credit::userId, Credit::kind)
			.contains(org.assertj.core.groups.Tuple.tuple(SUBMITTER, Credit.Kind.SUBMITTER),
					org.assertj.core.groups.Tuple.tuple(CO_SUBMITTER, Credit.Kind.CO_SUBMITTER),
					org.assertj.core.groups.Tuple.tuple(CO_SUBMITTER, Credit.Kind.MERGED));
		assertThat(target).isWaitingAt(PieceProcess.TASK_EDIT);
	}

	@Test
	void shouldRefuseToMergeIntoAnUnknownOrClosedPiece() {
		ProcessInstance instance = submit(PieceFixtures.piece());
		complete(CLERK, instance, PieceFixtures.accept(false));
		Map<String, Object> merge = editVariables("标题");
		merge.put(PieceProcess.EDIT_ACTION, PieceProcess.MERGE);
		merge.put(PieceProcess.MERGE_INTO, "1999-9999");

		assertThatThrownBy(() -> complete(CLERK, instance, merge)).hasCauseInstanceOf(RuleViolation.class)
			.hasMessageContaining("MERGE_TARGET_NOT_FOUND");
		merge.put(PieceProcess.MERGE_INTO, piece(instance).registrationNumber());
		assertThatThrownBy(() -> complete(CLERK, instance, merge)).hasMessageContaining("MERGE_TARGET_SELF");
		assertThat(instance).isWaitingAt(PieceProcess.TASK_EDIT);
	}

	@Test
	void shouldSendPieceBackToEditingWhenSecretaryGeneralReturnsIt() {
		ProcessInstance instance = atSignoff(PieceFixtures.piece());
		assertThatThrownBy(() -> complete(SECRETARY_GENERAL, instance, signoff(PieceProcess.RETURN, null)))
			.hasMessageContaining("COMMENT_REQUIRED")
			.as("the option by the label the user clicked")
			.hasMessageContaining("选择「退回编辑」时必须填写意见或理由");
		complete(SECRETARY_GENERAL, instance, signoff(PieceProcess.RETURN, "数据需注明来源"));

		assertThat(instance).isWaitingAt(PieceProcess.TASK_EDIT);
		assertThat(this.engine.runtime().getVariable(instance.getId(), PieceProcess.SIGNOFF_COMMENT))
			.isEqualTo("数据需注明来源");
	}

	@Test
	void shouldSendPieceBackToEditingWhenViceChairReturnsIt() {
		ProcessInstance instance = atSignoff(PieceFixtures.piece());
		complete(SECRETARY_GENERAL, instance, signoff(PieceProcess.APPROVE, null));
		complete(VICE_CHAIR, instance, signoff(PieceProcess.RETURN, "建议部分再精炼"));

		assertThat(instance).isWaitingAt(PieceProcess.TASK_EDIT);
		completeEdit(instance, "精炼后的标题");
		assertThat(instance).isWaitingAt(PieceProcess.TASK_SIGNOFF_SECRETARY_GENERAL);
	}

	@Test
	void shouldTakeUrgentPiecesStraightToTheViceChair() {
		ProcessInstance instance = atSignoff(PieceFixtures.piece().urgent());
		assertThat(instance).isWaitingAt(PieceProcess.TASK_SIGNOFF_VICE_CHAIR);
		complete(VICE_CHAIR, instance, signoff(PieceProcess.APPROVE, null));

		assertThat(instance).isWaitingAt(PieceProcess.CALL_DISPATCH)
			.hasNotPassed(PieceProcess.TASK_SIGNOFF_SECRETARY_GENERAL);
	}

	@Test
	void shouldLetTheSecretaryGeneralAloneSignOffDraftLawComments() {
		ProcessInstance instance = submit(PieceFixtures.piece().category("laws-regulations"));
		Map<String, Object> accept = PieceFixtures.accept(false);
		accept.put(PieceProcess.CATEGORY, "laws-regulations");
		complete(CLERK, instance, accept);
		completeEdit(instance, "对《某某条例（草案）》的修改意见");
		complete(SECRETARY_GENERAL, instance, signoff(PieceProcess.APPROVE, null));

		assertThat(instance).isWaitingAt(PieceProcess.CALL_DISPATCH).hasNotPassed(PieceProcess.TASK_SIGNOFF_VICE_CHAIR);
	}

	@Test
	void shouldLetTheInfoSectionRegisterAPieceReceivedByPhone() {
		ProcessInstance instance = this.users.as(CLERK, () -> this.engine.runtime()
			.startProcessInstanceByKey(PieceProcess.KEY, PieceFixtures.piece().receivedBy("phone", "张大爷").variables()));

		Piece piece = piece(instance);
		assertThat(piece.submitterId()).isNull();
		assertThat(piece.submitterName()).isEqualTo("张大爷");
		assertThat(piece.channel().code()).isEqualTo("phone");
	}

	@Test
	void shouldRefuseAnotherChannelFromASubmitter() {
		assertThatThrownBy(() -> submit(PieceFixtures.piece().receivedBy("phone", "张大爷")))
			.hasMessageContaining("CHANNEL_FORBIDDEN");
	}

	@Test
	void shouldShowSimilarRecentPiecesToTheRegistrar() {
		ProcessInstance first = submit(
				PieceFixtures.piece().title("关于规范共享单车停放秩序的建议").situation("城区共享单车乱停乱放现象突出，占用盲道和消防通道。"));
		complete(CLERK, first, PieceFixtures.accept(false));
		ProcessInstance second = submit(
				PieceFixtures.piece().title("关于规范共享单车停放秩序的几点建议").situation("城区共享单车乱停乱放现象突出，严重占用盲道。"));

		// Only the registrar asks for them; the process keeps none, so no other reader of
		// it finds them.
		assertThat(this.engine.runtime().getVariables(second.getId()))
			.doesNotContainKey(PieceProcess.RETIRED_DUPLICATE_CANDIDATES);
		ResponseEntity<List<Map<String, Object>>> similar = new Http(this.rest).getList(CLERK,
				"/api/pieces/" + piece(second).id() + "/similar");
		assertThat(similar.getBody()).anySatisfy((candidate) -> assertThat(candidate)
			.containsEntry("registrationNumber", piece(first).registrationNumber())
			.containsEntry("title", "关于规范共享单车停放秩序的建议"));
	}

	/** The engine clock moved; the piece's timers that are due by then fire. */
	private void advanceTo(ProcessInstance instance, java.util.Date instant) {
		this.clock.advanceTo(instant, List.of(instance.getId()));
	}

	/** A user's inbox entries about this piece whose subject starts so. */
	private List<NotificationService.InboxEntry> notices(String userId, String subjectStart, String number) {
		return this.notificationService.inbox(userId)
			.stream()
			.filter((entry) -> entry.subject().startsWith(subjectStart) && entry.subject().contains(number))
			.toList();
	}

	private ProcessInstance atSignoff(PieceFixtures fixture) {
		ProcessInstance instance = submit(fixture);
		complete(CLERK, instance, PieceFixtures.accept(false));
		completeEdit(instance, "编辑后的标题");
		return instance;
	}

	private ProcessInstance submit(PieceFixtures fixture) {
		return this.users.as(SUBMITTER,
				() -> this.engine.runtime().startProcessInstanceByKey(PieceProcess.KEY, fixture.variables()));
	}

	private void completeEdit(ProcessInstance instance, String editedTitle) {
		complete(CLERK, instance, editVariables(editedTitle));
	}

	private Map<String, Object> editVariables(String editedTitle) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(PieceProcess.EDIT_ACTION, PieceProcess.EDIT);
		variables.put(PieceProcess.EDITED_TITLE, editedTitle);
		variables.put(PieceProcess.EDITED_SITUATION, "情况（编辑稿）");
		variables.put(PieceProcess.EDITED_ANALYSIS, "问题（编辑稿）");
		variables.put(PieceProcess.EDITED_SUGGESTIONS, "建议（编辑稿）");
		return variables;
	}

	private static Map<String, Object> registration(String decision, String comment) {
		Map<String, Object> variables = PieceFixtures.accept(false);
		variables.put(PieceProcess.REGISTRATION_DECISION, decision);
		variables.put(PieceProcess.REGISTRATION_COMMENT, comment);
		return variables;
	}

	private static Map<String, Object> signoff(String decision, String comment) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(PieceProcess.SIGNOFF_DECISION, decision);
		variables.put(PieceProcess.SIGNOFF_COMMENT, comment);
		return variables;
	}

	private void complete(String userId, ProcessInstance instance, Map<String, Object> variables) {
		this.users.run(userId, () -> this.engine.tasks().complete(task(instance).getId(), variables));
	}

	private Task task(ProcessInstance instance) {
		return this.engine.tasks().createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private Piece piece(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow();
	}

}
