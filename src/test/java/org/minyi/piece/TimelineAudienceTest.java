package org.minyi.piece;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.followup.FollowupProcess;
import org.minyi.followup.FollowupService;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Who reads which timeline comment in {@code GET /api/pieces/{id}}
 * ({@link CommentAudience}): every reader sees every entry, but a comment only reaches
 * the staff, the submitter it is written for, or the department whose case it is.
 */
@MinyiIntegrationTest
class TimelineAudienceTest {

	private static final String HOUSING = "housing-bureau";

	private static final String EDUCATION = "education-bureau";

	private static final String RETURN_REASON = "请补充需加装电梯的小区名单";

	private static final String REVISION_NOTE = "已补充小区名单";

	private static final String REGISTRATION_NOTE = "与上月第12号信息相近，注意区分";

	private static final String VERIFICATION_NOTES = "经实地走访，审批时长约70天，街道反映规划部门把关过严";

	private static final String EDITING_NOTE = "压缩分析部分，删去涉及具体经办人的表述";

	private static final String SIGNOFF_NOTE = "数据口径请与住建局核对后再报";

	private static final String VICE_CHAIR_NOTE = "同意签发，抄送分管副区长";

	private static final String INSTRUCTION = "请区住建局牵头、区教育局配合，一个月内拿出并联审批方案。";

	private static final String HAND_BACK_REASON = "该事项审批权限在区规划分局，非我局职责";

	private static final String HAND_BACK_REFUSAL = "加装电梯并联审批由住建部门牵头，不同意退回";

	private static final String FIRST_REPLY = "校园周边小区加装电梯已列入调研计划";

	private static final String REVIEW_RETURN = "请写明完成时限和责任科室";

	private static final String ACCEPTED_REPLY = "校园周边12个小区加装电梯将于年底前完成审批";

	@Autowired
	TaskService taskService;

	@Autowired
	PieceRepository pieces;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	Http http;

	@Test
	void shouldShowEachTimelineCommentOnlyToTheStaffTheSubmitterOrTheDepartmentItIsFor() {
		ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece());
		complete("liqiang", piece, registration(PieceProcess.RETURN, RETURN_REASON, false));
		Map<String, Object> revision = new HashMap<>(PieceFixtures.piece().variables());
		revision.put(PieceProcess.REVISION_DECISION, PieceProcess.RESUBMIT);
		revision.put(PieceProcess.REVISION_COMMENT, REVISION_NOTE);
		complete("wangfang", piece, revision);
		complete("liqiang", piece, registration(PieceProcess.ACCEPT, REGISTRATION_NOTE, true));
		complete("zhoumin", piece, Map.of(PieceProcess.VERIFICATION_RESULT, PieceProcess.CONFIRMED,
				PieceProcess.VERIFICATION_NOTES, VERIFICATION_NOTES));
		complete("liqiang", piece, edit());
		complete("chenjun", piece, signoff(SIGNOFF_NOTE));
		complete("sunli", piece, signoff(VICE_CHAIR_NOTE));
		dispatch(piece);
		instruct(piece, INSTRUCTION, HOUSING, EDUCATION);

		complete("wuhao", handling(piece, HOUSING), Map.of(FollowupProcess.HANDLE_DECISION, FollowupProcess.HAND_BACK,
				FollowupProcess.HAND_BACK_REASON, HAND_BACK_REASON));
		complete("zhengyu", task(piece, FollowupProcess.TASK_REVIEW_HAND_BACK),
				Map.of(FollowupProcess.HAND_BACK_DECISION, FollowupProcess.REFUSE, FollowupProcess.HAND_BACK_COMMENT,
						HAND_BACK_REFUSAL));
		complete("qianyun", handling(piece, EDUCATION), reply(FIRST_REPLY));
		complete("zhengyu", task(piece, FollowupProcess.TASK_REVIEW_REPLY), Map.of(FollowupProcess.REVIEW_DECISION,
				FollowupProcess.RETURN, FollowupProcess.REVIEW_COMMENT, REVIEW_RETURN));
		complete("qianyun", handling(piece, EDUCATION), reply(ACCEPTED_REPLY));
		complete("zhengyu", task(piece, FollowupProcess.TASK_REVIEW_REPLY),
				Map.of(FollowupProcess.REVIEW_DECISION, FollowupProcess.ACCEPT));

		long id = piece(piece).id();
		List<String> all = List.of(RETURN_REASON, REVISION_NOTE, REGISTRATION_NOTE, VERIFICATION_NOTES, EDITING_NOTE,
				SIGNOFF_NOTE, VICE_CHAIR_NOTE, INSTRUCTION, HAND_BACK_REASON, HAND_BACK_REFUSAL, FIRST_REPLY,
				REVIEW_RETURN, ACCEPTED_REPLY);
		assertThat(comments("liqiang", id)).containsAll(all);
		assertThat(comments("zhengyu", id)).containsAll(all);

