package org.minyi.reliability;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's shared-database cluster: two nodes of the packaged application on one
 * PostgreSQL, both with the job executor on, every request to either node. One node is
 * killed with SIGKILL while it holds locked jobs; the other takes them over once their
 * lock expires. Timers, mails and statistics take effect exactly once across the cluster.
 * {@code mvn verify -Preliability}.
 */
class ClusterIT {

	static final int PIECES = Integer.getInteger("minyi.reliability.cluster.pieces", 1000);

	static final int THREADS = 8;

	static final int LOCK_MILLIS = 10_000;

	@Test
	void twoNodesRunEveryJobOnceAndSurviveTheLossOfOne() throws Exception {
		long started = System.nanoTime();
		ReliabilityDatabase db = ReliabilityDatabase.create("minyi_cluster");
		GreenMail mail = new GreenMail(new ServerSetup(AppProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		List<String> settings = List.of("--minyi.dispatch.answer-wait=PT30S",
				"--minyi.followup.instruction-window=PT15S",
				"--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
				"--camunda.bpm.job-execution.deployment-aware=false");
		AppProcess nodeA = new AppProcess("node-a", db.properties(), mail.getSmtp().getPort(), settings);
		AppProcess nodeB = new AppProcess("node-b", db.properties(), mail.getSmtp().getPort(), settings);
		ExecutorService clients = Executors.newFixedThreadPool(THREADS);
		try {
			// One after the other: the first creates the schema and the administrator (as
			// in compose.cluster.yaml).
			nodeA.start(Duration.ofMinutes(3));
			nodeB.start(Duration.ofMinutes(3));
			assertThat(db.count("SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'minyi-piece'"))
				.as("one deployment shared by both nodes")
				.isEqualTo(1);
			LifecycleClient client = new LifecycleClient(List.of(nodeA, nodeB));
			long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
			List<Future<Long>> driven = new ArrayList<>();
			for (int i = 1; i <= PIECES; i++) {
				LifecycleClient.Plan plan = LifecycleClient.Plan.of("K", i);
				driven.add(clients.submit(() -> client.drive(plan, deadline)));
			}

			// Kill node B after ~40% of the work, at a moment when both nodes hold locked
			// jobs.
			int killAt = (int) (PIECES * CrashIT.TASKS_PER_PIECE * 0.4);
			while (client.counters().completed.get() < killAt || lockOwners(db).size() < 2) {
				assertThat(System.nanoTime()).as("kill point reached in time").isLessThan(deadline);
				AppProcess.sleep(20);
			}
			Outcome outcome = new Outcome(db, mail);
			nodeB.kill();
			client.remove(nodeB);
			long killedAfter = Duration.ofNanos(System.nanoTime() - started).toSeconds();
			int completedAtKill = client.counters().completed.get();
			Set<Long> queuedAtKill = outcome.queuedMails();
			Set<Long> inFlightAtKill = outcome.mailsInFlight();
			List<Map<String, Object>> lockedAtKill = db.jdbc()
				.queryForList("SELECT id_, lock_owner_, lock_exp_time_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL");

			for (Future<Long> piece : driven) {
				piece.get();
			}
			outcome.awaitQuiet(PIECES, Duration.ofMinutes(4));
			outcome.verify(PIECES, queuedAtKill, inFlightAtKill);

			// Every job still locked at the kill ran exactly once, on node A; those node
			// B held waited for
			// their lock to expire first.
			int takenOver = 0;
			for (Map<String, Object> job : lockedAtKill) {
				List<Timestamp> runs = db.jdbc()
					.queryForList("SELECT timestamp_ FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2 "
							+ "AND hostname_ = 'node-a'", Timestamp.class, job.get("id_"));
				assertThat(runs).as("job %s locked at the kill, run once by node A", job).hasSize(1);
				if (!runs.get(0).before((Timestamp) job.get("lock_exp_time_"))) {
					takenOver++;
				}
			}
			assertThat(takenOver).as("jobs of the killed node taken over after their lock expired").isPositive();
			assertThat(db.count("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL")).isZero();
			long byA = db.count("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2 AND hostname_ = 'node-a'");
			long byB = db.count("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2 AND hostname_ = 'node-b'");
			assertThat(byB).as("jobs run by node B before it died").isPositive();

			outcome.figures().put("nodes", 2);
			outcome.figures().put("clientThreads", THREADS);
			outcome.figures().put("lockTimeMillis", LOCK_MILLIS);
			outcome.figures().put("killAfterSeconds", killedAfter);
			outcome.figures().put("taskCompletionsBeforeKill", completedAtKill);
			outcome.figures().put("jobsLockedAtKill", lockedAtKill.size());
			outcome.figures().put("jobsTakenOverAfterLockExpiry", takenOver);
			outcome.figures().put("jobsRunByNodeA", byA);
			outcome.figures().put("jobsRunByNodeB", byB);
			outcome.figures().put("connectionErrorsRetried", client.counters().connectionErrors.get());
			outcome.figures().put("httpRequests", client.counters().requests.get());
			outcome.figures().put("wallSeconds", Duration.ofNanos(System.nanoTime() - started).toSeconds());
			outcome.write("cluster");
		}
		finally {
			clients.shutdownNow();
			nodeA.stop();
			nodeB.stop();
			mail.stop();
			db.close();
		}
	}

	private static List<String> lockOwners(ReliabilityDatabase db) {
		return db.jdbc()
			.queryForList("SELECT DISTINCT lock_owner_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL", String.class);
	}

}
