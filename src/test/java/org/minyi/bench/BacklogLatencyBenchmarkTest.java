package org.minyi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.followup.FollowupProcess;
import org.minyi.followup.FollowupService;
import org.minyi.identity.Role;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.ApiActions;
import org.minyi.support.BenchResults;
import org.minyi.support.BenchResults.Figure;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Latency with years of data: a backlog of archived pieces with their history and open
 * tasks spread over the groups, cloned in bulk from template pieces that went through the
 * real engine (see {@link BacklogLoader}); then p50/p95/p99 of the queries users wait
 * for, each through HTTP as the user who sends it. Run: {@code mvn -Pbench verify}; sizes
 * by {@code -Dminyi.bench.archived}, {@code -Dminyi.bench.open},
 * {@code -Dminyi.bench.runs}.
 */
@Tag("benchmark")
@MinyiIntegrationTest
class BacklogLatencyBenchmarkTest {

	private static final int ARCHIVED = Integer.getInteger("minyi.bench.archived", 200_000);

	private static final int OPEN = Integer.getInteger("minyi.bench.open", 20_000);

	/** Copies per transaction of the bulk load. */
	private static final int COPY_CHUNK = 5000;

	private static final int RUNS = Integer.getInteger("minyi.bench.runs", 200);

	/**
	 * Runs of the figures that only show where a filter's time goes; they have no target.
	 */
	private static final int DIAGNOSTIC_RUNS = Math.min(RUNS, 50);

	/** Archived pieces spread over five years, open ones over the last sixty days. */
	private static final long ARCHIVE_SPAN_SECONDS = 5L * 365 * 24 * 3600;

	private static final long OPEN_SPAN_SECONDS = 60L * 24 * 3600;

	private static final String GROUP = "backlog latency (" + ARCHIVED + " archived pieces, " + OPEN + " open tasks)";

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Lifecycle lifecycle;