		assertThat(comments("wangfang", id)).contains(RETURN_REASON, REVISION_NOTE, ACCEPTED_REPLY)
			.doesNotContain(REGISTRATION_NOTE, VERIFICATION_NOTES, EDITING_NOTE, SIGNOFF_NOTE, VICE_CHAIR_NOTE,
					INSTRUCTION, HAND_BACK_REASON, HAND_BACK_REFUSAL, FIRST_REPLY, REVIEW_RETURN)
			.as("the issue it was published in")
			.anyMatch((comment) -> comment.matches("\\d{4}年第\\d+期"));
		assertThat(comments("wuhao", id)).contains(INSTRUCTION, HAND_BACK_REASON, HAND_BACK_REFUSAL)
			.doesNotContain(RETURN_REASON, REVISION_NOTE, REGISTRATION_NOTE, VERIFICATION_NOTES, EDITING_NOTE,
					SIGNOFF_NOTE, VICE_CHAIR_NOTE, FIRST_REPLY, REVIEW_RETURN, ACCEPTED_REPLY);
		assertThat(comments("qianyun", id)).contains(INSTRUCTION, FIRST_REPLY, REVIEW_RETURN, ACCEPTED_REPLY)
			.doesNotContain(RETURN_REASON, REVISION_NOTE, REGISTRATION_NOTE, VERIFICATION_NOTES, EDITING_NOTE,
					SIGNOFF_NOTE, VICE_CHAIR_NOTE, HAND_BACK_REASON, HAND_BACK_REFUSAL);

