package org.minyi.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A leader's instruction on a confidential piece: the departments it names are cleared
 * for that piece alone (a {@code cleared} timeline entry each); every other reader of the
 * follow-up, through every engine-rest route, sees 「（涉密信息）」; no mail and no inbox entry
 * carries its title or text.
 */
@MinyiIntegrationTest
class ConfidentialFollowupTest {

	private static final String HOUSING = "housing-bureau";

	private static final String EDUCATION = "education-bureau";

	private static final String TITLE = "关于某地下指挥设施周边违建情况的报告";

	/** What {@link Lifecycle#signedOff} edits the suggestions to. */
	private static final String EDITED_SUGGESTIONS = "建议（编辑稿）";

	private static final String INSTRUCTION = "请区住建局会同有关部门于十日内拆除设施周边违建，严格控制知悉范围。";

	/** What every reader not cleared sees instead of the title or a text. */
	private static final String MASK = "（涉密信息）";

	private static final int SMTP_PORT = 3025;

	/** engine-rest lists only pages (query-max-results-limit). */
	private static final String PAGE = "&firstResult=0&maxResults=100";

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	Http http;

	private GreenMail greenMail;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.rest);
		// Mail jobs left by other test classes would only add noise to the mails read
		// here.
		mailJobs().forEach((job) -> this.engine.management().deleteJob(job.getId()));
	}

	@AfterEach
	void stopMailServer() {
		if (this.greenMail != null) {
			this.greenMail.stop();
		}
	}

	@Test
	void shouldShowAConfidentialPieceInItsFollowupOnlyToTheDepartmentItNames() {
		ProcessInstance piece = this.lifecycle.dispatched(PieceFixtures.piece().confidential().title(TITLE));
		assertThat(instruct(piece, HOUSING).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ProcessInstance followup = followup(piece);
		this.engine.management().executeJob(timer(followup, FollowupProcess.TIMER_OVERDUE).getId());

		String supervision = onlyTask("zhengyu", followup, FollowupProcess.TASK_SUPERVISE);
		for (String route : List.of("/engine-rest/task/" + supervision + "/form-variables",
				"/engine-rest/task/" + supervision + "/variables")) {
			ResponseEntity<Map<String, Object>> variables = this.http.get("zhengyu", route);
			assertThat(variables.getStatusCode()).as(route).isEqualTo(HttpStatus.OK);
			assertThat(value(variables.getBody(), PieceProcess.EDITED_TITLE)).as(route).isEqualTo(MASK);
			assertThat(value(variables.getBody(), PieceProcess.TITLE)).as(route).isEqualTo(MASK);
		}
		for (String outsider : List.of("zhengyu", "qianyun")) {
			for (String route : List.of("/engine-rest/variable-instance?processInstanceIdIn=" + followup.getId() + PAGE,
					"/engine-rest/history/variable-instance?processInstanceId=" + followup.getId() + PAGE,
					"/engine-rest/history/detail?processInstanceId=" + followup.getId() + PAGE,
					"/engine-rest/task?processInstanceId=" + followup.getId() + PAGE, "/api/notifications")) {
				assertThat(raw(outsider, route)).as(outsider + " " + route)
					.doesNotContain(TITLE, EDITED_SUGGESTIONS, INSTRUCTION);
			}
			assertThat(this.http.get(outsider, "/api/pieces/" + id(piece)).getStatusCode()).as(outsider)
				.isEqualTo(HttpStatus.NOT_FOUND);
		}
		assertThat(this.http.get("qianyun", "/engine-rest/task/" + supervision + "/form-variables").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.http.getList("qianyun", "/engine-rest/task?processInstanceId=" + followup.getId() + PAGE)
			.getBody()).isEmpty();

		// The named department reads what it needs: the piece in its handling form and
		// through the API.
		String handling = onlyTask("wuhao", followup, FollowupProcess.TASK_HANDLE);
		Map<String, Object> form = this.http.get("wuhao", "/engine-rest/task/" + handling + "/form-variables")
			.getBody();
		assertThat(value(form, PieceProcess.EDITED_TITLE)).isEqualTo(TITLE);
		assertThat(value(form, PieceProcess.EDITED_SUGGESTIONS)).isEqualTo(EDITED_SUGGESTIONS);
		Map<String, Object> read = this.http.get("wuhao", "/api/pieces/" + id(piece)).getBody();
		assertThat(read).containsEntry("title", TITLE);
		assertThat(comments(read)).contains(INSTRUCTION);
		assertThat(entries(read)).contains("cleared/" + HOUSING);
		assertThat(entries(this.http.get("liqiang", "/api/pieces/" + id(piece)).getBody()))
			.contains("cleared/" + HOUSING);

		// At the source: only the department's handling task holds the text, in the
		// runtime and in history.
		for (String name : List.of(PieceProcess.TITLE, PieceProcess.EDITED_TITLE, PieceProcess.EDITED_SUGGESTIONS)) {
			assertThat(this.engine.runtime().getVariable(followup.getId(), name)).as(name).isEqualTo(MASK);
		}
		List<HistoricVariableInstance> history = this.engine.history()
			.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(followup.getId())
			.list();
		assertThat(history)
			.filteredOn((variable) -> String.valueOf(variable.getValue()).contains(TITLE)
					|| String.valueOf(variable.getValue()).contains(EDITED_SUGGESTIONS))
			.isNotEmpty()
			.allMatch((variable) -> handling.equals(variable.getTaskId()));
	}

	@Test
	void shouldClearTheDepartmentACaseIsReassignedToAndNoOtherWhenAnInstructionIsRefused() {
		ProcessInstance piece = this.lifecycle.dispatched(PieceFixtures.piece().confidential().title(TITLE));
		Map<String, Object> unknown = instruction(HOUSING);
		unknown.put("coDepartments", List.of("no-such-bureau"));
		ResponseEntity<Map<String, Object>> refused = this.http.post("liqiang",
				"/api/pieces/" + id(piece) + "/instructions", unknown);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).containsEntry("code", "UNKNOWN_DEPARTMENT");
		assertThat(entries(this.http.get("liqiang", "/api/pieces/" + id(piece)).getBody()))
			.noneMatch((entry) -> entry.startsWith("cleared/"));
		assertThat(this.http.get("wuhao", "/api/pieces/" + id(piece)).getBody()).containsEntry("code",
				"PIECE_NOT_FOUND");

		assertThat(instruct(piece, HOUSING).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ProcessInstance followup = followup(piece);
		complete("wuhao", onlyTask("wuhao", followup, FollowupProcess.TASK_HANDLE), Map
			.of(FollowupProcess.HANDLE_DECISION, FollowupProcess.HAND_BACK, FollowupProcess.HAND_BACK_REASON, "非我局职责"));
		complete("zhengyu", onlyTask("zhengyu", followup, FollowupProcess.TASK_REVIEW_HAND_BACK),
				Map.of(FollowupProcess.HAND_BACK_DECISION, FollowupProcess.APPROVE));
		assertThat(this.http.get("qianyun", "/api/pieces/" + id(piece)).getStatusCode())
			.as("not cleared before the case is reassigned to it")
			.isEqualTo(HttpStatus.NOT_FOUND);
		complete("liqiang", onlyTask("liqiang", followup, FollowupProcess.TASK_REASSIGN),
				Map.of(FollowupProcess.NEW_DEPARTMENT, EDUCATION));

		String handling = onlyTask("qianyun", followup, FollowupProcess.TASK_HANDLE);
		Map<String, Object> form = this.http.get("qianyun", "/engine-rest/task/" + handling + "/form-variables")
			.getBody();
		assertThat(value(form, PieceProcess.EDITED_TITLE)).isEqualTo(TITLE);
		Map<String, Object> read = this.http.get("qianyun", "/api/pieces/" + id(piece)).getBody();
		assertThat(read).containsEntry("title", TITLE);
		assertThat(entries(read)).containsSubsequence("cleared/" + HOUSING, "cleared/" + EDUCATION);
		assertThat(raw("zhengyu", "/engine-rest/variable-instance?processInstanceIdIn=" + followup.getId() + PAGE))
			.doesNotContain(TITLE, EDITED_SUGGESTIONS);
	}

	@Test
	void shouldKeepTheTextOnTheHandlingTaskWhenTheDepartmentSendsItsFormBack() {
		ProcessInstance piece = this.lifecycle.dispatched(PieceFixtures.piece().confidential().title(TITLE));
		assertThat(instruct(piece, HOUSING).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ProcessInstance followup = followup(piece);
		String handling = onlyTask("wuhao", followup, FollowupProcess.TASK_HANDLE);
		// As Tasklist sends the form: the read-only fields with the values it showed.
		Map<String, Object> form = Map.of("variables",
				Map.of(PieceProcess.REGISTRATION_NUMBER, typed(piece(piece).registrationNumber()),
						PieceProcess.EDITED_TITLE, typed(TITLE), PieceProcess.EDITED_SUGGESTIONS,
						typed(EDITED_SUGGESTIONS), FollowupProcess.HANDLE_DECISION, typed(FollowupProcess.REPLY),
						FollowupProcess.REPLY_RESULT, typed("已拆除违建三处"), FollowupProcess.RESOLUTION, typed("solved"),
						FollowupProcess.SUBMITTER_CONTACTED, Map.of("value", true, "type", "Boolean"),
						FollowupProcess.CONTACT_METHOD, typed("phone")));

		// complete writes variables to the follow-up itself, where the supervisors read
		// them.
		ResponseEntity<Map<String, Object>> refused = this.http.post("wuhao",
				"/engine-rest/task/" + handling + "/complete", form);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(String.valueOf(refused.getBody().get("message"))).startsWith("[CONFIDENTIAL_TEXT_NOT_ALLOWED]");
		assertThat(this.engine.tasks().createTaskQuery().taskId(handling).count()).isOne();

		assertThat(this.http.post("wuhao", "/engine-rest/task/" + handling + "/submit-form", form).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.engine.runtime().getVariable(followup.getId(), PieceProcess.EDITED_TITLE)).isEqualTo(MASK);
		String review = onlyTask("zhengyu", followup, FollowupProcess.TASK_REVIEW_REPLY);
		assertThat(raw("zhengyu", "/engine-rest/task/" + review + "/form-variables")).contains("已拆除违建三处")
			.doesNotContain(TITLE, EDITED_SUGGESTIONS);
		for (String route : List.of("/engine-rest/variable-instance?processInstanceIdIn=" + followup.getId() + PAGE,
				"/engine-rest/history/detail?processInstanceId=" + followup.getId() + PAGE)) {
			assertThat(raw("zhengyu", route)).as(route).doesNotContain(TITLE, EDITED_SUGGESTIONS);
		}
	}

	@Test
	void shouldNeverMailOrListTheTitleOrTextOfAConfidentialPiece() {
		startMailServer();
		ProcessInstance piece = this.lifecycle.dispatched(PieceFixtures.piece().confidential().title(TITLE));
		assertThat(instruct(piece, HOUSING).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ProcessInstance followup = followup(piece);
		this.engine.management().executeJob(timer(followup, FollowupProcess.TIMER_REMINDER).getId());
		this.engine.management().executeJob(timer(followup, FollowupProcess.TIMER_OVERDUE).getId());
		runMailJobs();

		String reference = "一条涉密信息（登记号 " + piece(piece).registrationNumber() + "）";
		List<String> users = List.of("wangfang", "liqiang", "chenjun", "sunli", "wuhao", "zhengyu");
		for (String user : users) {
			List<String> mails = mailsTo(user + "@minyi.example");
			assertThat(mails).as(user + "'s mails").isNotEmpty().anyMatch((mail) -> mail.contains(reference));
			assertThat(mails).as(user + "'s mails")
				.allSatisfy((mail) -> assertThat(mail).doesNotContain(TITLE, EDITED_SUGGESTIONS, INSTRUCTION));
			List<String> inbox = this.http.getList(user, "/api/notifications")
				.getBody()
				.stream()
				.map((entry) -> entry.get("subject") + "\n" + entry.get("body"))
				.toList();
			assertThat(inbox).as(user + "'s inbox")
				.allSatisfy((entry) -> assertThat(entry).doesNotContain(TITLE, EDITED_SUGGESTIONS, INSTRUCTION));
		}
		assertThat(mailsTo("zhengyu@minyi.example")).anyMatch((mail) -> mail.startsWith("【超期督办】" + reference));
		assertThat(mailsTo("wuhao@minyi.example")).anyMatch((mail) -> mail.startsWith("【办理提醒】" + reference));
		assertThat(mailsTo("wangfang@minyi.example")).anyMatch((mail) -> mail.startsWith("【信息反馈】" + reference));
		assertThat(this.http.getList("wuhao", "/api/notifications").getBody())
			.anyMatch((entry) -> String.valueOf(entry.get("subject")).contains(reference));
	}

	private ResponseEntity<Map<String, Object>> instruct(ProcessInstance piece, String lead) {
		return this.http.post("liqiang", "/api/pieces/" + id(piece) + "/instructions", instruction(lead));
	}

	private static Map<String, Object> instruction(String lead) {
		Map<String, Object> body = new HashMap<>();
		body.put("leader", "district-mayor");
		body.put("instructedOn", LocalDate.now().toString());
		body.put("text", INSTRUCTION);
		body.put("leadDepartment", lead);
		return body;
	}

	private ProcessInstance followup(ProcessInstance piece) {
		return this.engine.runtime()
			.createProcessInstanceQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(piece(piece).registrationNumber())
			.singleResult();
	}

	/**
	 * The one task with this key in the follow-up that this user lists through
	 * engine-rest.
	 */
	private String onlyTask(String userId, ProcessInstance followup, String taskDefinitionKey) {
		String tasks = raw(userId, "/engine-rest/task?processInstanceId=" + followup.getId() + "&taskDefinitionKey="
				+ taskDefinitionKey + PAGE);
		List<String> ids = JsonPath.read(tasks, "$[*].id");
		assertThat(ids).as(userId + " lists " + taskDefinitionKey + ": " + tasks).hasSize(1);
		return ids.get(0);
	}

	private void complete(String userId, String taskId, Map<String, Object> variables) {
		this.lifecycle.users().run(userId, () -> this.engine.tasks().complete(taskId, variables));
	}

	private Job timer(ProcessInstance followup, String activityId) {
		return this.engine.management()
			.createJobQuery()
			.processInstanceId(followup.getId())
			.activityId(activityId)
			.singleResult();
	}

	/** The answer's body, which must be a success: a refusal would hide nothing. */
	private String raw(String userId, String path) {
		ResponseEntity<String> answer = this.rest.withBasicAuth(userId, "demo").getForEntity(path, String.class);
		assertThat(answer.getStatusCode()).as(userId + " " + path + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
		return answer.getBody();
	}

	private static Map<String, Object> typed(String value) {
		return Map.of("value", value, "type", "String");
	}

	@SuppressWarnings("unchecked")
	private static Object value(Map<String, Object> variables, String name) {
		return ((Map<String, Object>) variables.get(name)).get("value");
	}

	@SuppressWarnings("unchecked")
	private static List<String> comments(Map<String, Object> piece) {
		return ((List<Map<String, Object>>) piece.get("timeline")).stream()
			.map((entry) -> String.valueOf(entry.get("comment")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<String> entries(Map<String, Object> piece) {
		return ((List<Map<String, Object>>) piece.get("timeline")).stream()
			.map((entry) -> entry.get("step") + "/" + entry.get("decision"))
			.toList();
	}

	private Piece piece(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow();
	}

	private long id(ProcessInstance instance) {
		return piece(instance).id();
	}

	private void startMailServer() {
		this.greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.greenMail.start();
	}

	/** Subject and body of every mail to this address. */
	private List<String> mailsTo(String address) {
		List<String> mails = new ArrayList<>();
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			try {
				if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(address)) {
					mails.add(message.getSubject() + "\n" + message.getContent());
				}
			}
			catch (java.io.IOException | jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return mails;
	}

	/** Runs the mail jobs as the job executor would, until none is left. */
	private void runMailJobs() {
		for (int round = 0; round < 5 && !mailJobs().isEmpty(); round++) {
			for (Job job : mailJobs()) {
				this.engine.management().executeJob(job.getId());
			}
		}
		assertThat(mailJobs()).isEmpty();
	}

	private List<Job> mailJobs() {
		return this.engine.management()
			.createJobQuery()
			.list()
			.stream()
			.filter((job) -> "minyi-mail".equals(((JobEntity) job).getJobHandlerType()))
			.toList();
	}

}