	@Test
	void queriesUsersWaitForStayFastWithYearsOfData() throws Exception {
		assumeTrue(TestDatabase.isPostgres(), "The bulk loader writes PostgreSQL SQL");
		BacklogLoader loader = new BacklogLoader(this.dataSource);
		List<Figure> figures = new ArrayList<>();

		// Templates first (through the real process), then the copies, two at a time (two
		// cores).
		List<Object[]> loads = new ArrayList<>();
		// Archived: 40% not adopted at registration, 35% published, 25% with an
		// instruction and a reply.
		loads.add(new Object[] { rejected(), ARCHIVED * 40 / 100, ARCHIVE_SPAN_SECONDS });
		loads.add(new Object[] { archived(false), ARCHIVED * 35 / 100, ARCHIVE_SPAN_SECONDS });
		loads.add(new Object[] { archived(true), ARCHIVED * 25 / 100, ARCHIVE_SPAN_SECONDS });
		// Open: tasks of the info-section, editors, sign-off and a department.
		loads.add(new Object[] { waitingAt("register"), OPEN * 30 / 100, OPEN_SPAN_SECONDS });
		loads.add(new Object[] { waitingAt("edit"), OPEN * 15 / 100, OPEN_SPAN_SECONDS });
		loads.add(new Object[] { waitingAt("signoff"), OPEN * 15 / 100, OPEN_SPAN_SECONDS });
		loads.add(new Object[] { waitingAt("dispatch"), OPEN * 20 / 100, OPEN_SPAN_SECONDS });
		Piece departmentTemplate = waitingAt("department");
		loads.add(new Object[] { departmentTemplate, OPEN * 20 / 100, OPEN_SPAN_SECONDS });
		long start = System.nanoTime();
		List<String> indexes = loader.dropSecondaryIndexes();
		// Each template is read once. The tables no foreign key references are loaded
		// whole, one transaction
		// each (see BacklogLoader.reload); into the others the copies go in ranges of
		// COPY_CHUNK. Two at a
		// time (two cores), the largest first, so that neither connection waits long for
		// the other at the end.
		List<BacklogLoader.Plan> plans = new ArrayList<>();
		for (Object[] load : loads) {
			Piece template = (Piece) load[0];
			int copies = (Integer) load[1];
			plans.add(loader.plan(
					new BacklogLoader.Template(template.processInstanceId(), template.id(),
							template.registrationNumber(), "wangfang"),
					copies, Math.max(1, (Long) load[2] / Math.max(1, copies))));
		}
		Set<String> reloaded = loader.reloadable();
		Map<Callable<Long>, Long> tasks = new HashMap<>();
		for (String table : reloaded) {
			long tableRows = plans.stream().mapToLong((plan) -> plan.rows(1, plan.copies(), table::equals)).sum();
			if (tableRows > 0) {
				tasks.put(() -> loader.reload(table, plans), tableRows);
			}
		}
		for (BacklogLoader.Plan plan : plans) {
			for (int from = 1; from <= plan.copies(); from += COPY_CHUNK) {
				int first = from;
				int last = Math.min(plan.copies(), from + COPY_CHUNK - 1);
				tasks.put(() -> loader.copy(plan, first, last, reloaded),
						plan.rows(first, last, (table) -> !reloaded.contains(table)));
			}
		}
		List<Callable<Long>> chunks = tasks.keySet()
			.stream()
			.sorted(Comparator.comparing(tasks::get).reversed())
			.toList();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		long rows = 0;
		try {
			for (Future<Long> copy : pool.invokeAll(chunks)) {
				rows += copy.get();
			}
		}
		finally {
			pool.shutdown();
		}
		double copySeconds = (System.nanoTime() - start) / 1e9;
		loader.createIndexes(indexes, 2);
		double indexSeconds = (System.nanoTime() - start) / 1e9 - copySeconds;
		loader.restartSequences();
		this.jdbc.execute("ANALYZE");
		double loadSeconds = (System.nanoTime() - start) / 1e9;
		long openTasks = this.engine.tasks().createTaskQuery().count();
		long archivedPieces = this.jdbc
			.queryForObject("SELECT COUNT(*) FROM minyi_piece WHERE status IN ('ARCHIVED', 'NOT_ADOPTED')", Long.class);
		figures.add(new Figure("backlog load", "rows cloned by the bulk loader", rows, "rows", null, null, null, null,
				null,
				"%.0f s (copies %.0f s, then %d indexes built again in %.0f s); %d archived or closed pieces, %d open tasks"
					.formatted(loadSeconds, copySeconds, indexes.size(), indexSeconds, archivedPieces, openTasks)));
		assertThat(openTasks).isGreaterThanOrEqualTo(OPEN);

		figures.add(heapAfterFullGc());

		String member = "bm7";
		createBenchMember(member);
		int year = java.time.LocalDate.now().getYear() - 1;
		long pieceId = departmentTemplate.id() + 3 * BacklogLoader.ID_STRIDE;
		String groupFilter = filterId("本组待办");
		String overdueFilter = filterId("超期");

		Latency floor = measure(() -> get("liqiang", "demo", "/api/session"));
		Latency bareGroupQuery = measure(() -> {
			List<String> groups = List.of(Role.INFO_SECTION.groupId());
			this.engine.tasks()
				.createTaskQuery()
				.taskCandidateGroupIn(groups)
				.taskUnassigned()
				.orderByDueDate()
				.asc()
				.listPage(0, 15);
			this.engine.tasks().createTaskQuery().taskCandidateGroupIn(groups).taskUnassigned().count();
			return HttpStatus.OK;
		});
		long infoSection = this.engine.tasks()
			.createTaskQuery()
			.taskCandidateGroup(Role.INFO_SECTION.groupId())
			.taskUnassigned()
			.count();
		figures.add(figure(
				"Tasklist group filter 本组待办 (info-section, " + infoSection
						+ " unclaimed tasks), first page of 15 with count, by due date",
				measure(() -> filterPage("liqiang", groupFilter)), "bare engine TaskQuery (Java, no authorization)",
				bareGroupQuery, 50));
		// Where the filter's time goes: the same page as plain JSON, and the count alone.
		figures.add(diagnostic("engine-rest task page as JSON (GET /task?candidateGroup=&unassigned=, 15 by due date)",
				measure(() -> get("liqiang", "demo",
						"/engine-rest/task?candidateGroup=info-section&unassigned=true&sortBy=dueDate&sortOrder=asc"
								+ "&firstResult=0&maxResults=15"),
						DIAGNOSTIC_RUNS),
				bareGroupQuery));
		figures.add(diagnostic("engine-rest filter count alone (GET /filter/{id}/count)",
				measure(() -> get("liqiang", "demo", "/engine-rest/filter/" + groupFilter + "/count"), DIAGNOSTIC_RUNS),
				bareGroupQuery));
		// A reviewer's group: the secretary-general's sign-offs, a fifth of the
		// info-section's share.
		long signoffs = this.engine.tasks()
			.createTaskQuery()
			.taskCandidateGroup(Role.SECRETARY_GENERAL.groupId())
			.taskUnassigned()
			.count();
		figures.add(figure(
				"Tasklist group filter 本组待办 of a reviewer (secretary-general, " + signoffs
						+ " sign-offs), first page of 15 with count, by due date",
				measure(() -> filterPage("chenjun", groupFilter)), "bare engine TaskQuery (Java, no authorization)",
				bareGroupQuery, 50));
		figures.add(figure("Tasklist filter 超期 (overdue), first page of 15 with count",
				measure(() -> filterPage("liqiang", overdueFilter)), "bare engine TaskQuery (Java, no authorization)",
				bareGroupQuery, 50));
		figures.add(figure("my pieces (GET /api/pieces/mine), a member with ~" + (ARCHIVED + OPEN) / 2000 + " pieces",
				measure(() -> get(member, "Bench-Member-1", "/api/pieces/mine")), "HTTP floor GET /api/session", floor,
				50));
		figures.add(figure("annual statistics report " + year + " (GET /api/statistics/report)",
				measure(() -> get("huangwei", "demo", "/api/statistics/report?year=" + year)),
				"HTTP floor GET /api/session", floor, 200));
		figures.add(figure("ranking " + year + " (GET /api/statistics/ranking)",
				measure(() -> get("huangwei", "demo", "/api/statistics/ranking?year=" + year)),
				"HTTP floor GET /api/session", floor, 50));
		figures.add(figure("Cockpit overdue dashboard, first page of 50 with total (GET /api/supervision/overdue)",
				measure(() -> get("zhengyu", "demo", "/api/supervision/overdue")), "HTTP floor GET /api/session", floor,
				50));
		figures.add(figure("a piece with its timeline (GET /api/pieces/{id})",
				measure(() -> get("liqiang", "demo", "/api/pieces/" + pieceId)), "HTTP floor GET /api/session", floor,
				50));
		BenchResults.record(TestDatabase.name(), figures);
	}

