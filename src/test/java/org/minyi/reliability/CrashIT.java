package org.minyi.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application on PostgreSQL, killed with SIGKILL in the middle of driving
 * 500 pieces from 8 client threads, restarted on the same database: the clients retry
 * what failed, and in the end every piece is archived, no registration number is
 * duplicated or skipped, no task or timer is lost and every mail queued before the kill
 * is delivered. {@code mvn verify -Preliability}.
 */
class CrashIT {

	static final int PIECES = Integer.getInteger("minyi.reliability.crash.pieces", 500);

	static final int THREADS = 8;

	static final int LOCK_MILLIS = 15_000;

	/**
	 * Task completions per piece on average: register, edit, 4/3 sign-offs, assemble,
	 * distribute, dispatch, ½ answer.
	 */
	static final double TASKS_PER_PIECE = 5 + 4.0 / 3 + 0.5;

	@Test
	void killedMidRunLosesAndDuplicatesNothing() throws Exception {
		long started = System.nanoTime();
		ReliabilityDatabase db = ReliabilityDatabase.create("minyi_crash");
		GreenMail mail = new GreenMail(new ServerSetup(AppProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		AppProcess app = new AppProcess("crash", db.properties(), mail.getSmtp().getPort(),
				// Jobs the killed JVM had locked wait for their lock to expire (5 minutes
				// by default).
				List.of("--minyi.dispatch.answer-wait=PT30S", "--minyi.followup.instruction-window=PT15S",
						"--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS));
		ExecutorService clients = Executors.newFixedThreadPool(THREADS);
		try {
			app.start(Duration.ofMinutes(3));
			LifecycleClient client = new LifecycleClient(List.of(app));
			long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
			List<Future<Long>> driven = new ArrayList<>();
			for (int i = 1; i <= PIECES; i++) {
				LifecycleClient.Plan plan = LifecycleClient.Plan.of("C", i);
				driven.add(clients.submit(() -> client.drive(plan, deadline)));
			}

			int killAt = (int) (PIECES * TASKS_PER_PIECE * 0.4);
			while (client.counters().completed.get() < killAt) {
				assertThat(System.nanoTime()).as("kill point reached in time").isLessThan(deadline);
				AppProcess.sleep(20);
			}
			Outcome outcome = new Outcome(db, mail);
			app.kill();
			long killedAfter = Duration.ofNanos(System.nanoTime() - started).toSeconds();
			int completedAtKill = client.counters().completed.get();
			long piecesAtKill = db.count("SELECT COUNT(*) FROM minyi_piece");
			Set<Long> queuedAtKill = outcome.queuedMails();
			Set<Long> inFlightAtKill = outcome.mailsInFlight();
			int receivedAtKill = mail.getReceivedMessages().length;
			// The state the crash left behind, before anything repairs it.
			assertThat(db.inconsistentPieces()).as("pieces out of step with their processes after the kill").isEmpty();
			assertThat(db.registrationNumberGaps()).as("registration numbers after the kill").isEmpty();

			long down = System.nanoTime();
			app.start(Duration.ofMinutes(3));
			long downSeconds = Duration.ofNanos(System.nanoTime() - down).toSeconds();
			for (Future<Long> piece : driven) {
				piece.get();
			}
			outcome.awaitQuiet(PIECES, Duration.ofMinutes(4));
			outcome.verify(PIECES, queuedAtKill, inFlightAtKill);

			outcome.figures().put("clientThreads", THREADS);
			outcome.figures().put("killAfterSeconds", killedAfter);
			outcome.figures().put("taskCompletionsBeforeKill", completedAtKill);
			outcome.figures().put("piecesSubmittedBeforeKill", piecesAtKill);
			outcome.figures().put("mailsReceivedBeforeKill", receivedAtKill);
			outcome.figures().put("restartSeconds", downSeconds);
			outcome.figures().put("connectionErrorsRetried", client.counters().connectionErrors.get());
			outcome.figures().put("completionsConfirmedAfterLostAnswer", client.counters().completedByLostAnswer.get());
			outcome.figures().put("httpRequests", client.counters().requests.get());
			outcome.figures().put("wallSeconds", Duration.ofNanos(System.nanoTime() - started).toSeconds());
			outcome.write("crash");
		}
		finally {
			clients.shutdownNow();
			app.stop();
			mail.stop();
			db.close();
		}
	}

}
