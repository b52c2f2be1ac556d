package org.minyi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.followup.FollowupProcess;
import org.minyi.instruction.InstructionProcess;
import org.minyi.piece.PieceProcess;
import org.minyi.support.BenchResults;
import org.minyi.support.BenchResults.Figure;
import org.minyi.support.Engine;
import org.minyi.support.HeapMeter;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.TestDatabase;
import org.minyi.support.Users;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Lifecycle throughput: N pieces (system property {@code minyi.bench.pieces}, default
 * 2,000) driven by {@code minyi.bench.threads} client threads (default 4) through the
 * whole happy path with the job executor on, history full and mail going out over SMTP
 * (GreenMail on loopback). Baselines in the same run: a standalone Camunda engine on its
 * own database of the same server completing the same number of plain user tasks, and the
 * database's own rate of single-row commits. The 30-day instruction window is made to
 * pass by setting its timer job due now; the job executor then fires it and archives the
 * piece. Run: {@code mvn -Pbench verify} (PostgreSQL only).
 */
@Tag("benchmark")
@MinyiIntegrationTest
class LifecycleThroughputBenchmarkTest {

	private static final int PIECES = Integer.getInteger("minyi.bench.pieces", 2000);

	private static final int THREADS = Integer.getInteger("minyi.bench.threads", 4);

	private static final int WARM_UP = Math.min(40, PIECES);

	private static final long COMMIT_MILLIS = 5000;

	private static final String[] TOPICS = { "老旧小区加装电梯", "校园周边交通安全", "社区养老服务设施", "农村生活污水治理", "菜市场提质改造", "中小企业融资",
			"基层医疗人才", "背街小巷照明" };

	@Autowired
	ProcessEngineConfigurationImpl engineConfiguration;

	@Autowired
	Engine engine;

	@Autowired
	Users users;

	@Autowired
	ObjectProvider<JavaMailSender> mailSender;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	private final Map<String, List<String>> groupsOf = new ConcurrentHashMap<>();