	/** Refused at registration: the process ends there. */
	private Piece rejected() {
		ProcessInstance instance = this.lifecycle.submit(PieceFixtures.piece().title("基准：不予采用"));
		Map<String, Object> reject = PieceFixtures.accept(false);
		reject.put(PieceProcess.REGISTRATION_DECISION, PieceProcess.REJECT);
		reject.put(PieceProcess.REGISTRATION_COMMENT, "不予采用");
		this.lifecycle.complete("liqiang", instance.getId(), reject);
		return piece(instance);
	}

	/**
	 * Published, dispatched, optionally instructed and replied to, then archived when the
	 * window ends.
	 */
	private Piece archived(boolean instructed) {
		ProcessInstance instance = dispatched();
		if (instructed) {
			instruct(instance);
			Task handle = departmentTask(instance);
			Map<String, Object> reply = new HashMap<>();
			reply.put(FollowupProcess.HANDLE_DECISION, FollowupProcess.REPLY);
			reply.put(FollowupProcess.REPLY_RESULT, "已研究落实，相关措施本月起实施。");
			reply.put(FollowupProcess.RESOLUTION, "solved");
			reply.put(FollowupProcess.SUBMITTER_CONTACTED, true);
			reply.put(FollowupProcess.CONTACT_METHOD, "phone");
			this.lifecycle.users().run("wuhao", () -> this.engine.tasks().complete(handle.getId(), reply));
			Task review = this.engine.tasks()
				.createTaskQuery()
				.processInstanceBusinessKey(piece(instance).registrationNumber())
				.taskDefinitionKey(FollowupProcess.TASK_REVIEW_REPLY)
				.singleResult();
			this.lifecycle.users()
				.run("zhengyu", () -> this.engine.tasks()
					.complete(review.getId(), Map.of(FollowupProcess.REVIEW_DECISION, FollowupProcess.ACCEPT)));
		}
		Job window = this.engine.management()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(FollowupProcess.TIMER_INSTRUCTION_WINDOW)
			.singleResult();
		this.engine.management().executeJob(window.getId());
		assertThat(this.engine.runtime().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
			.isZero();
		return piece(instance);
	}

	/** A piece waiting at one step, with its open task. */
	private Piece waitingAt(String step) {
		ProcessInstance instance = this.lifecycle.submit(PieceFixtures.piece().title("基准：待办于" + step));
		if (step.equals("register")) {
			return piece(instance);
		}
		this.lifecycle.complete("liqiang", instance.getId(), PieceFixtures.accept(false));
		if (step.equals("edit")) {
			return piece(instance);
		}
		Map<String, Object> edit = new HashMap<>();
		edit.put(PieceProcess.EDIT_ACTION, PieceProcess.EDIT);
		edit.put(PieceProcess.EDITED_TITLE, "基准：编辑稿");
		edit.put(PieceProcess.EDITED_SITUATION, "情况（编辑稿）");
		edit.put(PieceProcess.EDITED_ANALYSIS, "问题（编辑稿）");
		edit.put(PieceProcess.EDITED_SUGGESTIONS, "建议（编辑稿）");
		this.lifecycle.complete("liqiang", instance.getId(), edit);
		if (step.equals("signoff")) {
			return piece(instance);
		}
		instance = dispatchedFrom(instance, step.equals("dispatch"));
		if (step.equals("dispatch")) {
			return piece(instance);
		}
		instruct(instance);
		return piece(instance);
	}

	private ProcessInstance dispatched() {
		ProcessInstance instance = this.lifecycle.signedOff(PieceFixtures.piece().title("基准：已归档"));
		return dispatchedFrom(instance, false);
	}

	/**
	 * Signs off (if needed), publishes and, unless asked to stop before it, dispatches
	 * without upward levels.
	 */
	private ProcessInstance dispatchedFrom(ProcessInstance instance, boolean stopAtDispatch) {
		while (true) {
			Task task = this.lifecycle.task(instance.getId());
			if (task == null || !task.getTaskDefinitionKey().startsWith("task_signoff")) {
				break;
			}
			String user = task.getTaskDefinitionKey().equals(PieceProcess.TASK_SIGNOFF_VICE_CHAIR) ? "sunli"
					: "chenjun";
			this.lifecycle.complete(user, instance.getId(),
					Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE));
		}
		this.lifecycle.publish(piece(instance).registrationNumber());
		if (!stopAtDispatch) {
			Map<String, Object> choices = new HashMap<>();
			choices.put(DispatchProcess.DIRECT_REPORT, true);
			choices.put(DispatchProcess.UPWARD_CITY, false);
			choices.put(DispatchProcess.UPWARD_PROVINCE, false);
			choices.put(DispatchProcess.UPWARD_NATIONAL, false);
			this.lifecycle.complete("liqiang", instance.getId(), choices);
		}
		return instance;
	}

