package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.followup.FollowupProcess;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.ApiActions;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every cell of {@code src/test/resources/security/authorization-matrix.md} as a test
 * case: the action of the row, through HTTP, as the demo user of the column's role. An
 * allowed cell must answer 2xx and have its effect; a denied one must answer the row's
 * refusal and leave everything as it was. Task cells each get a fresh task.
 */
@MinyiIntegrationTest
class AuthorizationMatrixTest {

	static final String MATRIX = "/security/authorization-matrix.md";

	/** The demo user of each role column; anonymous sends no credentials. */
	static final Map<String, String> USERS = Map.of("anonymous", "", "submitter", "wangfang", "info-section", "liqiang",
			"verifier", "zhoumin", "secretary-general", "chenjun", "vice-chair", "sunli", "leader", "huangwei",
			"department", "wuhao", "supervisor", "zhengyu", "administrator", "admin");

	private static final String ADMIN_PASSWORD = "Test-Admin-Pw-1";

	private static final String UNIT = "权限矩阵测试单位";

	private static final String HOUSING = "housing-bureau";

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Lifecycle lifecycle;

	private final Map<String, Object> shared = new HashMap<>();

	private final List<String> bulletins = new ArrayList<>();

	/** One parsed row of the matrix. */
	record Row(String key, String title, Map<String, Boolean> allowed, String deny) {
	}

	/** A user of one role column. */
	record Caller(String role, String userId) {

		boolean anonymous() {
			return this.userId.isEmpty();
		}

		/** A user id to name in request bodies, also for anonymous calls. */
		String idOrProbe() {
			return anonymous() ? "authzanonymous" : this.userId;
		}

	}

	/** What a probe saw: the HTTP status and whether the action took effect. */
	record Result(int status, boolean effect) {
	}

	@FunctionalInterface
	interface Probe {

		Result run(Caller caller) throws Exception;

	}

	@TestFactory
	Stream<DynamicContainer> authorizationMatrix() throws IOException {
		List<String> roles = new ArrayList<>();
		List<Row> rows = parse(roles);
		assertThat(roles).containsExactlyInAnyOrderElementsOf(USERS.keySet());
		Map<String, Probe> probes = probes();
		assertThat(rows).extracting(Row::key).containsExactlyInAnyOrderElementsOf(probes.keySet());
		return rows.stream()
			.map((row) -> dynamicContainer(row.key() + " — " + row.title(),
					roles.stream().map((role) -> cell(row, new Caller(role, USERS.get(role)), probes.get(row.key())))));
	}

	/**
	 * Removes the open processes, users, groups, authorizations and deployments the
	 * matrix made: the context is shared, and other tests (the browser's task lists) must
	 * not find them.
	 */
	@AfterEach
	void removeWhatTheMatrixLeft() {
		// Signed-off pieces are offered in every new issue's form: publish them out of
		// the way first.
		List<String> unpublished = this.jdbc.queryForList(
				"SELECT registration_number FROM minyi_piece WHERE source_unit = ? AND status = 'SIGNED_OFF'",
				String.class, UNIT);
		if (!unpublished.isEmpty()) {
			this.bulletins.add(this.lifecycle.publish(unpublished.toArray(String[]::new)).getId());
		}
		List<String> instances = new ArrayList<>(this.bulletins);
		List<String> numbers = this.jdbc.queryForList(
				"SELECT registration_number FROM minyi_piece WHERE source_unit = ? AND registration_number IS NOT NULL",
				String.class, UNIT);
		for (String number : numbers) {
			this.engine.runtime()
				.createProcessInstanceQuery()
				.processInstanceBusinessKey(number)
				.list()
				.forEach((instance) -> instances.add(instance.getId()));
		}
		instances.addAll(this.jdbc.queryForList(
				"SELECT process_instance_id FROM minyi_piece WHERE source_unit = ? AND process_instance_id IS NOT NULL",
				String.class, UNIT));
		for (String instance : instances) {
			this.engine.runtime()
				.deleteProcessInstanceIfExists(instance, "authorization matrix cleanup", true, true, true, false);
		}
		this.engine.repository()
			.createDeploymentQuery()
			.list()
			.stream()
			.filter((deployment) -> String.valueOf(deployment.getName()).startsWith("authz-probe-"))
			.forEach((deployment) -> this.engine.repository().deleteDeployment(deployment.getId(), true));
		this.engine.identity()
			.createUserQuery()
			.list()
			.stream()
			.filter((user) -> user.getId().startsWith("authzuser") || user.getId().equals("authzmember"))
			.forEach((user) -> this.engine.identity().deleteUser(user.getId()));
		this.engine.identity()
			.createGroupQuery()
			.list()
			.stream()
			.filter((group) -> group.getId().startsWith("authz-"))
			.forEach((group) -> this.engine.identity().deleteGroup(group.getId()));
		this.jdbc.update("DELETE FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ LIKE 'authz-probe-%'");
	}