	@Test
	void lifecycleThroughputAgainstTheBareEngineAndTheDatabase() throws Exception {
		double heapBefore = HeapMeter.usedAfterFullGcMb();
		Run ours;
		JavaMailSenderImpl mail = (JavaMailSenderImpl) this.mailSender.getObject();
		int mailPort = mail.getPort();
		GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		JobExecutor jobExecutor = this.engineConfiguration.getJobExecutor();
		Date runStart = new Date();
		int mails;
		smtp.start();
		mail.setPort(smtp.getSmtp().getPort());
		jobExecutor.start();
		try {
			drivePieces(WARM_UP, "warm-up");
			int mailsBefore = smtp.getReceivedMessages().length;
			ours = drivePieces(PIECES, "measured");
			mails = smtp.getReceivedMessages().length - mailsBefore;
		}
		finally {
			jobExecutor.shutdown();
			mail.setPort(mailPort);
			smtp.stop();
		}
		int tasksPerPiece = Math.round((float) ours.tasks() / PIECES);
		assertThat(ours.tasks()).isEqualTo((long) tasksPerPiece * PIECES);
		assertThat(failedJobsSince(runStart)).as("jobs (mails, timers) that failed during the run").isZero();
		assertThat(mails).as("mails sent by the job executor").isGreaterThanOrEqualTo(PIECES);

		Run bare;
		Connections bareDatabase = bareDatabase();
		try (HikariDataSource pool = pool(bareDatabase)) {
			ProcessEngine standalone = bareEngine(pool);
			try {
				standalone.getRepositoryService()
					.createDeployment()
					.addModelInstance("bench-bare.bpmn", bareModel(tasksPerPiece))
					.deploy();
				driveBare(standalone, WARM_UP, tasksPerPiece);
				bare = driveBare(standalone, PIECES, tasksPerPiece);
			}
			finally {
				standalone.close();
			}
		}
		finally {
			bareDatabase.drop().run();
		}
		double commits = commitRate();
		String fsync = TestDatabase.isPostgres() ? "fsync=" + this.jdbc.queryForObject("SHOW fsync", String.class)
				: "H2";
		double heapAfter = HeapMeter.usedAfterFullGcMb();

		double ourTasks = ours.tasks() / ours.seconds();
		double bareTasks = bare.tasks() / bare.seconds();
		String db = TestDatabase.name();
		String setup = "%d pieces, %d client threads, %d user tasks each".formatted(PIECES, THREADS, tasksPerPiece);
		List<Figure> figures = List.of(new Figure("lifecycle", "pieces through the happy path per second",
				PIECES / ours.seconds(), "pieces/s", "bare engine instances/s", PIECES / bare.seconds(),
				bare.seconds() / ours.seconds(), null, null,
				setup + "; %.1f s until the last piece was archived and no job was due (clients done after %.1f s; first half of the pieces %.1f pieces/s, second half %.1f pieces/s); %d mails sent over SMTP by the job executor; the 30-day instruction window's timer set due at once (ManagementService#setJobDuedate) and fired by the job executor"
					.formatted(ours.seconds(), ours.clientSeconds(), (PIECES / 2) / ours.firstHalfSeconds(),
							(PIECES - PIECES / 2) / (ours.clientSeconds() - ours.firstHalfSeconds()), mails)),
				new Figure("lifecycle", "user-task completions per second", ourTasks, "tasks/s", "bare engine tasks/s",
						bareTasks, ourTasks / bareTasks, ">= 0.7 x bare engine", ourTasks >= 0.7 * bareTasks,
						"ours: %s; bare engine (a standalone engine of the same Camunda version, own database on the same server, history full, job executor on, plain user tasks with a candidate group, %.1f s): %s"
							.formatted(ours.work().perTask(ours.tasks()), bare.seconds(),
									bare.work().perTask(bare.tasks()))),
				new Figure("lifecycle", "user-task completions vs. single-row commits per second", ourTasks, "tasks/s",
						"single-row commits/s", commits, ourTasks / commits, null, null,
						"%d threads, autocommit INSERT of one row for %d s, same server (%s)".formatted(THREADS,
								COMMIT_MILLIS / 1000, fsync)),
				new Figure("memory", "test application heap after the throughput run, full GC", heapAfter, "MB",
						"heap before the run", heapBefore, heapAfter / heapBefore, "< 512 MB", heapAfter < 512,
						"used heap of the test JVM (the whole application) after System.gc(), GreenMail stopped"));
		BenchResults.record(db, figures);
		assertThat(ourTasks).isPositive();
	}

	/**
	 * One measured run: user tasks completed, wall time to the end of all work, of the
	 * clients' work and of the clients' first half of the pieces; the database's commits
	 * and rows written meanwhile.
	 */
	private record Run(long tasks, double seconds, double clientSeconds, double firstHalfSeconds, Work work) {
	}

	/**
	 * Commits and rows written (inserted, updated, deleted) in one database, from
	 * pg_stat_database.
	 */
	private record Work(long commits, long rows) {

		Work minus(Work before) {
			return new Work(this.commits - before.commits, this.rows - before.rows);
		}

		String perTask(long tasks) {
			return "%.1f commits and %.0f rows written per user task".formatted((double) this.commits / tasks,
					(double) this.rows / tasks);
		}

	}

	// ---- our application
	// -------------------------------------------------------------------------