	private void instruct(ProcessInstance instance) {
		assertThat(ApiActions.instruct(new Http(this.rest), piece(instance).id(), "housing-bureau").getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	private Task departmentTask(ProcessInstance instance) {
		return this.engine.tasks()
			.createTaskQuery()
			.processInstanceBusinessKey(piece(instance).registrationNumber())
			.taskDefinitionKey(FollowupProcess.TASK_HANDLE)
			.taskCandidateGroup(FollowupService.departmentGroup("housing-bureau"))
			.singleResult();
	}

	private Piece piece(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow();
	}

	/** One of the cloned pieces' submitters, able to log in. */
	private void createBenchMember(String id) {
		if (this.engine.identity().createUserQuery().userId(id).count() == 0) {
			User user = this.engine.identity().newUser(id);
			user.setFirstName("基准");
			user.setLastName("委员");
			user.setPassword("Bench-Member-1");
			this.engine.identity().saveUser(user);
			this.engine.identity().createMembership(id, Role.SUBMITTER.groupId());
		}
	}

	private String filterId(String name) {
		return this.engine.filters().createFilterQuery().filterName(name).singleResult().getId();
	}

	/**
	 * What Tasklist sends for a filter: the first page as HAL, which carries the count.
	 */
	private HttpStatus filterPage(String user, String filterId) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
		ResponseEntity<String> response = this.rest.withBasicAuth(user, "demo")
			.exchange("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", HttpMethod.POST,
					new HttpEntity<>("{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}", headers),
					String.class);
		return (HttpStatus) response.getStatusCode();
	}

	private HttpStatus get(String user, String password, String path) {
		return (HttpStatus) this.rest.withBasicAuth(user, password).getForEntity(path, String.class).getStatusCode();
	}

	private record Latency(double p50, double p95, double p99) {
	}

	private static Latency measure(Supplier<HttpStatus> call) {
		return measure(call, RUNS);
	}

	private static Latency measure(Supplier<HttpStatus> call, int runs) {
		for (int i = 0; i < 20; i++) {
			assertThat(call.get()).isEqualTo(HttpStatus.OK);
		}
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			HttpStatus status = call.get();
			nanos[i] = System.nanoTime() - start;
			assertThat(status).isEqualTo(HttpStatus.OK);
		}
		double[] p = BenchResults.percentiles(nanos);
		return new Latency(p[0], p[1], p[2]);
	}

	private static Figure figure(String name, Latency latency, String baselineName, Latency baseline, int targetMs) {
		return new Figure(GROUP, name + " p95", latency.p95(), "ms", baselineName + " p95", baseline.p95(),
				latency.p95() / baseline.p95(), "p95 < " + targetMs + " ms", latency.p95() < targetMs,
				"p50 %.1f ms, p99 %.1f ms, %d runs".formatted(latency.p50(), latency.p99(), RUNS));
	}

	private static Figure diagnostic(String name, Latency latency, Latency bare) {
		return new Figure(GROUP, name + " p95", latency.p95(), "ms", "bare engine TaskQuery p95", bare.p95(),
				latency.p95() / bare.p95(), null, null,
				"p50 %.1f ms, p99 %.1f ms, %d runs; shows where the filter's time goes".formatted(latency.p50(),
						latency.p99(), DIAGNOSTIC_RUNS));
	}

	private static Figure heapAfterFullGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		double heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
		return new Figure("memory", "heap used after the backlog load and a full GC (test JVM)", heapMb, "MB", null,
				null, null, "< 512 MB", heapMb < 512, "the whole test JVM: application, engine caches, test framework");
	}

}