	private DynamicTest cell(Row row, Caller caller, Probe probe) {
		boolean allowed = row.allowed().get(caller.role());
		String name = row.key() + " as " + caller.role() + ": " + (allowed ? "allow" : "deny");
		return dynamicTest(caller.role() + ": " + (allowed ? "allow" : "deny"), () -> {
			Result result = probe.run(caller);
			if (allowed) {
				assertThat(result.status()).as(name + ", status").isBetween(200, 299);
				assertThat(result.effect()).as(name + ", effect").isTrue();
				return;
			}
			assertThat(result.effect()).as(name + ", effect").isFalse();
			if (caller.anonymous()) {
				assertThat(result.status()).as(name + ", status").isEqualTo(401);
			}
			else if (row.deny().equals("hidden")) {
				assertThat(result.status()).as(name + ", status").isEqualTo(200);
			}
			else {
				assertThat(result.status()).as(name + ", status").isEqualTo(Integer.parseInt(row.deny()));
			}
		});
	}

	private static List<Row> parse(List<String> roles) throws IOException {
		String text;
		try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream(MATRIX)) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<Row> rows = new ArrayList<>();
		Pattern key = Pattern.compile("^`([^`]+)`\\s*(.*)$");
		for (String line : text.split("\n")) {
			if (!line.startsWith("|") || line.startsWith("|---")) {
				continue;
			}
			String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
			List<String> values = Stream.of(cells).map(String::strip).toList();
			if (values.get(0).equals("action")) {
				roles.addAll(values.subList(1, values.size() - 1));
				continue;
			}
			Matcher matcher = key.matcher(values.get(0));
			assertThat(matcher.matches()).as("row key in " + line).isTrue();
			Map<String, Boolean> allowed = new LinkedHashMap<>();
			for (int i = 0; i < roles.size(); i++) {
				String value = values.get(i + 1);
				assertThat(value).as(line).isIn("allow", "deny");
				allowed.put(roles.get(i), value.equals("allow"));
			}
			String deny = values.get(values.size() - 1);
			assertThat(deny).as(line).isIn("401", "403", "404", "hidden");
			rows.add(new Row(matcher.group(1), matcher.group(2), allowed, deny));
		}
		return rows;
	}

	private Map<String, Probe> probes() {
		Map<String, Probe> probes = new LinkedHashMap<>();
		probes.put("piece.start.api", (caller) -> {
			String title = uniqueTitle("start-api", caller);
			ResponseEntity<String> response = call(caller, HttpMethod.POST, "/api/pieces",
					json(PieceFixtures.piece().title(title).unit(UNIT).variables()));
			return new Result(status(response), piecesTitled(title) > 0);
		});
		probes.put("piece.start.engine", (caller) -> {
			String title = uniqueTitle("start-engine", caller);
			ResponseEntity<String> response = call(caller, HttpMethod.POST,
					"/engine-rest/process-definition/key/" + PieceProcess.KEY + "/start", json(Map.of("variables",
							restVariables(PieceFixtures.piece().title(title).unit(UNIT).variables()))));
			return new Result(status(response), piecesTitled(title) > 0);
		});
		probes.put("piece.read.api", (caller) -> readPiece(caller, publicPiece()));
		probes.put("piece.read.api.others", (caller) -> readPiece(caller, othersPiece()));
		probes.put("piece.read.confidential.api", (caller) -> readPiece(caller, confidentialPiece()));
		probes.put("piece.read.engine", (caller) -> readVariables(caller, publicPiece()));
		probes.put("piece.read.confidential.engine", (caller) -> readVariables(caller, confidentialPiece()));
		probes.put("piece.mine", (caller) -> ok(call(caller, HttpMethod.GET, "/api/pieces/mine", null)));
		probes.put("piece.similar", (caller) -> {
			Piece earlier = piece(lookalike("similar-earlier", true));
			ResponseEntity<String> response = call(caller, HttpMethod.GET,
					"/api/pieces/" + piece(lookalike("similar-later", false)).id() + "/similar", null);
			return new Result(status(response),
					status(response) == 200 && response.getBody().contains("\"" + earlier.registrationNumber() + "\""));
		});

		probes.put("task.register", (caller) -> task(caller, this::registrationTask, PieceFixtures.accept(false)));
		probes.put("task.revise", (caller) -> task(caller, this::revisionTask, revision()));
		probes.put("task.verify",
				(caller) -> task(caller, this::verificationTask, Map.of(PieceProcess.VERIFICATION_RESULT,
						PieceProcess.CONFIRMED, PieceProcess.VERIFICATION_NOTES, "经实地走访核实，情况属实。")));
		probes.put("task.edit", (caller) -> task(caller, this::editingTask, edit()));
		probes.put("task.signoff.secretary-general",
				(caller) -> task(caller, () -> signoffTask(PieceProcess.TASK_SIGNOFF_SECRETARY_GENERAL), approve()));
		probes.put("task.signoff.vice-chair",
				(caller) -> task(caller, () -> signoffTask(PieceProcess.TASK_SIGNOFF_VICE_CHAIR), approve()));
		probes.put("task.assemble-issue", (caller) -> task(caller, this::assemblyTask, null));
		probes.put("task.distribute-issue", (caller) -> task(caller, this::distributionTask, Map.of()));
		probes.put("task.dispatch",
				(caller) -> task(caller, this::dispatchTask, Map.of(DispatchProcess.DIRECT_REPORT, true)));
		probes.put("task.record-answer",
				(caller) -> task(caller, this::answerTask,
						Map.of(DispatchProcess.ADOPTION_FORM, "single", DispatchProcess.ADOPTED_ON,
								LocalDate.now().toString(), DispatchProcess.ADOPTION_REFERENCE, "市政协《社情民意》")));
		probes.put("task.handle", (caller) -> task(caller, this::handlingTask, reply()));
		probes.put("task.review-reply", (caller) -> task(caller, this::replyReviewTask,
				Map.of(FollowupProcess.REVIEW_DECISION, FollowupProcess.ACCEPT)));
		probes.put("task.review-hand-back", (caller) -> task(caller, this::handBackReviewTask,
				Map.of(FollowupProcess.HAND_BACK_DECISION, FollowupProcess.APPROVE)));
		probes.put("task.reassign", (caller) -> task(caller, this::reassignmentTask,
				Map.of(FollowupProcess.NEW_DEPARTMENT, "education-bureau")));
		probes.put("task.supervise",
				(caller) -> task(caller, this::supervisionTask, Map.of(FollowupProcess.SUPERVISION_DECISION,
						FollowupProcess.CHASE, FollowupProcess.SUPERVISION_COMMENT, "请于本周内办复")));

		probes.put("instruction.record", (caller) -> {
			String messageId = "authz-instruction-" + SEQUENCE.incrementAndGet();
			Map<String, Object> body = new HashMap<>();
			body.put("leader", "district-mayor");
			body.put("instructedOn", LocalDate.now().toString());
			body.put("text", "请研究办理。");
			body.put("leadDepartment", HOUSING);
			body.put("messageId", messageId);
			ResponseEntity<String> response = call(caller, HttpMethod.POST,
					"/api/pieces/" + piece(dispatchedPiece()).id() + "/instructions", json(body));
			return new Result(status(response),
					count("SELECT COUNT(*) FROM minyi_instruction WHERE message_id = ?", messageId) > 0);
		});
		probes.put("adoption.record", (caller) -> {
			Piece piece = piece(
					dispatched(Map.of(DispatchProcess.DIRECT_REPORT, true, DispatchProcess.UPWARD_CITY, true)));
			Map<String, Object> body = Map.of("level", "city", "form", "single", "adoptedOn",
					LocalDate.now().toString(), "reference", "市政协《社情民意》");
			ResponseEntity<String> response = call(caller, HttpMethod.POST, "/api/pieces/" + piece.id() + "/adoptions",
					json(body));
			return new Result(status(response),
					count("SELECT COUNT(*) FROM minyi_adoption WHERE piece_id = ? AND level = 'city'", piece.id()) > 0);
		});
		probes.put("statistics.report", (caller) -> ok(
				call(caller, HttpMethod.GET, "/api/statistics/report?year=" + LocalDate.now().getYear(), null)));
		probes.put("statistics.ranking", (caller) -> ok(
				call(caller, HttpMethod.GET, "/api/statistics/ranking?year=" + LocalDate.now().getYear(), null)));
		probes.put("statistics.export", (caller) -> {
			ResponseEntity<String> response = call(caller, HttpMethod.GET,
					"/api/statistics/report.xlsx?year=" + LocalDate.now().getYear(), null);
			return new Result(status(response), status(response) == 200
					&& String.valueOf(response.getHeaders().getContentType()).contains("spreadsheetml"));
		});
		probes.put("statistics.quotas", (caller) -> {
			ResponseEntity<String> response = call(caller, HttpMethod.GET, "/api/statistics/quotas", null);
			return new Result(status(response), status(response) == 200 && response.getBody().contains("\"quotas\""));
		});
		probes.put("statistics.rescore", (caller) -> ok(
				call(caller, HttpMethod.POST, "/api/statistics/rescore?year=" + LocalDate.now().getYear(), null)));
		probes.put("statistics.outstanding", (caller) -> {
			Piece piece = piece(registered());
			ResponseEntity<String> response = call(caller, HttpMethod.POST,
					"/api/pieces/" + piece.id() + "/outstanding?flag=true", null);
			return new Result(status(response),
					count("SELECT COUNT(*) FROM minyi_piece WHERE id = ? AND outstanding = TRUE", piece.id()) > 0);
		});
		probes.put("bulletin.document", (caller) -> document(caller, publicIssue()));
		probes.put("bulletin.document.confidential", (caller) -> document(caller, confidentialIssue()));
		probes.put("attachment.upload", (caller) -> {
			Piece piece = piece(uploadPiece());
			String filename = "authz-" + caller.role() + ".pdf";
			ResponseEntity<String> response = upload(caller, piece.id(), filename);
			return new Result(status(response),
					count("SELECT COUNT(*) FROM minyi_attachment WHERE piece_id = ? AND filename = ?", piece.id(),
							filename) > 0);
		});
		probes.put("attachment.list.confidential", (caller) -> {
			Long attachment = confidentialAttachment();
			ResponseEntity<String> response = call(caller, HttpMethod.GET,
					"/api/pieces/" + piece(confidentialPiece()).id() + "/attachments", null);
			return new Result(status(response),
					status(response) == 200 && response.getBody().contains("\"id\":" + attachment + ","));
		});
		probes.put("attachment.download.confidential", (caller) -> {
			Long attachment = confidentialAttachment();
			ResponseEntity<String> response = call(caller, HttpMethod.GET,
					"/api/pieces/" + piece(confidentialPiece()).id() + "/attachments/" + attachment, null);
			return new Result(status(response), status(response) == 200 && response.getBody().startsWith("%PDF"));
		});
		probes.put("notification.inbox", (caller) -> ok(call(caller, HttpMethod.GET, "/api/notifications", null)));
		probes.put("notification.read", (caller) -> {
			Long entry = infoSectionInboxEntry();
			ResponseEntity<String> response = call(caller, HttpMethod.POST, "/api/notifications/" + entry + "/read",
					null);
			return new Result(status(response),
					count("SELECT COUNT(*) FROM minyi_notification_recipient WHERE id = ? AND read_at IS NOT NULL",
							entry) > 0);
		});
		probes.put("feedback.mine", (caller) -> ok(call(caller, HttpMethod.GET, "/api/feedback", null)));
		probes.put("supervision.overdue",
				(caller) -> ok(call(caller, HttpMethod.GET, "/api/supervision/overdue", null)));
		probes.put("supervision.stages", (caller) -> ok(call(caller, HttpMethod.GET, "/api/supervision/stages", null)));

		probes.put("model.deploy", (caller) -> {
			String name = "authz-probe-" + caller.role();
			LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
			form.add("deployment-name", name);
			form.add("data", file("authz-probe.txt", "not a model".getBytes(StandardCharsets.UTF_8)));
			ResponseEntity<String> response = call(caller, HttpMethod.POST, "/engine-rest/deployment/create",
					multipart(form));
			return new Result(status(response),
					this.engine.repository().createDeploymentQuery().deploymentName(name).count() > 0);
		});
		probes.put("user.create", (caller) -> {
			String id = "authzuser" + SEQUENCE.incrementAndGet();
			Map<String, Object> body = Map.of("profile",
					Map.of("id", id, "firstName", "权限", "lastName", "探针", "email", id + "@minyi.example"),
					"credentials", Map.of("password", "Probe-Pass-2026!"));
			ResponseEntity<String> response = call(caller, HttpMethod.POST, "/engine-rest/user/create", json(body));
			return new Result(status(response), this.engine.identity().createUserQuery().userId(id).count() > 0);
		});
		probes.put("group.create", (caller) -> {
			String id = "authz-group-" + SEQUENCE.incrementAndGet();
			ResponseEntity<String> response = call(caller, HttpMethod.POST, "/engine-rest/group/create",
					json(Map.of("id", id, "name", "权限探针", "type", "WORKFLOW")));
			return new Result(status(response), this.engine.identity().createGroupQuery().groupId(id).count() > 0);
		});
		probes.put("group.member", (caller) -> {
			String groupId = "authz-members-" + SEQUENCE.incrementAndGet();
			Group group = this.engine.identity().newGroup(groupId);
			group.setName("权限探针");
			this.engine.identity().saveGroup(group);
			ResponseEntity<String> response = call(caller, HttpMethod.PUT,
					"/engine-rest/group/" + groupId + "/members/" + probeUser(), null);
			return new Result(status(response),
					this.engine.identity().createUserQuery().memberOfGroup(groupId).count() > 0);
		});
		probes.put("authorization.create", (caller) -> {
			String resourceId = "authz-probe-" + SEQUENCE.incrementAndGet();
			Map<String, Object> body = Map.of("type", 1, "permissions", List.of("ALL"), "userId", caller.idOrProbe(),
					"resourceType", 0, "resourceId", resourceId);
			ResponseEntity<String> response = call(caller, HttpMethod.POST, "/engine-rest/authorization/create",
					json(body));
			return new Result(status(response),
					count("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ = ?", resourceId) > 0);
		});

		probes.put("engine.definitions", (caller) -> listed(caller,
				"/engine-rest/process-definition?latestVersion=true&key=" + PieceProcess.KEY));
		probes.put("engine.tasks",
				(caller) -> listed(caller, "/engine-rest/task?processInstanceId=" + publicPiece().getId()));
		probes.put("engine.tasks.others", (caller) -> listed(caller,
				"/engine-rest/task?taskId=" + ((Task) memo("handling", this::handlingTask)).getId()));
		probes.put("engine.instances", (caller) -> listed(caller,
				"/engine-rest/process-instance?processInstanceIds=" + publicPiece().getId()));
		probes.put("engine.instances.confidential", (caller) -> listed(caller,
				"/engine-rest/process-instance?processInstanceIds=" + confidentialPiece().getId()));
		probes.put("engine.history", (caller) -> listed(caller,
				"/engine-rest/history/process-instance?processInstanceId=" + publicPiece().getId()));
		probes.put("engine.history.variables", (caller) -> listed(caller,
				"/engine-rest/history/variable-instance?processInstanceId=" + confidentialPiece().getId()));
		probes.put("engine.incidents",
				(caller) -> listed(caller, "/engine-rest/incident?processInstanceId=" + incidentPiece().getId()));
		probes.put("engine.jobs",
				(caller) -> listed(caller, "/engine-rest/job?processInstanceId=" + dispatchedPiece().getId()));
		probes.put("engine.instance.delete", (caller) -> {
			ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece().unit(UNIT));
			ResponseEntity<String> response = call(caller, HttpMethod.DELETE,
					"/engine-rest/process-instance/" + piece.getId(), null);
			return new Result(status(response),
					this.engine.runtime().createProcessInstanceQuery().processInstanceId(piece.getId()).count() == 0);
		});
		probes.put("engine.instance.variables", (caller) -> {
			String name = "authzProbe" + SEQUENCE.incrementAndGet();
			ResponseEntity<String> response = call(caller, HttpMethod.POST,
					"/engine-rest/process-instance/" + publicPiece().getId() + "/variables",
					json(Map.of("modifications", restVariables(Map.of(name, "changed")))));
			return new Result(status(response), this.engine.runtime().getVariable(publicPiece().getId(), name) != null);
		});
		return probes;
	}

	// --- probes
	// --------------------------------------------------------------------------------------

	private Result readPiece(Caller caller, ProcessInstance instance) {
		Piece piece = piece(instance);
		ResponseEntity<String> response = call(caller, HttpMethod.GET, "/api/pieces/" + piece.id(), null);
		return new Result(status(response),
				status(response) == 200 && response.getBody().contains(piece.originalText().title()));
	}

	private Result readVariables(Caller caller, ProcessInstance instance) {
		ResponseEntity<String> response = call(caller, HttpMethod.GET,
				"/engine-rest/process-instance/" + instance.getId() + "/variables", null);
		return new Result(status(response), status(response) == 200 && response.getBody().contains("\"title\""));
	}

	private Result document(Caller caller, long issueId) {
		ResponseEntity<String> response = call(caller, HttpMethod.GET, "/api/bulletin-issues/" + issueId + "/document",
				null);
		return new Result(status(response), status(response) == 200 && response.getBody().startsWith("PK"));
	}

	/** A list endpoint: the action took effect when the list holds the item. */
	private Result listed(Caller caller, String path) throws IOException {
		ResponseEntity<String> response = call(caller, HttpMethod.GET,
				path + (path.contains("?") ? "&" : "?") + "firstResult=0&maxResults=100", null);
		if (status(response) != 200) {
			return new Result(status(response), false);
		}
		List<Object> items = JSON.readValue(response.getBody(), new TypeReference<List<Object>>() {
		});
		return new Result(200, !items.isEmpty());
	}

	/**
	 * Claims the task (unless it is assigned already) and completes it; a refused claim
	 * is followed by a completion attempt too, so that both are shown refused. The
	 * effect: the task is gone or has another assignee; administrators may claim every
	 * task, so for them only the completion counts.
	 */
	private Result task(Caller caller, Supplier<Task> fresh, Map<String, Object> variables) {
		Task task = fresh.get();
		Map<String, Object> completion = (variables != null) ? variables
				: Map.of(DispatchProcess.PIECE_NUMBERS, (String) this.shared.get("assemble:" + task.getId()));
		String path = "/engine-rest/task/" + task.getId();
		int status = 204;
		if (task.getAssignee() == null) {
			status = status(call(caller, HttpMethod.POST, path + "/claim", json(Map.of("userId", caller.idOrProbe()))));
		}
		int completed = status(call(caller, HttpMethod.POST, path + "/complete",
				json(Map.of("variables", restVariables(completion)))));
		if (status == 204) {
			status = completed;
		}
		Task after = this.engine.tasks().createTaskQuery().taskId(task.getId()).singleResult();
		boolean claimed = after != null && !Objects.equals(after.getAssignee(), task.getAssignee());
		return new Result(status, after == null || (claimed && !caller.role().equals("administrator")));
	}

	private static Result ok(ResponseEntity<String> response) {
		return new Result(status(response), status(response) == 200);
	}

	// --- fresh tasks
	// -----------------------------------------------------------------------------------

	private Task registrationTask() {
		return this.lifecycle.task(this.lifecycle.submit(PieceFixtures.piece().unit(UNIT)).getId());
	}

	private Task revisionTask() {
		ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece().unit(UNIT));
		this.lifecycle.complete("liqiang", piece.getId(), Map.of(PieceProcess.REGISTRATION_DECISION,
				PieceProcess.RETURN, PieceProcess.REGISTRATION_COMMENT, "请补充具体数据"));
		return this.lifecycle.task(piece.getId());
	}

	private Task verificationTask() {
		ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece().unit(UNIT));
		this.lifecycle.complete("liqiang", piece.getId(), PieceFixtures.accept(true));
		return this.lifecycle.task(piece.getId());
	}

	private Task editingTask() {
		return this.lifecycle.task(registered().getId());
	}

	private Task signoffTask(String key) {
		ProcessInstance piece = registered();
		this.lifecycle.complete("liqiang", piece.getId(), edit());
		if (key.equals(PieceProcess.TASK_SIGNOFF_VICE_CHAIR)) {
			this.lifecycle.complete("chenjun", piece.getId(), approve());
		}
		Task task = this.lifecycle.task(piece.getId());
		assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
		return task;
	}

	private Task assemblyTask() {
		String number = piece(this.lifecycle.signedOff(PieceFixtures.piece().unit(UNIT))).registrationNumber();
		ProcessInstance bulletin = this.lifecycle.users()
			.as("liqiang",
					() -> this.engine.runtime()
						.startProcessInstanceByKey(DispatchProcess.BULLETIN_KEY,
								Map.of(DispatchProcess.PUBLICATION, "bulletin")));
		this.bulletins.add(bulletin.getId());
		Task task = this.lifecycle.task(bulletin.getId());
		this.shared.put("assemble:" + task.getId(), number);
		return task;
	}

	private Task distributionTask() {
		return this.lifecycle.task(published(PieceFixtures.piece().unit(UNIT)).getId());
	}

	private Task dispatchTask() {
		ProcessInstance piece = this.lifecycle.signedOff(PieceFixtures.piece().unit(UNIT));
		publish(piece);
		return this.lifecycle.task(piece.getId());
	}

	private Task answerTask() {
		ProcessInstance piece = dispatched(
				Map.of(DispatchProcess.DIRECT_REPORT, true, DispatchProcess.UPWARD_CITY, true));
		return this.lifecycle.task(piece.getId());
	}

	private Task handlingTask() {
		ProcessInstance piece = dispatched(Map.of(DispatchProcess.DIRECT_REPORT, true));
		assertThat(ApiActions.instruct(new Http(this.rest), piece(piece).id(), HOUSING).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		this.shared.put("followup:current", piece);
		return followupTask(piece, FollowupProcess.TASK_HANDLE);
	}

	private Task replyReviewTask() {
		Task handling = handlingTask();
		complete("wuhao", handling, reply());
		return followupTask((ProcessInstance) this.shared.get("followup:current"), FollowupProcess.TASK_REVIEW_REPLY);
	}

	private Task handBackReviewTask() {
		Task handling = handlingTask();
		complete("wuhao", handling, Map.of(FollowupProcess.HANDLE_DECISION, FollowupProcess.HAND_BACK,
				FollowupProcess.HAND_BACK_REASON, "该事项属于规划部门职责"));
		return followupTask((ProcessInstance) this.shared.get("followup:current"),
				FollowupProcess.TASK_REVIEW_HAND_BACK);
	}

	private Task reassignmentTask() {
		complete("zhengyu", handBackReviewTask(), Map.of(FollowupProcess.HAND_BACK_DECISION, FollowupProcess.APPROVE));
		return followupTask((ProcessInstance) this.shared.get("followup:current"), FollowupProcess.TASK_REASSIGN);
	}

	private Task supervisionTask() {
		handlingTask();
		ProcessInstance piece = (ProcessInstance) this.shared.get("followup:current");
		Job overdue = this.engine.management()
			.createJobQuery()
			.processInstanceId(followupTask(piece, FollowupProcess.TASK_HANDLE).getProcessInstanceId())
			.activityId(FollowupProcess.TIMER_OVERDUE)
			.singleResult();
		try {
			ClockUtil.setCurrentTime(new Date(overdue.getDuedate().getTime() + 60_000));
			this.engine.management().executeJob(overdue.getId());
		}
		finally {
			ClockUtil.reset();
		}
		return followupTask(piece, FollowupProcess.TASK_SUPERVISE);
	}

	private Task followupTask(ProcessInstance piece, String key) {
		List<String> followups = this.engine.runtime()
			.createProcessInstanceQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(piece(piece).registrationNumber())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		return this.engine.tasks()
			.createTaskQuery()
			.processInstanceIdIn(followups.toArray(String[]::new))
			.taskDefinitionKey(key)
			.singleResult();
	}

	private void complete(String userId, Task task, Map<String, Object> variables) {
		this.lifecycle.users().run(userId, () -> this.engine.tasks().complete(task.getId(), variables));
	}

	// --- pieces and other fixtures
	// ---------------------------------------------------------------------

	private ProcessInstance registered() {
		ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece().unit(UNIT));
		this.lifecycle.complete("liqiang", piece.getId(), PieceFixtures.accept(false));
		return piece;
	}

	/**
	 * Signed off and published in a new bulletin issue; returns the bulletin process,
	 * waiting for distribution.
	 */
	private ProcessInstance published(PieceFixtures fixture) {
		ProcessInstance piece = this.lifecycle.signedOff(fixture);
		return publish(piece);
	}

	private ProcessInstance dispatched(Map<String, Object> choices) {
		ProcessInstance piece = this.lifecycle.signedOff(PieceFixtures.piece().unit(UNIT));
		publish(piece);
		this.lifecycle.complete("liqiang", piece.getId(), choices);
		return piece;
	}

	private ProcessInstance publish(ProcessInstance piece) {
		ProcessInstance bulletin = this.lifecycle.publish(piece(piece).registrationNumber());
		this.bulletins.add(bulletin.getId());
		return bulletin;
	}

	/** Waiting for registration, submitted by {@code wangfang}. */
	private ProcessInstance publicPiece() {
		return (ProcessInstance) memo("public",
				() -> this.lifecycle.submit(PieceFixtures.piece().title("权限矩阵：公开信息").unit(UNIT)));
	}

	/**
	 * One of two pieces on the same matter; the earlier one is registered, so the later
	 * one finds it.
	 */
	private ProcessInstance lookalike(String key, boolean registered) {
		return (ProcessInstance) memo(key, () -> {
			ProcessInstance piece = this.lifecycle
				.submit(PieceFixtures.piece().title("权限矩阵：关于规范快递驿站设置的建议").situation("城区快递驿站占道经营，影响居民通行。").unit(UNIT));
			if (registered) {
				this.lifecycle.complete("liqiang", piece.getId(), PieceFixtures.accept(false));
			}
			return piece;
		});
	}

	private ProcessInstance othersPiece() {
		return (ProcessInstance) memo("others",
				() -> this.lifecycle.users()
					.as("zhaolei",
							() -> this.engine.runtime()
								.startProcessInstanceByKey(PieceProcess.KEY,
										PieceFixtures.piece().title("权限矩阵：他人信息").unit(UNIT).variables())));
	}

	private ProcessInstance confidentialPiece() {
		return (ProcessInstance) memo("confidential",
				() -> this.lifecycle.submit(PieceFixtures.piece().title("权限矩阵：涉密信息").unit(UNIT).confidential()));
	}

	private ProcessInstance uploadPiece() {
		return (ProcessInstance) memo("upload",
				() -> this.lifecycle.submit(PieceFixtures.piece().title("权限矩阵：附件").unit(UNIT)));
	}

	private ProcessInstance dispatchedPiece() {
		return (ProcessInstance) memo("dispatched", () -> {
			ProcessInstance piece = dispatched(Map.of(DispatchProcess.DIRECT_REPORT, true));
			assertThat(this.engine.management().createJobQuery().processInstanceId(piece.getId()).count()).isPositive();
			return piece;
		});
	}

	private ProcessInstance incidentPiece() {
		return (ProcessInstance) memo("incident", () -> {
			ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece().title("权限矩阵：故障").unit(UNIT));
			// On the execution of the open task: the instance's own execution need not be
			// at an activity.
			this.engine.runtime()
				.createIncident("authz-probe", this.lifecycle.task(piece.getId()).getExecutionId(), "权限矩阵测试");
			return piece;
		});
	}

	private long publicIssue() {
		return (Long) memo("publicIssue", () -> issueOf(published(PieceFixtures.piece().unit(UNIT))));
	}

	private long confidentialIssue() {
		return (Long) memo("confidentialIssue",
				() -> issueOf(published(PieceFixtures.piece().unit(UNIT).confidential())));
	}

	private Long issueOf(ProcessInstance bulletin) {
		return ((Number) this.engine.runtime().getVariable(bulletin.getId(), DispatchProcess.ISSUE_ID)).longValue();
	}

	/** An attachment of the confidential piece, uploaded by its submitter. */
	private Long confidentialAttachment() {
		return (Long) memo("confidentialAttachment", () -> {
			ResponseEntity<String> response = upload(new Caller("submitter", "wangfang"),
					piece(confidentialPiece()).id(), "涉密附件.pdf");
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
			return ((Number) parse(response).get("id")).longValue();
		});
	}

	/**
	 * A fresh inbox entry of the info-section's {@code liqiang}: the announcement of a
	 * registration task.
	 */
	private Long infoSectionInboxEntry() {
		Piece piece = piece(this.lifecycle.submit(PieceFixtures.piece().unit(UNIT)));
		return this.jdbc.queryForObject("""
				SELECT r.id FROM minyi_notification_recipient r JOIN minyi_notification n ON n.id = r.notification_id
				WHERE r.user_id = 'liqiang' AND r.channel = 'INBOX' AND n.piece_id = ?""", Long.class, piece.id());
	}

	private String probeUser() {
		return (String) memo("probeUser", () -> {
			User user = this.engine.identity().newUser("authzmember");
			user.setFirstName("权限探针");
			user.setPassword("Probe-Pass-2026!");
			this.engine.identity().saveUser(user);
			return user.getId();
		});
	}

	/** A fixture made on first use and shared by the cells that only read it. */
	private Object memo(String key, Supplier<Object> make) {
		Object value = this.shared.get(key);
		if (value == null) {
			value = make.get();
			this.shared.put(key, value);
		}
		return value;
	}

	private Piece piece(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow();
	}

	private long piecesTitled(String title) {
		return count("SELECT COUNT(*) FROM minyi_piece WHERE title = ?", title);
	}

	private long count(String sql, Object... arguments) {
		return this.jdbc.queryForObject(sql, Long.class, arguments);
	}

	private static String uniqueTitle(String action, Caller caller) {
		return "权限矩阵 " + action + " " + caller.role() + " " + SEQUENCE.incrementAndGet();
	}

	// --- task variables
	// --------------------------------------------------------------------------------

	private static Map<String, Object> revision() {
		PieceFixtures fixture = PieceFixtures.piece();
		return Map.of(PieceProcess.REVISION_DECISION, PieceProcess.RESUBMIT, PieceProcess.TITLE,
				fixture.build().title(), PieceProcess.SITUATION, fixture.build().situation() + "（已补充数据）",
				PieceProcess.ANALYSIS, fixture.build().analysis(), PieceProcess.SUGGESTIONS,
				fixture.build().suggestions());
	}

	private static Map<String, Object> edit() {
		PieceFixtures fixture = PieceFixtures.piece();
		return Map.of(PieceProcess.EDIT_ACTION, PieceProcess.EDIT, PieceProcess.EDITED_TITLE, fixture.build().title(),
				PieceProcess.EDITED_SITUATION, fixture.build().situation(), PieceProcess.EDITED_ANALYSIS, "问题（编辑稿）",
				PieceProcess.EDITED_SUGGESTIONS, "建议（编辑稿）");
	}

	private static Map<String, Object> approve() {
		return Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE);
	}

	private static Map<String, Object> reply() {
		return Map.of(FollowupProcess.HANDLE_DECISION, FollowupProcess.REPLY, FollowupProcess.REPLY_RESULT,
				"已制定加装电梯并联审批办法，本月起实施。", FollowupProcess.RESOLUTION, "solved", FollowupProcess.SUBMITTER_CONTACTED, true,
				FollowupProcess.CONTACT_METHOD, "phone");
	}

	// --- HTTP
	// --------------------------------------------------------------------------------------------

	private ResponseEntity<String> call(Caller caller, HttpMethod method, String path, HttpEntity<?> entity) {
		TestRestTemplate template = caller.anonymous() ? this.rest
				: this.rest.withBasicAuth(caller.userId(), caller.userId().equals("admin") ? ADMIN_PASSWORD : "demo");
		return template.exchange(path, method, entity, String.class);
	}

	private ResponseEntity<String> upload(Caller caller, Long pieceId, String filename) {
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", file(filename, PDF));
		return call(caller, HttpMethod.POST, "/api/pieces/" + pieceId + "/attachments", multipart(form));
	}

	private static ByteArrayResource file(String filename, byte[] content) {
		return new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return filename;
			}

		};
	}

	private static HttpEntity<Object> multipart(LinkedMultiValueMap<String, Object> form) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(form, headers);
	}

	private static HttpEntity<Object> json(Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	/**
	 * Variables as engine-rest expects them: {@code {"name": {"value": ..., "type":
	 * ...}}}.
	 */
	static Map<String, Object> restVariables(Map<String, Object> variables) {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			if (value != null) {
				typed.put(name, Map.of("value", value, "type", value.getClass().getSimpleName()));
			}
		});
		return typed;
	}

	private static int status(ResponseEntity<?> response) {
		return response.getStatusCode().value();
	}

	private static Map<String, Object> parse(ResponseEntity<String> response) {
		try {
			return JSON.readValue(response.getBody(), new TypeReference<Map<String, Object>>() {
			});
		}
		catch (IOException ex) {
			throw new AssertionError("Not JSON: " + response.getBody(), ex);
		}
	}

}