	private Run drivePieces(int count, String label) throws Exception {
		int archivedBefore = archived();
		String database = this.jdbc.queryForObject("SELECT current_database()", String.class);
		Work before = work(database);
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		AtomicLong half = new AtomicLong();
		AtomicLong tasks = new AtomicLong();
		List<String> instances = new CopyOnWriteArrayList<>();
		long start = System.nanoTime();
		runThreads(() -> {
			for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
				instances.add(piece(label + "-" + i, i, tasks));
				int finished = done.incrementAndGet();
				if (finished == count / 2) {
					half.set(System.nanoTime());
				}
				if (finished % 250 == 0) {
					System.out.printf("%s: %d pieces, %.1f s%n", label, finished, (System.nanoTime() - start) / 1e9);
				}
			}
		});
		long clientsDone = System.nanoTime();
		awaitArchived(instances);
		long end = System.nanoTime();
		assertThat(archived() - archivedBefore).as("pieces archived by the " + label + " run").isEqualTo(count);
		return new Run(tasks.get(), (end - start) / 1e9, (clientsDone - start) / 1e9, (half.get() - start) / 1e9,
				work(database).minus(before));
	}

	/**
	 * One piece through the happy path as the demo users would drive it; returns its
	 * process instance.
	 */
	private String piece(String tag, int i, AtomicLong tasks) {
		String topic = TOPICS[i % TOPICS.length];
		PieceFixtures fixture = PieceFixtures.piece()
			.title("关于" + topic + "的建议（" + tag + "）")
			.situation("我区" + topic + "方面群众反映较多，" + tag + "号调研显示问题集中在审批环节和资金保障。");
		String piece = as("wangfang",
				() -> this.engine.runtime().startProcessInstanceByKey(PieceProcess.KEY, fixture.variables()).getId());

		complete("liqiang", piece, PieceFixtures.accept(true), tasks);
		complete("zhoumin", piece, Map.of(PieceProcess.VERIFICATION_RESULT, PieceProcess.CONFIRMED,
				PieceProcess.VERIFICATION_NOTES, "经电话核实，情况属实。"), tasks);
		Map<String, Object> edit = new HashMap<>();
		edit.put(PieceProcess.EDIT_ACTION, PieceProcess.EDIT);
		edit.put(PieceProcess.EDITED_TITLE, fixture.build().title());
		edit.put(PieceProcess.EDITED_SITUATION, fixture.build().situation());
		edit.put(PieceProcess.EDITED_ANALYSIS, "问题（编辑稿）");
		edit.put(PieceProcess.EDITED_SUGGESTIONS, "建议（编辑稿）");
		complete("liqiang", piece, edit, tasks);
		for (Task signoff = task(piece); signoff != null
				&& signoff.getTaskDefinitionKey().startsWith("task_signoff"); signoff = task(piece)) {
			String user = signoff.getTaskDefinitionKey().equals(PieceProcess.TASK_SIGNOFF_VICE_CHAIR) ? "sunli"
					: "chenjun";
			complete(user, signoff, Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE), tasks);
		}
		String number = (String) this.engine.runtime().getVariable(piece, PieceProcess.REGISTRATION_NUMBER);

		String bulletin = as("liqiang",
				() -> this.engine.runtime()
					.startProcessInstanceByKey(DispatchProcess.BULLETIN_KEY,
							Map.of(DispatchProcess.PUBLICATION, "bulletin"))
					.getId());
		complete("liqiang", bulletin, Map.of(DispatchProcess.PIECE_NUMBERS, number), tasks);
		complete("liqiang", bulletin, Map.of(), tasks);

		String dispatch = called(piece);
		complete("liqiang", dispatch, Map.of(DispatchProcess.DIRECT_REPORT, true, DispatchProcess.UPWARD_CITY, true),
				tasks);
		complete("liqiang", dispatch, Map.of(DispatchProcess.ADOPTION_FORM, "single", DispatchProcess.ADOPTED_ON,
				LocalDate.now().toString(), DispatchProcess.ADOPTION_REFERENCE, "市政协《社情民意》采用"), tasks);

		Map<String, Object> instruction = new HashMap<>();
		instruction.put("pieceNumber", number);
		instruction.put("leaderCode", "district-mayor");
		instruction.put("instructedOn", LocalDate.now().toString());
		instruction.put("instructionText", "请区住建局牵头研究，抓好落实。");
		instruction.put("leadDepartment", "housing-bureau");
		as("liqiang", () -> this.engine.runtime().startProcessInstanceByKey(InstructionProcess.KEY, instruction));
		String followup = called(piece);
		Map<String, Object> reply = new HashMap<>();
		reply.put(FollowupProcess.HANDLE_DECISION, FollowupProcess.REPLY);
		reply.put(FollowupProcess.REPLY_RESULT, "已制定并联审批办法，本月起实施。");
		reply.put(FollowupProcess.RESOLUTION, "solved");
		reply.put(FollowupProcess.SUBMITTER_CONTACTED, true);
		reply.put(FollowupProcess.CONTACT_METHOD, "phone");
		complete("wuhao", followup, reply, tasks);
		complete("zhengyu", followup, Map.of(FollowupProcess.REVIEW_DECISION, FollowupProcess.ACCEPT), tasks);

		// The 30-day instruction window: due now, so the job executor fires it and the
		// piece is archived.
		Job window = this.engine.management()
			.createJobQuery()
			.processInstanceId(piece)
			.activityId(FollowupProcess.TIMER_INSTRUCTION_WINDOW)
			.singleResult();
		this.engine.management().setJobDuedate(window.getId(), new Date(System.currentTimeMillis() - 1000));
		return piece;
	}

	private void complete(String userId, String processInstanceId, Map<String, Object> variables, AtomicLong tasks) {
		Task task = task(processInstanceId);
		if (task == null) {
			throw new IllegalStateException("No open task in process instance " + processInstanceId);
		}
		complete(userId, task, variables, tasks);
	}

	private void complete(String userId, Task task, Map<String, Object> variables, AtomicLong tasks) {
		as(userId, () -> {
			this.engine.tasks().complete(task.getId(), variables);
			return null;
		});
		tasks.incrementAndGet();
	}

	private Task task(String processInstanceId) {
		return this.engine.tasks().createTaskQuery().processInstanceId(processInstanceId).singleResult();
	}

	private String called(String processInstanceId) {
		return this.engine.runtime()
			.createProcessInstanceQuery()
			.superProcessInstanceId(processInstanceId)
			.singleResult()
			.getId();
	}

	/**
	 * Engine calls as a signed-in user; the groups are looked up once, as a session would
	 * hold them.
	 */
	private <T> T as(String userId, Callable<T> work) {
		return this.users.as(userId, this.groupsOf.computeIfAbsent(userId, this.users::groupsOf), work);
	}

	/**
	 * Until every piece process has ended and no job is due (mails included), at most ten
	 * minutes.
	 */
	private void awaitArchived(List<String> instances) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (System.nanoTime() < deadline) {
			long open = 0;
			for (int from = 0; from < instances.size(); from += 1000) {
				List<String> slice = instances.subList(from, Math.min(instances.size(), from + 1000));
				open += this.engine.runtime()
					.createProcessInstanceQuery()
					.processInstanceIds(new HashSet<>(slice))
					.count();
			}
			if (open == 0 && this.engine.management().createJobQuery().executable().count() == 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Pieces not archived within ten minutes");
	}

	/**
	 * The database's own count of commits and written rows, once its statistics have
	 * caught up.
	 */
	private Work work(String database) throws InterruptedException {
		if (!TestDatabase.isPostgres()) {
			return new Work(0, 0);
		}
		Thread.sleep(1500);
		return this.jdbc.queryForObject(
				"SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname = ?",
				(rs, row) -> new Work(rs.getLong(1), rs.getLong(2)), database);
	}

	private long failedJobsSince(Date since) {
		return this.engine.management()
			.createJobQuery()
			.withException()
			.list()
			.stream()
			.filter((job) -> !job.getCreateTime().before(since))
			.count();
	}

	private int archived() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM minyi_piece WHERE status = 'ARCHIVED'", Integer.class);
	}

	// ---- baseline (a): the bare engine
	// -----------------------------------------------------------

	/**
	 * Plain user tasks in a row, each for a candidate group, as many as one piece's happy
	 * path has.
	 */
	private static BpmnModelInstance bareModel(int userTasks) {
		AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("bench-bare")
			.camundaHistoryTimeToLive(3650)
			.startEvent();
		for (int t = 0; t < userTasks; t++) {
			flow = flow.userTask("task_" + t).camundaCandidateGroups("info-section");
		}
		return flow.endEvent().done();
	}

	private Run driveBare(ProcessEngine standalone, int count, int tasksPerInstance) throws Exception {
		Work before = work("bench_bare");
		AtomicInteger next = new AtomicInteger();
		AtomicLong tasks = new AtomicLong();
		long start = System.nanoTime();
		runThreads(() -> {
			RuntimeService runtime = standalone.getRuntimeService();
			TaskService taskService = standalone.getTaskService();
			for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
				Map<String, Object> variables = PieceFixtures.piece().title("关于加装电梯的建议（" + i + "）").variables();
				String instance = runtime.startProcessInstanceByKey("bench-bare", variables).getId();
				for (int t = 0; t < tasksPerInstance; t++) {
					Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
					taskService.complete(task.getId(), Map.of("decision", "approve"));
					tasks.incrementAndGet();
				}
			}
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		assertThat(standalone.getRuntimeService().createProcessInstanceQuery().count()).isZero();
		return new Run(tasks.get(), seconds, seconds, Double.NaN, work("bench_bare").minus(before));
	}

	private static ProcessEngine bareEngine(DataSource pool) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("bench-bare");
		configuration.setDataSource(pool);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(true);
		return configuration.buildProcessEngine();
	}

	/** The same pool size as the application's (Hikari's default of ten). */
	private static HikariDataSource pool(Connections database) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.url());
		config.setUsername(database.user());
		config.setPassword(database.password());
		config.setMaximumPoolSize(10);
		config.setPoolName("bench-bare");
		return new HikariDataSource(config);
	}

	/**
	 * A database of its own for the bare engine: on PostgreSQL a new one on the same
	 * server.
	 */
	private Connections bareDatabase() {
		Map<String, String> app = TestDatabase.datasourceProperties();
		String user = app.get("spring.datasource.username");
		String password = app.get("spring.datasource.password");
		if (!TestDatabase.isPostgres()) {
			return new Connections("jdbc:h2:mem:bench-bare;DB_CLOSE_DELAY=-1", "sa", "", () -> {
			});
		}
		Matcher url = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)")
			.matcher(app.get("spring.datasource.url"));
		assertThat(url.matches()).as("PostgreSQL URL").isTrue();
		this.jdbc.execute("DROP DATABASE IF EXISTS bench_bare");
		this.jdbc.execute("CREATE DATABASE bench_bare");
		return new Connections(url.group(1) + "bench_bare" + url.group(3), user, password,
				() -> this.jdbc.execute("DROP DATABASE IF EXISTS bench_bare"));
	}

	private record Connections(String url, String user, String password, Runnable drop) {
	}

	// ---- baseline (b): the database's commit rate
	// ------------------------------------------------

	/**
	 * Single-row INSERT transactions (autocommit) from the client threads into a scratch
	 * table.
	 */
	private double commitRate() throws Exception {
		this.jdbc.execute("CREATE TABLE bench_commit (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
				+ "thread INT NOT NULL, payload VARCHAR(100) NOT NULL)");
		try {
			AtomicLong commits = new AtomicLong();
			AtomicInteger threadNo = new AtomicInteger();
			long start = System.nanoTime();
			long end = start + TimeUnit.MILLISECONDS.toNanos(COMMIT_MILLIS);
			runThreads(() -> {
				int thread = threadNo.getAndIncrement();
				try (Connection connection = this.dataSource.getConnection();
						PreparedStatement insert = connection
							.prepareStatement("INSERT INTO bench_commit (thread, payload) VALUES (?, ?)")) {
					connection.setAutoCommit(true);
					while (System.nanoTime() < end) {
						insert.setInt(1, thread);
						insert.setString(2, "一行一事务");
						insert.executeUpdate();
						commits.incrementAndGet();
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			double seconds = (System.nanoTime() - start) / 1e9;
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM bench_commit", Long.class))
				.isEqualTo(commits.get());
			return commits.get() / seconds;
		}
		finally {
			this.jdbc.execute("DROP TABLE bench_commit");
		}
	}

	// ---- shared
	// --------------------------------------------------------------------------------------

	/** The same work on every client thread; the first failure fails the benchmark. */
	private static void runThreads(Runnable work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				futures.add(pool.submit(work));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
