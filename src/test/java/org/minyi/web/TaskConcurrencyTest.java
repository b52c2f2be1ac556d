package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.identity.Role;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two members of the information section act on the same task at the same moment, over
 * engine-rest as Tasklist does: exactly one wins, the other is told so with a conflict
 * code and a Chinese message, and the loser leaves no trace (no second next task,
 * timeline entry, statistics fact or notification).
 */
@MinyiIntegrationTest
class TaskConcurrencyTest {

	private static final int ROUNDS = 20;

	/**
	 * The second member of the information section, beside the demo user liqiang; only
	 * for this class.
	 */
	private static final String SECOND_CLERK = "liuyang";

	private static final List<String> CLERKS = List.of("liqiang", SECOND_CLERK);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService taskService;

	@Autowired
	PieceRepository pieces;

	@Autowired
	JdbcTemplate jdbc;

	private Http http;

	@Autowired
	Lifecycle lifecycle;

	private ExecutorService threads;

	@BeforeAll
	static void createSecondClerk(@Autowired IdentityService identityService) {
		if (identityService.createUserQuery().userId(SECOND_CLERK).count() == 0) {
			User user = identityService.newUser(SECOND_CLERK);
			user.setFirstName("刘洋");
			user.setLastName("");
			user.setEmail(SECOND_CLERK + "@minyi.example");
			user.setPassword("demo");
			// A demo-style user with the demo password that Http sends; PostgreSQL mode's
			// policy is for
			// passwords people choose, and the application saves its demo users without
			// it too.
			((IdentityServiceImpl) identityService).saveUser(user, true);
			identityService.createMembership(SECOND_CLERK, Role.INFO_SECTION.groupId());
		}
	}

	@AfterAll
	static void deleteSecondClerk(@Autowired IdentityService identityService) {
		// Other classes count the information section's members (notifications to the
		// group).
		identityService.deleteUser(SECOND_CLERK);
	}

	@BeforeEach
	void setUp() {
		this.http = new Http(this.rest);
		this.threads = Executors.newFixedThreadPool(CLERKS.size());
	}

	@AfterEach
	void tearDown() {
		this.threads.shutdownNow();
	}