		// The entries themselves are everyone's: who, when, which step and decision.
		List<String> entries = entries("liqiang", id);
		assertThat(entries).contains("task_verify/confirmed", "task_signoff_secretary_general/approve",
				"hand-back-requested/" + HOUSING, "task_review_hand_back/refuse");
		for (String reader : List.of("wangfang", "wuhao", "qianyun", "zhengyu")) {
			assertThat(entries(reader, id)).as(reader).isEqualTo(entries);
		}
		// The return reason went with the return: the resubmitted piece has no closing
		// reason.
		for (String reader : List.of("wangfang", "liqiang", "wuhao")) {
			assertThat(read(reader, id).get("closingReason")).as(reader).isNull();
		}
	}

	@Test
	void shouldShowAnInstructionOnlyToTheDepartmentsItNames() {
		ProcessInstance piece = this.lifecycle.signedOff(PieceFixtures.piece());
		dispatch(piece);
		instruct(piece, INSTRUCTION, HOUSING);

		long id = piece(piece).id();
		assertThat(comments("wuhao", id)).contains(INSTRUCTION);
		assertThat(comments("huangwei", id)).contains(INSTRUCTION);
		assertThat(comments("qianyun", id)).doesNotContain(INSTRUCTION);
		assertThat(comments("wangfang", id)).doesNotContain(INSTRUCTION);
		assertThat(entries("qianyun", id)).contains("instructed/district");
	}

	@Test
	void shouldGiveEachReaderThePiecesRecordItMayReadWithNamesForCodes() {
		ProcessInstance piece = this.lifecycle.signedOff(PieceFixtures.piece());
		dispatch(piece);
		instruct(piece, INSTRUCTION, HOUSING, EDUCATION);
		complete("qianyun", handling(piece, EDUCATION), reply(FIRST_REPLY));
		long id = piece(piece).id();

		Map<String, Object> staff = record("liqiang", id);
		assertThat(staff.get("categoryName")).isEqualTo("城建城管");
		assertThat(staff.get("urgencyName")).isNotNull();
		assertThat((List<?>) staff.get("issues")).hasSize(1);
		assertThat((List<?>) staff.get("dispatches")).isNotEmpty();
		assertThat(staff.get("instructions").toString()).contains(INSTRUCTION, "区住房和城乡建设局", "区教育局");
		assertThat(staff.get("cases").toString()).contains("已办复，待审核", "办理中", "lead=true", "lead=false");
		assertThat(staff.get("timeline").toString()).contains("decisionName=同意").doesNotContain("decisionName=approve");
		assertThat(staff.toString()).doesNotContain(HOUSING, EDUCATION, "district-mayor", "urban");

		Map<String, Object> submitter = record("wangfang", id);
		assertThat(submitter.get("title")).isEqualTo(staff.get("title"));
		assertThat((List<?>) submitter.get("issues")).hasSize(1);
		assertThat((List<?>) submitter.get("instructions")).isEmpty();
		assertThat((List<?>) submitter.get("cases")).isEmpty();
		assertThat((List<?>) submitter.get("dispatches")).isEmpty();
		assertThat(submitter.toString()).doesNotContain(INSTRUCTION, FIRST_REPLY);

		Map<String, Object> housing = record("wuhao", id);
		assertThat(housing.get("instructions").toString()).contains(INSTRUCTION);
		assertThat((List<?>) housing.get("cases")).hasSize(1);
		assertThat(housing.get("cases").toString()).contains("区住房和城乡建设局").doesNotContain("区教育局");
		assertThat(housing.toString()).doesNotContain(FIRST_REPLY);

		assertThat(this.http.get("huangwei", "/api/pieces/" + id + "/record").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.get("zhaolei", "/api/pieces/" + id + "/record").getStatusCode())
			.as("a member the piece does not credit")
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private Map<String, Object> record(String userId, long pieceId) {
		ResponseEntity<Map<String, Object>> response = this.http.get(userId, "/api/pieces/" + pieceId + "/record");
		assertThat(response.getStatusCode()).as(userId).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private Map<String, Object> read(String userId, long pieceId) {
		ResponseEntity<Map<String, Object>> response = this.http.get(userId, "/api/pieces/" + pieceId);
		assertThat(response.getStatusCode()).as(userId).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> timeline(String userId, long pieceId) {
		return (List<Map<String, Object>>) read(userId, pieceId).get("timeline");
	}

	private List<String> comments(String userId, long pieceId) {
		return timeline(userId, pieceId).stream()
			.map((entry) -> (String) entry.get("comment"))
			.filter(Objects::nonNull)
			.toList();
	}

	private List<String> entries(String userId, long pieceId) {
		return timeline(userId, pieceId).stream()
			.map((entry) -> entry.get("step") + "/" + entry.get("decision"))
			.toList();
	}

	private void dispatch(ProcessInstance piece) {
		this.lifecycle.publish(piece(piece).registrationNumber());
		this.lifecycle.complete("liqiang", piece.getId(), Map.of(DispatchProcess.DIRECT_REPORT, true));
	}

	private void instruct(ProcessInstance piece, String text, String lead, String... co) {
		Map<String, Object> body = new HashMap<>();
		body.put("leader", "district-mayor");
		body.put("instructedOn", LocalDate.now().toString());
		body.put("text", text);
		body.put("leadDepartment", lead);
		body.put("coDepartments", List.of(co));
		assertThat(
				this.http.post("liqiang", "/api/pieces/" + piece(piece).id() + "/instructions", body).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	private static Map<String, Object> registration(String decision, String comment, boolean needsVerification) {
		Map<String, Object> variables = PieceFixtures.accept(needsVerification);
		variables.put(PieceProcess.REGISTRATION_DECISION, decision);
		variables.put(PieceProcess.REGISTRATION_COMMENT, comment);
		return variables;
	}

	private static Map<String, Object> edit() {
		Map<String, Object> variables = new HashMap<>();
		variables.put(PieceProcess.EDIT_ACTION, PieceProcess.EDIT);
		variables.put(PieceProcess.EDITED_TITLE, "关于推行老旧小区加装电梯并联审批的建议");
		variables.put(PieceProcess.EDITED_SITUATION, "情况（编辑稿）");
		variables.put(PieceProcess.EDITED_ANALYSIS, "问题（编辑稿）");
		variables.put(PieceProcess.EDITED_SUGGESTIONS, "建议（编辑稿）");
		variables.put("editComment", EDITING_NOTE);
		return variables;
	}

	private static Map<String, Object> signoff(String comment) {
		return Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE, PieceProcess.SIGNOFF_COMMENT, comment);
	}

	private static Map<String, Object> reply(String result) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(FollowupProcess.HANDLE_DECISION, FollowupProcess.REPLY);
		variables.put(FollowupProcess.REPLY_RESULT, result);
		variables.put(FollowupProcess.RESOLUTION, "being-solved");
		variables.put(FollowupProcess.SUBMITTER_CONTACTED, true);
		variables.put(FollowupProcess.CONTACT_METHOD, "phone");
		return variables;
	}

	private void complete(String userId, ProcessInstance piece, Map<String, Object> variables) {
		this.lifecycle.complete(userId, piece.getId(), variables);
	}

	private void complete(String userId, Task task, Map<String, Object> variables) {
		this.lifecycle.users().run(userId, () -> this.taskService.complete(task.getId(), variables));
	}

	/** The open handling task of this department's case of the piece. */
	private Task handling(ProcessInstance piece, String department) {
		return this.taskService.createTaskQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(piece(piece).registrationNumber())
			.taskDefinitionKey(FollowupProcess.TASK_HANDLE)
			.taskCandidateGroup(FollowupService.departmentGroup(department))
			.singleResult();
	}

	/** The one open task with this key in the piece's follow-up cases. */
	private Task task(ProcessInstance piece, String key) {
		return this.taskService.createTaskQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(piece(piece).registrationNumber())
			.taskDefinitionKey(key)
			.singleResult();
	}

	private Piece piece(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow();
	}

}
