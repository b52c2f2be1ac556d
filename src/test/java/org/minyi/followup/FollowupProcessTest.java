package org.minyi.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.feedback.Feedback;
import org.minyi.feedback.FeedbackService;
import org.minyi.instruction.InstructionProcess;
import org.minyi.instruction.InstructionService;
import org.minyi.notification.NotificationService;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceStatus;
import org.minyi.support.Engine;
import org.minyi.support.EngineClock;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Part 3 of the lifecycle: instructions, follow-up with departments, supervision,
 * feedback, archive.
 */
@MinyiIntegrationTest
class FollowupProcessTest {

	private static final String HOUSING = "housing-bureau";

	private static final String EDUCATION = "education-bureau";

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	@Autowired
	FollowupService followupService;

	@Autowired
	InstructionService instructionService;

	@Autowired
	FeedbackService feedbackService;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	NotificationService notificationService;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	EngineClock clock;

	@AfterEach
	void resetClock() {
		EngineClock.reset();
	}

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine.processEngine());
	}

	@Test
	void shouldCloseACaseRepliedInTimeAndArchiveThePieceWhenTheWindowEnds() {
		ProcessInstance piece = dispatched();
		instruct(piece, HOUSING);
		assertThat(handlingTask(piece, HOUSING)).hasCandidateGroup("dept-housing-bureau");

		reply(piece, HOUSING, "wuhao");
		Task review = task(piece, FollowupProcess.TASK_REVIEW_REPLY);
		complete("zhengyu", review, Map.of(FollowupProcess.REVIEW_DECISION, FollowupProcess.ACCEPT));

		assertThat(cases(piece)).singleElement()
			.satisfies((followup) -> assertThat(followup.status()).isEqualTo(FollowupCase.Status.CLOSED));
		assertThat(piece).isWaitingAt(FollowupProcess.TIMER_INSTRUCTION_WINDOW);
		executeWindowTimer(piece);
		assertThat(piece).isEnded().hasPassed(FollowupProcess.END_ARCHIVED);
		assertThat(piece(piece).status()).isEqualTo(PieceStatus.ARCHIVED);
		// The instance's read grants end with it.
		assertThat(this.engine.authorization().createAuthorizationQuery().resourceId(piece.getId()).count()).isZero();
		assertThat(this.feedbackService.of("wangfang")).filteredOn((f) -> f.pieceId().equals(piece(piece).id()))
			.extracting(Feedback::milestone)
			.contains("registered", "published", "instructed", "replied", "archived");
	}

	@Test
	void shouldRemindTheDepartmentBeforeTheDeadline() {
		ProcessInstance piece = dispatched();
		instruct(piece, HOUSING);
		Task handling = handlingTask(piece, HOUSING);
		Date deadline = handling.getDueDate();
		assertThat(deadline).isNotNull();

		advanceTo(piece, EngineClock.minutesAfter(ClockUtil.getCurrentTime(), 1));
		assertThat(cases(piece).get(0).reminders()).as("not yet").isZero();
		advanceTo(piece, EngineClock.minutesBefore(deadline, 1));
		assertThat(cases(piece).get(0).reminders()).isOne();
		assertThat(cases(piece).get(0).isOverdue()).isFalse();
		assertThat(reminders(piece, "wuhao")).singleElement()
			.satisfies((entry) -> assertThat(entry.body()).contains(day(deadline)));
		assertThat(this.engine.tasks().createTaskQuery().taskId(handling.getId()).count()).isOne();
	}

	@Test
	void shouldEscalateAnOverdueCaseToSupervisorsWhoChaseAndExtendOnce() {
		ProcessInstance piece = dispatched();
		instruct(piece, HOUSING);
		advanceTo(piece, EngineClock.minutesAfter(handlingTask(piece, HOUSING).getDueDate(), 1));
		assertThat(cases(piece).get(0).isOverdue()).isTrue();

		Task supervise = task(piece, FollowupProcess.TASK_SUPERVISE);
		assertThat(supervise).hasCandidateGroup("supervisor");
		assertThat(overdueFilterCount("zhengyu")).isPositive();
		complete("zhengyu", supervise, supervision(FollowupProcess.CHASE, "请于本周内办复"));
		complete("zhengyu", task(piece, FollowupProcess.TASK_SUPERVISE), supervision(FollowupProcess.CHASE, "再次催办"));
		assertThat(cases(piece).get(0).chases()).isEqualTo(2);

		var before = cases(piece).get(0).deadline();
		complete("zhengyu", task(piece, FollowupProcess.TASK_SUPERVISE),
				supervision(FollowupProcess.EXTEND, "需协调规划部门"));
		FollowupCase extended = cases(piece).get(0);
		assertThat(extended.isExtended()).isTrue();
		assertThat(extended.isOverdue()).isFalse();
		assertThat(extended.deadline()).isAfter(before);
		assertThat(handlingTask(piece, HOUSING).getDueDate().toInstant()).isEqualTo(extended.deadline());

		// Overdue again after a returned reply: a second extension is refused.
		reply(piece, HOUSING, "wuhao");
		complete("zhengyu", task(piece, FollowupProcess.TASK_REVIEW_REPLY),
				Map.of(FollowupProcess.REVIEW_DECISION, FollowupProcess.RETURN, FollowupProcess.REVIEW_COMMENT, "请补充"));
		advanceTo(piece, EngineClock.minutesAfter(Date.from(extended.deadline()), 1));
		Task again = task(piece, FollowupProcess.TASK_SUPERVISE);
		assertThatThrownBy(() -> complete("zhengyu", again, supervision(FollowupProcess.EXTEND, "再延期")))
			.hasMessageContaining("EXTENSION_ALREADY_USED");
	}

	@Test
	void shouldRemindAndEscalateAnExtendedCaseForItsNewDeadline() {
		ProcessInstance piece = dispatched();
		instruct(piece, HOUSING);
		Task handling = handlingTask(piece, HOUSING);
		Date first = handling.getDueDate();
		advanceTo(piece, EngineClock.minutesAfter(first, 1));
		assertThat(cases(piece).get(0).reminders()).isOne();
		assertThat(cases(piece).get(0).isOverdue()).isTrue();
		complete("zhengyu", task(piece, FollowupProcess.TASK_SUPERVISE),
				supervision(FollowupProcess.EXTEND, "需协调规划部门"));
		Date extended = Date.from(cases(piece).get(0).deadline());
		assertThat(extended).isAfter(first);

		// The department keeps its task; its reminder comes before the new deadline, not
		// at once.
		advanceTo(piece, EngineClock.minutesAfter(ClockUtil.getCurrentTime(), 1));
		assertThat(cases(piece).get(0).reminders()).as("no reminder right after the extension").isOne();
		assertThat(openTasks(piece, FollowupProcess.TASK_SUPERVISE)).isZero();
		advanceTo(piece, EngineClock.minutesBefore(extended, 1));
		assertThat(cases(piece).get(0).reminders()).as("reminded before the new deadline").isEqualTo(2);
		assertThat(cases(piece).get(0).isOverdue()).isFalse();
		assertThat(openTasks(piece, FollowupProcess.TASK_SUPERVISE)).as("not escalated before it").isZero();
		assertThat(reminders(piece, "wuhao")).extracting(NotificationService.InboxEntry::body)
			.anyMatch((body) -> body.contains(day(extended)));

		advanceTo(piece, EngineClock.minutesAfter(extended, 1));
		assertThat(cases(piece).get(0).isOverdue()).as("escalated after the new deadline").isTrue();
		assertThat(task(piece, FollowupProcess.TASK_SUPERVISE)).hasCandidateGroup("supervisor");
		assertThat(this.notificationService.inbox("zhengyu"))
			.filteredOn((entry) -> entry.subject().startsWith("【超期督办】")
					&& entry.subject().contains(piece(piece).registrationNumber()))
			.extracting(NotificationService.InboxEntry::body)
			.anyMatch((body) -> body.contains(day(extended)));
		assertThat(this.engine.tasks().createTaskQuery().taskId(handling.getId()).count()).as("the same task all along")
			.isOne();
	}

	@Test
	void shouldGiveAHandedBackCaseToAnotherDepartmentWhenSupervisorsApprove() {
		ProcessInstance piece = dispatched();
		instruct(piece, HOUSING);
		handBack(piece, "wuhao", HOUSING);
		complete("zhengyu", task(piece, FollowupProcess.TASK_REVIEW_HAND_BACK),
				Map.of(FollowupProcess.HAND_BACK_DECISION, FollowupProcess.APPROVE));
		complete("liqiang", task(piece, FollowupProcess.TASK_REASSIGN),
				Map.of(FollowupProcess.NEW_DEPARTMENT, EDUCATION));

		assertThat(handlingTask(piece, EDUCATION)).hasCandidateGroup("dept-education-bureau");
		assertThat(cases(piece).get(0).departmentCode()).isEqualTo(EDUCATION);
		reply(piece, EDUCATION, "qianyun");
		complete("zhengyu", task(piece, FollowupProcess.TASK_REVIEW_REPLY),
				Map.of(FollowupProcess.REVIEW_DECISION, FollowupProcess.ACCEPT));
		assertThat(cases(piece).get(0).status()).isEqualTo(FollowupCase.Status.CLOSED);
	}

	@Test
	void shouldKeepTheCaseWithTheDepartmentWhenSupervisorsRefuseTheHandBack() {
		ProcessInstance piece = dispatched();
		instruct(piece, HOUSING);
		handBack(piece, "wuhao", HOUSING);
		assertThatThrownBy(() -> complete("zhengyu", task(piece, FollowupProcess.TASK_REVIEW_HAND_BACK),
				Map.of(FollowupProcess.HAND_BACK_DECISION, FollowupProcess.REFUSE)))
			.hasMessageContaining("COMMENT_REQUIRED");
		complete("zhengyu", task(piece, FollowupProcess.TASK_REVIEW_HAND_BACK),
				Map.of(FollowupProcess.HAND_BACK_DECISION, FollowupProcess.REFUSE, FollowupProcess.HAND_BACK_COMMENT,
						"属于住建部门职责"));

		assertThat(handlingTask(piece, HOUSING)).hasCandidateGroup("dept-housing-bureau");
		assertThat(cases(piece).get(0).status()).isEqualTo(FollowupCase.Status.OPEN);
	}

	@Test
	void shouldArchiveOnlyAfterBothDepartmentsOfTwoInstructionsHaveReplied() {
		ProcessInstance piece = dispatched();
		instruct(piece, HOUSING, EDUCATION);
		instruct(piece, HOUSING);
		assertThat(cases(piece)).hasSize(3);
		assertThat(cases(piece)).filteredOn(FollowupCase::isLead).hasSize(2);

		closeCase(piece, EDUCATION, "qianyun");
		executeWindowTimer(piece);
		assertThat(piece).isWaitingAt("catch_followups_closed");
		closeCase(piece, HOUSING, "wuhao");
		assertThat(piece).isWaitingAt("catch_followups_closed");
		closeCase(piece, HOUSING, "wuhao");

		assertThat(piece).isEnded().hasPassed(FollowupProcess.END_ARCHIVED);
		assertThat(piece(piece).status()).isEqualTo(PieceStatus.ARCHIVED);
		ResponseEntity<Map<String, Object>> late = postInstruction(piece, HOUSING, null);
		assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(late.getBody()).containsEntry("code", "PIECE_ARCHIVED");
	}

	@Test
	void shouldLetADepartmentSeeAndCompleteOnlyItsOwnCases() {
		ProcessInstance piece = dispatched();
		instruct(piece, HOUSING);
		Task housing = handlingTask(piece, HOUSING);
		long seenByEducation = this.lifecycle.users()
			.as("qianyun", () -> this.engine.tasks().createTaskQuery().taskId(housing.getId()).count());
		assertThat(seenByEducation).isZero();
		assertThatThrownBy(() -> complete("qianyun", housing, replyVariables())).isNotNull();
		assertThat(this.engine.tasks().createTaskQuery().taskId(housing.getId()).count()).isOne();
	}

	@Test
	void shouldRecordAnInstructionThatNamesNoDepartmentAndArchiveWithoutACase() {
		ProcessInstance piece = dispatched();
		Map<String, Object> read = instructionBody(null, null);
		read.put("text", "阅。");
		ResponseEntity<Map<String, Object>> recorded = new Http(this.rest).post("liqiang",
				"/api/pieces/" + piece(piece).id() + "/instructions", read);

		assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(cases(piece)).isEmpty();
		assertThat(this.feedbackService.of("wangfang")).filteredOn((f) -> f.pieceId().equals(piece(piece).id()))
			.extracting(Feedback::milestone)
			.contains("instructed");
		Map<String, Object> coOnly = instructionBody(null, null);
		coOnly.put("coDepartments", List.of(HOUSING));
		assertThat(new Http(this.rest).post("liqiang", "/api/pieces/" + piece(piece).id() + "/instructions", coOnly)
			.getBody()).containsEntry("code", "LEAD_DEPARTMENT_REQUIRED");

		assertThat(piece).isWaitingAt(FollowupProcess.TIMER_INSTRUCTION_WINDOW);
		executeWindowTimer(piece);
		assertThat(piece).isEnded().hasPassed(FollowupProcess.END_ARCHIVED);
	}

	@Test
	void shouldRefuseBadRepliesHandBacksAndInstructions() {
		ProcessInstance undispatched = this.lifecycle.signedOff(PieceFixtures.piece());
		ResponseEntity<Map<String, Object>> early = postInstruction(undispatched, HOUSING, null);
		assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(early.getBody()).containsEntry("code", "PIECE_NOT_DISPATCHED");

		ProcessInstance piece = dispatched();
		assertThat(postInstruction(piece, "ministry-of-magic", null).getBody()).containsEntry("code",
				"UNKNOWN_DEPARTMENT");
		assertThat(cases(piece)).isEmpty();
		instruct(piece, HOUSING);
		Task handling = handlingTask(piece, HOUSING);

		Map<String, Object> noResult = replyVariables();
		noResult.remove(FollowupProcess.REPLY_RESULT);
		assertThatThrownBy(() -> complete("wuhao", handling, noResult)).hasMessageContaining("FIELD_REQUIRED");
		Map<String, Object> badResolution = replyVariables();
		badResolution.put(FollowupProcess.RESOLUTION, "magically-solved");
		assertThatThrownBy(() -> complete("wuhao", handling, badResolution))
			.hasMessageContaining("FIELD_INVALID_OPTION");
		assertThatThrownBy(
				() -> complete("wuhao", handling, Map.of(FollowupProcess.HANDLE_DECISION, FollowupProcess.HAND_BACK)))
			.hasMessageContaining("FIELD_REQUIRED");
		assertThat(this.engine.tasks().createTaskQuery().taskId(handling.getId()).count()).isOne();
	}

	@Test
	void shouldRecordARepeatedInstructionMessageOnceAndAcceptInstructionsFromTasklist() {
		ProcessInstance piece = dispatched();
		String messageId = "instr-" + piece(piece).registrationNumber();
		assertThat(postInstruction(piece, HOUSING, messageId).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(postInstruction(piece, HOUSING, messageId).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.instructionService.instructionsOf(piece(piece).id())).hasSize(1);

		Map<String, Object> form = new HashMap<>();
		form.put("pieceNumber", piece(piece).registrationNumber());
		form.put("leaderCode", "city-mayor");
		form.put("instructedOn", LocalDate.now().toString());
		form.put("instructionText", "请市住建局牵头研究");
		form.put("leadDepartment", HOUSING);
		ProcessInstance recorded = this.lifecycle.users()
			.as("liqiang", () -> this.engine.runtime().startProcessInstanceByKey(InstructionProcess.KEY, form));
		assertThat(recorded).isEnded();
		assertThat(this.instructionService.instructionsOf(piece(piece).id())).hasSize(2);
		assertThat(cases(piece)).hasSize(2);
	}

	private ProcessInstance dispatched() {
		ProcessInstance piece = this.lifecycle.signedOff(PieceFixtures.piece());
		String number = piece(piece).registrationNumber();
		this.lifecycle.publish(number);
		this.lifecycle.complete("liqiang", piece.getId(), Map.of(DispatchProcess.DIRECT_REPORT, true));
		return piece;
	}

	private void instruct(ProcessInstance piece, String lead, String... co) {
		Map<String, Object> body = instructionBody(lead, null);
		body.put("coDepartments", List.of(co));
		ResponseEntity<Map<String, Object>> response = new Http(this.rest).post("liqiang",
				"/api/pieces/" + piece(piece).id() + "/instructions", body);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	private ResponseEntity<Map<String, Object>> postInstruction(ProcessInstance piece, String lead, String messageId) {
		return new Http(this.rest).post("liqiang", "/api/pieces/" + piece(piece).id() + "/instructions",
				instructionBody(lead, messageId));
	}

	private static Map<String, Object> instructionBody(String lead, String messageId) {
		Map<String, Object> body = new HashMap<>();
		body.put("leader", "district-mayor");
		body.put("instructedOn", LocalDate.now().toString());
		body.put("text", "请有关部门认真研究，抓好落实。");
		body.put("leadDepartment", lead);
		body.put("messageId", messageId);
		return body;
	}

	private void reply(ProcessInstance piece, String department, String userId) {
		complete(userId, handlingTask(piece, department), replyVariables());
	}

	private void handBack(ProcessInstance piece, String userId, String department) {
		complete(userId, handlingTask(piece, department), Map.of(FollowupProcess.HANDLE_DECISION,
				FollowupProcess.HAND_BACK, FollowupProcess.HAND_BACK_REASON, "该事项属于规划部门职责"));
	}

	private void closeCase(ProcessInstance piece, String department, String userId) {
		reply(piece, department, userId);
		complete("zhengyu", task(piece, FollowupProcess.TASK_REVIEW_REPLY),
				Map.of(FollowupProcess.REVIEW_DECISION, FollowupProcess.ACCEPT));
	}

	private static Map<String, Object> replyVariables() {
		Map<String, Object> variables = new HashMap<>();
		variables.put(FollowupProcess.HANDLE_DECISION, FollowupProcess.REPLY);
		variables.put(FollowupProcess.REPLY_RESULT, "已制定加装电梯并联审批办法，本月起实施。");
		variables.put(FollowupProcess.RESOLUTION, "solved");
		variables.put(FollowupProcess.SUBMITTER_CONTACTED, true);
		variables.put(FollowupProcess.CONTACT_METHOD, "phone");
		return variables;
	}

	private static Map<String, Object> supervision(String decision, String comment) {
		return Map.of(FollowupProcess.SUPERVISION_DECISION, decision, FollowupProcess.SUPERVISION_COMMENT, comment);
	}

	private void complete(String userId, Task task, Map<String, Object> variables) {
		this.lifecycle.users().run(userId, () -> this.engine.tasks().complete(task.getId(), variables));
	}

	/** The first open task with this key in any follow-up of the piece. */
	private Task task(ProcessInstance piece, String key) {
		return this.engine.tasks()
			.createTaskQuery()
			.processInstanceIdIn(followupInstances(piece).toArray(String[]::new))
			.taskDefinitionKey(key)
			.list()
			.get(0);
	}

	private Task handlingTask(ProcessInstance piece, String department) {
		return this.engine.tasks()
			.createTaskQuery()
			.processInstanceIdIn(followupInstances(piece).toArray(String[]::new))
			.taskDefinitionKey(FollowupProcess.TASK_HANDLE)
			.taskCandidateGroup(FollowupService.departmentGroup(department))
			.list()
			.get(0);
	}

	/** The engine clock moved; the follow-ups' timers that are due by then fire. */
	private void advanceTo(ProcessInstance piece, Date instant) {
		this.clock.advanceTo(instant, () -> followupInstances(piece));
	}

	private long openTasks(ProcessInstance piece, String key) {
		return this.engine.tasks()
			.createTaskQuery()
			.processInstanceIdIn(followupInstances(piece).toArray(String[]::new))
			.taskDefinitionKey(key)
			.count();
	}

	/** The department user's reminders about this piece, in the inbox. */
	private List<NotificationService.InboxEntry> reminders(ProcessInstance piece, String userId) {
		String number = piece(piece).registrationNumber();
		return this.notificationService.inbox(userId)
			.stream()
			.filter((entry) -> entry.subject().startsWith("【办理提醒】") && entry.subject().contains(number))
			.toList();
	}

	/** A date as the notification templates write it. */
	private static String day(Date date) {
		return new SimpleDateFormat("yyyy年M月d日").format(date);
	}

	private void executeWindowTimer(ProcessInstance piece) {
		Job window = this.engine.management()
			.createJobQuery()
			.processInstanceId(piece.getId())
			.activityId(FollowupProcess.TIMER_INSTRUCTION_WINDOW)
			.singleResult();
		this.engine.management().executeJob(window.getId());
	}

	private List<String> followupInstances(ProcessInstance piece) {
		return this.engine.runtime()
			.createProcessInstanceQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(piece(piece).registrationNumber())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
	}

	private long overdueFilterCount(String userId) {
		String filterId = this.engine.filters().createFilterQuery().filterName("超期督办").singleResult().getId();
		return this.lifecycle.users().as(userId, () -> this.engine.filters().count(filterId));
	}

	private List<FollowupCase> cases(ProcessInstance piece) {
		return this.followupService.casesOf(piece(piece).id());
	}

	private Piece piece(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow();
	}

}