	@Test
	void shouldLetExactlyOneOfTwoSimultaneousClaimsWinAndTellTheOtherItIsTaken() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece().title("关于同时认领测试的建议" + round));
			String taskId = this.lifecycle.task(piece.getId()).getId();

			List<ResponseEntity<Map<String, Object>>> answers = race((clerk) -> this.http.post(clerk,
					"/engine-rest/task/" + taskId + "/claim", Map.of("userId", clerk)));

			List<String> winners = new ArrayList<>();
			for (int i = 0; i < CLERKS.size(); i++) {
				ResponseEntity<Map<String, Object>> answer = answers.get(i);
				if (answer.getStatusCode() == HttpStatus.NO_CONTENT) {
					winners.add(CLERKS.get(i));
					continue;
				}
				assertThat(answer.getStatusCode()).as("the loser of round %d: %s", round, answer.getBody())
					.isEqualTo(HttpStatus.CONFLICT);
				assertThat(answer.getBody()).containsEntry("errorCode", "TASK_ALREADY_CLAIMED")
					.containsEntry("message", "[TASK_ALREADY_CLAIMED] 任务已被他人认领");
			}
			assertThat(winners).as("round %d", round).hasSize(1);
			Task task = this.taskService.createTaskQuery().taskId(taskId).singleResult();
			assertThat(task.getAssignee()).isEqualTo(winners.get(0));
			assertThat(this.jdbc.queryForList(
					"SELECT r.user_id FROM minyi_notification n JOIN minyi_notification_recipient r ON r.notification_id = n.id"
							+ " WHERE n.link LIKE ? AND n.template_key = 'task-assigned' AND r.channel = 'INBOX'",
					String.class, "%task=" + taskId))
				.as("the new task announced to both clerks, its assignment to the winner only")
				.containsExactlyInAnyOrder("liqiang", SECOND_CLERK, winners.get(0));
		}
		System.out.printf("[TaskConcurrencyTest] %d simultaneous claims, exactly one winner each%n", ROUNDS);
	}

	@Test
	void shouldLetExactlyOneOfTwoSimultaneousCompletionsWinAndLeaveNothingHalfDone() throws Exception {
		Map<String, Integer> outcomes = new HashMap<>();
		List<Integer> numbers = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece().title("关于同时办理测试的建议" + round));
			String taskId = this.lifecycle.task(piece.getId()).getId();
			Map<String, Object> variables = new HashMap<>();
			PieceFixtures.accept(false).forEach((name, value) -> variables.put(name, Map.of("value", value)));

			List<ResponseEntity<Map<String, Object>>> answers = race((clerk) -> this.http.post(clerk,
					"/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables)));

			long won = answers.stream().filter((answer) -> answer.getStatusCode() == HttpStatus.NO_CONTENT).count();
			assertThat(won).as("round %d: %s", round, answers).isOne();
			ResponseEntity<Map<String, Object>> lost = answers.stream()
				.filter((answer) -> answer.getStatusCode() != HttpStatus.NO_CONTENT)
				.findFirst()
				.orElseThrow();
			assertThat(lost.getStatusCode().value()).as("round %d: %s", round, lost.getBody()).isIn(404, 409);
			assertThat(lost.getBody().get("message")).isIn("[TASK_NOT_FOUND] 任务不存在或已被他人办理",
					"[CONCURRENT_UPDATE] 数据已被他人同时修改，请刷新后重试");
			outcomes.merge(lost.getStatusCode().value() + " " + lost.getBody().get("errorCode"), 1, Integer::sum);

			assertExactlyOneRegistration(piece, round);
			String number = this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().registrationNumber();
			numbers.add(Integer.parseInt(number.substring(number.indexOf('-') + 1)));
		}
		assertThat(numbers).as("registration numbers of the rounds: consecutive, the losers gave theirs back")
			.isSorted()
			.doesNotHaveDuplicates();
		assertThat(numbers.get(ROUNDS - 1) - numbers.get(0)).isEqualTo(ROUNDS - 1);
		System.out.printf("[TaskConcurrencyTest] %d simultaneous completions, exactly one winner each; losers: %s%n",
				ROUNDS, outcomes);
	}

	private void assertExactlyOneRegistration(ProcessInstance piece, int round) {
		List<Task> open = this.taskService.createTaskQuery().processInstanceId(piece.getId()).list();
		assertThat(open).as("round %d: one next task", round)
			.singleElement()
			.extracting(Task::getTaskDefinitionKey)
			.isEqualTo(PieceProcess.TASK_EDIT);
		long pieceId = this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().id();
		assertThat(
				this.jdbc.queryForList("SELECT step FROM minyi_piece_event WHERE piece_id = ?", String.class, pieceId))
			.as("round %d: timeline", round)
			.containsOnlyOnce(PieceProcess.TASK_REGISTER, "registered");
		assertThat(this.jdbc.queryForList(
				"SELECT event_type || '/' || user_id FROM minyi_stat_fact WHERE piece_id = ? ORDER BY event_type",
				String.class, pieceId))
			.as("round %d: one statistics fact per event and person", round)
			.containsExactly("registered/wangfang", "submitted/wangfang");
		assertThat(this.jdbc.queryForList("SELECT template_key || ' ' || subject || ' ' || COALESCE(link, '')"
				+ " FROM minyi_notification WHERE piece_id = ?", String.class, pieceId))
			.as("round %d: no notification twice", round)
			.doesNotHaveDuplicates()
			.anyMatch((notification) -> notification.endsWith("task=" + open.get(0).getId()));
	}

	/**
	 * Both clerks send their request at the same moment; answers in the order of
	 * {@link #CLERKS}.
	 */
	private List<ResponseEntity<Map<String, Object>>> race(
			java.util.function.Function<String, ResponseEntity<Map<String, Object>>> request) throws Exception {
		CyclicBarrier start = new CyclicBarrier(CLERKS.size());
		List<Future<ResponseEntity<Map<String, Object>>>> futures = new ArrayList<>();
		for (String clerk : CLERKS) {
			futures.add(this.threads.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				return request.apply(clerk);
			}));
		}
		List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
		for (Future<ResponseEntity<Map<String, Object>>> future : futures) {
			answers.add(future.get(60, TimeUnit.SECONDS));
		}
		return answers;
	}

}
