package org.minyi.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.common.RuleViolation;
import org.minyi.followup.FollowupProcess;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceStatus;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Part 2 of the lifecycle: publication in a bulletin issue, dispatch, upward submission
 * and adoption.
 */
@MinyiIntegrationTest
class DispatchProcessTest {

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	@Autowired
	DispatchService dispatchService;

	@Autowired
	PublicationService publicationService;

	@Autowired
	AdoptionService adoptionService;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Lifecycle lifecycle;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine.processEngine());
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldPublishAnIssueWithTheNextNumberAndRecordAdoptionByThisCommittee() throws IOException {
		ProcessInstance first = this.lifecycle.signedOff(PieceFixtures.piece().title("关于完善社区养老服务设施的建议"));
		ProcessInstance second = this.lifecycle.signedOff(PieceFixtures.piece().title("关于加强校园周边交通安全的建议"));
		assertThat(this.lifecycle.calledInstance(first.getId())).isWaitingAt(DispatchProcess.WAIT_PUBLISHED);

		ProcessInstance bulletin = publish(number(first) + "," + number(second));

		assertThat(bulletin).isWaitingAt(DispatchProcess.TASK_DISTRIBUTE_ISSUE);
		String label = (String) this.engine.runtime().getVariable(bulletin.getId(), DispatchProcess.ISSUE_LABEL);
		assertThat(label).matches("\\d{4}年第\\d+期");
		for (ProcessInstance piece : List.of(first, second)) {
			assertThat(piece(piece).status()).isEqualTo(PieceStatus.PUBLISHED);
			assertThat(this.adoptionService.adoptionsOf(piece(piece).id())).singleElement()
				.satisfies((adoption) -> assertThat(adoption.level()).isEqualTo("committee"))
				.satisfies((adoption) -> assertThat(adoption.form()).isEqualTo("single"))
				.satisfies((adoption) -> assertThat(adoption.reference()).isEqualTo(label));
			assertThat(this.lifecycle.calledInstance(piece.getId())).isWaitingAt(DispatchProcess.TASK_DISPATCH);
		}

		String document = documentText(
				(String) this.engine.runtime().getVariable(bulletin.getId(), DispatchProcess.DOCUMENT_URL));
		assertThat(document).contains("《社情民意》", label, "关于完善社区养老服务设施的建议", "关于加强校园周边交通安全的建议").doesNotContain("内部资料");
		this.lifecycle.complete("liqiang", bulletin.getId(), Map.of());
		assertThat(bulletin).isEnded();
	}

	@Test
	void shouldPublishWhileAThousandSignedOffPiecesWait() {
		List<Object[]> waiting = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			Timestamp at = Timestamp.from(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i));
			waiting.add(new Object[] { "W2020-%04d".formatted(i),
					("关于积压待刊发信息的建议" + i + "：").repeat(10).substring(0, 100), at, at, at });
		}
		this.jdbc.batchUpdate("""
				INSERT INTO minyi_piece (registration_number, title, situation, analysis, suggestions, category_code,
				  source_type_code, source_unit, channel, submitter_name, urgency, confidentiality, status,
				  submitted_at, registered_at, updated_at, version)
				VALUES (?, ?, '情况', '问题', '建议', 'economy', 'member', '积压测试组', 'online', '积压', 'normal', 'public',
				  'SIGNED_OFF', ?, ?, ?, 0)""", waiting);
		try {
			ProcessInstance piece = this.lifecycle.signedOff(PieceFixtures.piece().title("关于两会期间信息集中报送的建议"));
			long total = this.publicationService.countAwaitingPublication();
			assertThat(total).isGreaterThanOrEqualTo(1001);

			ProcessInstance bulletin = startBulletin();
			String listed = (String) this.engine.runtime()
				.getVariable(bulletin.getId(), DispatchProcess.AWAITING_PIECES);
			assertThat(listed).hasSizeLessThanOrEqualTo(4000)
				.startsWith("共 " + total + " 条待刊发的已签发信息")
				.contains("W2020-0000")
				.containsPattern("……另有 \\d+ 条未列出");
			ResponseEntity<Map<String, Object>> all = this.rest.withBasicAuth("liqiang", "demo")
				.exchange("/api/bulletin-issues/awaiting?limit=500", HttpMethod.GET, null, Http.OBJECT);
			assertThat(all.getBody()).containsEntry("total", (int) total);
			assertThat((List<?>) all.getBody().get("pieces")).hasSize(500);
			assertThat(this.rest.withBasicAuth("wangfang", "demo")
				.exchange("/api/bulletin-issues/awaiting", HttpMethod.GET, null, Http.OBJECT)
				.getStatusCode()
				.value()).isEqualTo(403);

			assemble(bulletin, number(piece));
			assertThat(bulletin).isWaitingAt(DispatchProcess.TASK_DISTRIBUTE_ISSUE);
			assertThat(piece(piece).status()).isEqualTo(PieceStatus.PUBLISHED);
			this.lifecycle.complete("liqiang", bulletin.getId(), Map.of());
		}
		finally {
			this.jdbc.update("DELETE FROM minyi_piece WHERE source_unit = '积压测试组'");
		}
	}

	@Test
	void shouldRefuseAnEmptyIssueAndPiecesThatAreNotSignedOff() {
		ProcessInstance unsigned = this.lifecycle.submit(PieceFixtures.piece());
		this.lifecycle.complete("liqiang", unsigned.getId(), PieceFixtures.accept(false));
		ProcessInstance bulletin = startBulletin();

		assertThatThrownBy(() -> assemble(bulletin, "  ")).hasCauseInstanceOf(RuleViolation.class)
			.hasMessageContaining("FIELD_REQUIRED");
		assertThatThrownBy(() -> assemble(bulletin, "1999-0001")).hasMessageContaining("PIECE_NOT_FOUND");
		assertThatThrownBy(() -> assemble(bulletin, number(unsigned))).hasMessageContaining("PIECE_NOT_SIGNED_OFF");
		assertThat(bulletin).isWaitingAt(DispatchProcess.TASK_ASSEMBLE_ISSUE);
	}

	@Test
	void shouldDispatchByEveryFormAndCloseWhenNothingWasSubmittedUpward() {
		ProcessInstance piece = published(PieceFixtures.piece());
		dispatch(piece, Map.of(DispatchProcess.DIRECT_REPORT, true, DispatchProcess.FORWARD_REPORT, true,
				DispatchProcess.REFERRAL_DEPARTMENT, "housing-bureau"));

		assertThat(this.dispatchService.dispatchesOf(piece(piece).id()))
			.extracting(Dispatch::formCode, Dispatch::recipientCode)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("direct-report", "party-secretary"),
					org.assertj.core.groups.Tuple.tuple("direct-report", "district-mayor"),
					org.assertj.core.groups.Tuple.tuple("forward-report", "party-committee-office"),
					org.assertj.core.groups.Tuple.tuple("forward-report", "government-office"),
					org.assertj.core.groups.Tuple.tuple("referral", "housing-bureau"));
		assertThat(piece(piece).status()).isEqualTo(PieceStatus.DISPATCHED);
		assertThat(piece).hasPassed(PieceProcess.CALL_DISPATCH).isWaitingAt(FollowupProcess.TIMER_INSTRUCTION_WINDOW);
	}

	@Test
	void shouldRefuseADispatchWithoutAFormOrToAnUnknownDepartment() {
		ProcessInstance piece = published(PieceFixtures.piece());
		assertThatThrownBy(() -> dispatch(piece, Map.of())).hasMessageContaining("DISPATCH_FORM_REQUIRED");
		assertThatThrownBy(() -> dispatch(piece, Map.of(DispatchProcess.REFERRAL_DEPARTMENT, "ministry-of-magic")))
			.hasMessageContaining("FIELD_INVALID_OPTION");
		assertThat(this.lifecycle.calledInstance(piece.getId())).isWaitingAt(DispatchProcess.TASK_DISPATCH);
		assertThat(this.dispatchService.dispatchesOf(piece(piece).id())).isEmpty();
	}

	@Test
	void shouldWaitForEveryLevelAndTakeTheAnswersInAnyOrder() {
		ProcessInstance piece = published(PieceFixtures.piece());
		dispatch(piece, Map.of(DispatchProcess.DIRECT_REPORT, true, DispatchProcess.UPWARD_CITY, true,
				DispatchProcess.UPWARD_PROVINCE, true));
		ProcessInstance dispatch = this.lifecycle.calledInstance(piece.getId());
		assertThat(this.engine.tasks().createTaskQuery().processInstanceId(dispatch.getId()).count()).isEqualTo(2);

		ResponseEntity<Map<String, Object>> province = postAnswer(piece, "province", "single",
				"msg-p-" + number(piece));
		assertThat(province.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(dispatch).isActive();
		Map<String, Object> answer = new HashMap<>();
		answer.put(DispatchProcess.ADOPTION_FORM, "combined");
		answer.put(DispatchProcess.ADOPTED_ON, LocalDate.now().toString());
		answer.put(DispatchProcess.ADOPTION_REFERENCE, "市政协《社情民意》2026年第3期");
		this.lifecycle.complete("liqiang", piece.getId(), answer);

		assertThat(piece).isWaitingAt(FollowupProcess.TIMER_INSTRUCTION_WINDOW);
		assertThat(this.adoptionService.adoptionsOf(piece(piece).id())).extracting(Adoption::level, Adoption::form)
			.contains(org.assertj.core.groups.Tuple.tuple("province", "single"),
					org.assertj.core.groups.Tuple.tuple("city", "combined"));
	}

	@Test
	void shouldEndTheWaitAsNoAnswerWhenNothingArrivesInTime() {
		ProcessInstance piece = published(PieceFixtures.piece());
		dispatch(piece, Map.of(DispatchProcess.DIRECT_REPORT, true, DispatchProcess.UPWARD_NATIONAL, true));
		ProcessInstance dispatch = this.lifecycle.calledInstance(piece.getId());
		Job timer = this.engine.management()
			.createJobQuery()
			.processInstanceId(dispatch.getId())
			.timers()
			.singleResult();
		assertThat(timer.getDuedate()).isAfter(new Date(System.currentTimeMillis() + 59L * 24 * 3600 * 1000));

		ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 61L * 24 * 3600 * 1000));
		this.engine.management().executeJob(timer.getId());

		assertThat(dispatch).hasPassed(DispatchProcess.TIMER_NO_ANSWER).isEnded();
		assertThat(piece).isWaitingAt(FollowupProcess.TIMER_INSTRUCTION_WINDOW);
		assertThat(this.adoptionService.awaitedLevels(piece(piece).id())).isEmpty();
		assertThat(this.adoptionService.adoptionsOf(piece(piece).id())).extracting(Adoption::level)
			.containsExactly("committee");
	}

	@Test
	void shouldRecordARepeatedApiMessageOnceAndRefuseALevelNeverSubmittedTo() {
		ProcessInstance piece = published(PieceFixtures.piece());
		dispatch(piece, Map.of(DispatchProcess.DIRECT_REPORT, true, DispatchProcess.UPWARD_CITY, true));
		String messageId = "msg-c-" + number(piece);

		assertThat(postAnswer(piece, "city", "forwarded", messageId).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(postAnswer(piece, "city", "forwarded", messageId).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.adoptionService.adoptionsOf(piece(piece).id())).filteredOn((a) -> a.level().equals("city"))
			.hasSize(1);
		ResponseEntity<Map<String, Object>> national = postAnswer(piece, "national", "single",
				"msg-n-" + number(piece));
		assertThat(national.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(national.getBody()).containsEntry("code", "LEVEL_NOT_SUBMITTED");
		assertThat(piece).isWaitingAt(FollowupProcess.TIMER_INSTRUCTION_WINDOW);
	}

	@Test
	void shouldKeepAConfidentialPieceToFormsClearedForItAndMarkItsIssue() throws IOException {
		ProcessInstance piece = this.lifecycle.signedOff(PieceFixtures.piece().confidential().title("关于某项目安全隐患的情况反映"));
		ProcessInstance bulletin = publish(number(piece));
		assertThatThrownBy(() -> dispatch(piece, Map.of(DispatchProcess.REFERRAL_DEPARTMENT, "housing-bureau")))
			.hasMessageContaining("CONFIDENTIAL_FORM_NOT_ALLOWED");
		dispatch(piece, Map.of(DispatchProcess.DIRECT_REPORT, true));

		String url = (String) this.engine.runtime().getVariable(bulletin.getId(), DispatchProcess.DOCUMENT_URL);
		assertThat(documentText(url)).startsWith("内部资料 注意保存");
		ResponseEntity<byte[]> leader = this.rest.withBasicAuth("huangwei", "demo")
			.exchange(url, HttpMethod.GET, null, byte[].class);
		assertThat(leader.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	private ProcessInstance published(PieceFixtures fixture) {
		ProcessInstance piece = this.lifecycle.signedOff(fixture);
		publish(number(piece));
		return piece;
	}

	private ProcessInstance publish(String numbers) {
		ProcessInstance bulletin = startBulletin();
		assemble(bulletin, numbers);
		return bulletin;
	}

	private ProcessInstance startBulletin() {
		return this.lifecycle.users()
			.as("liqiang",
					() -> this.engine.runtime()
						.startProcessInstanceByKey(DispatchProcess.BULLETIN_KEY,
								Map.of(DispatchProcess.PUBLICATION, "bulletin")));
	}

	private void assemble(ProcessInstance bulletin, String numbers) {
		this.lifecycle.complete("liqiang", bulletin.getId(), Map.of(DispatchProcess.PIECE_NUMBERS, numbers));
	}

	private void dispatch(ProcessInstance piece, Map<String, Object> choices) {
		this.lifecycle.complete("liqiang", piece.getId(), choices);
	}

	private ResponseEntity<Map<String, Object>> postAnswer(ProcessInstance piece, String level, String form,
			String messageId) {
		Map<String, Object> body = new HashMap<>();
		body.put("level", level);
		body.put("form", form);
		body.put("adoptedOn", LocalDate.now().toString());
		body.put("reference", "上级刊物");
		body.put("messageId", messageId);
		return new Http(this.rest).post("liqiang", "/api/pieces/" + piece(piece).id() + "/adoptions", body);
	}

	private String documentText(String url) throws IOException {
		ResponseEntity<byte[]> response = this.rest.withBasicAuth("liqiang", "demo")
			.exchange(url, HttpMethod.GET, null, byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.getBody()))) {
			return document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
		}
	}

	private String number(ProcessInstance instance) {
		return piece(instance).registrationNumber();
	}

	private Piece piece(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow();
	}

}
