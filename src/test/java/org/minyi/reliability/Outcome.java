package org.minyi.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end state every reliability run must reach, and its figures: all pieces archived,
 * nothing stuck, numbers gap-free, every mail, timeline event and statistics fact exactly
 * once.
 */
final class Outcome {

	private final ReliabilityDatabase db;

	private final GreenMail mail;

	private final Map<String, Object> figures = new LinkedHashMap<>();

	Outcome(ReliabilityDatabase db, GreenMail mail) {
		this.db = db;
		this.mail = mail;
	}

	Map<String, Object> figures() {
		return this.figures;
	}

	/** Recipient ids of mails not yet accepted by the mail server: queued now. */
	Set<Long> queuedMails() {
		return new HashSet<>(this.db.jdbc()
			.queryForList("SELECT id FROM minyi_notification_recipient WHERE channel = 'MAIL' AND accepted_at IS NULL",
					Long.class));
	}

	/** Recipient ids whose mail job is locked by a node right now: being sent. */
	Set<Long> mailsInFlight() {
		return new HashSet<>(this.db.jdbc()
			.queryForList("SELECT CAST(handler_cfg_ AS BIGINT) FROM act_ru_job WHERE handler_type_ = 'minyi-mail' "
					+ "AND lock_owner_ IS NOT NULL", Long.class));
	}

	/** Waits until every piece is archived, every job done and every mail accepted. */
	void awaitQuiet(int pieces, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		String state = "";
		while (System.nanoTime() < deadline) {
			long open = this.db.count("SELECT COUNT(*) FROM minyi_piece WHERE status <> 'ARCHIVED'");
			long jobs = this.db.count("SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ <> 'timer-start-event'");
			long mails = queuedMails().size();
			long archived = this.db.count("SELECT COUNT(*) FROM minyi_piece WHERE status = 'ARCHIVED'");
			state = open + " pieces not archived, " + jobs + " jobs, " + mails + " mails queued";
			if (archived == pieces && open == 0 && jobs == 0 && mails == 0) {
				return;
			}
			AppProcess.sleep(1000);
		}
		throw new AssertionError("Not finished within " + timeout + ": " + state);
	}

	/**
	 * The checks. {@code crashed}: recipients whose mail job was locked when a node died;
	 * only they may have been delivered twice (sent, node killed before the job's
	 * transaction committed).
	 */
	void verify(int pieces, Set<Long> queuedAtKill, Set<Long> crashed) throws MessagingException {
		assertThat(this.db.count("SELECT COUNT(*) FROM minyi_piece")).as("pieces, each submitted once")
			.isEqualTo(pieces);
		assertThat(this.db.count("SELECT COUNT(DISTINCT title) FROM minyi_piece")).isEqualTo(pieces);
		assertThat(this.db.inconsistentPieces()).as("pieces out of step with their processes").isEmpty();
		assertThat(this.db.count("SELECT COUNT(*) FROM act_ru_execution")).as("running executions").isZero();
		assertThat(this.db.count("SELECT COUNT(*) FROM act_ru_task")).as("open tasks").isZero();
		assertThat(this.db.count("SELECT COUNT(*) FROM act_ru_incident")).as("incidents").isZero();
		assertThat(this.db.count("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'minyi-piece' "
				+ "AND end_act_id_ = 'end_archived'"))
			.as("piece processes ended archived")
			.isEqualTo(pieces);

		assertThat(this.db.registrationNumberGaps()).as("registration number gaps").isEmpty();
		assertThat(this.db.count("SELECT COUNT(DISTINCT registration_number) FROM minyi_piece")).isEqualTo(pieces);
		assertThat(this.db.issueNumberGaps()).as("issue number gaps").isEmpty();
		long issues = this.db.count("SELECT COUNT(*) FROM minyi_bulletin_issue");
		assertThat(this.db.count("SELECT COUNT(*) FROM minyi_issue_piece")).as("pieces published once")
			.isEqualTo(pieces);

		// Timeline and statistics: every event once per piece (the timer-driven ones
		// included).
		List<Map<String, Object>> repeatedSteps = this.db.jdbc()
			.queryForList("SELECT piece_id, step, decision, COUNT(*) AS n FROM minyi_piece_event "
					+ "GROUP BY piece_id, step, decision HAVING COUNT(*) > 1");
		assertThat(repeatedSteps).as("timeline events recorded twice").isEmpty();
		long timerAnswers = this.db.count("SELECT COUNT(*) FROM minyi_piece_event WHERE step = 'no-answer-city'");
		long typedAnswers = this.db.count("SELECT COUNT(*) FROM minyi_piece_event WHERE step = 'adoption-city'");
		assertThat(timerAnswers + typedAnswers).as("upward answers, by timer or task").isEqualTo(pieces);
		assertThat(timerAnswers).isEqualTo(pieces / 2);
		assertThat(this.db.count("SELECT COUNT(*) FROM minyi_piece_event WHERE step = 'task_archive'"))
			.as("archived by the instruction-window timer")
			.isEqualTo(pieces);
		List<Map<String, Object>> repeatedFacts = this.db.jdbc()
			.queryForList("SELECT piece_id, event_type, level, COUNT(*) AS n FROM minyi_stat_fact "
					+ "GROUP BY piece_id, event_type, level HAVING COUNT(*) > 1");
		assertThat(repeatedFacts).as("statistics facts recorded twice").isEmpty();
		Map<String, Long> facts = new HashMap<>();
		this.db.jdbc()
			.queryForList(
					"SELECT event_type || '/' || COALESCE(level, '-') AS kind, COUNT(*) AS n FROM minyi_stat_fact "
							+ "GROUP BY event_type, level")
			.forEach((row) -> facts.put((String) row.get("kind"), ((Number) row.get("n")).longValue()));
		assertThat(facts).containsEntry("submitted/-", (long) pieces)
			.containsEntry("registered/-", (long) pieces)
			.containsEntry("adopted/committee", (long) pieces)
			.containsEntry("adopted/city", typedAnswers);

		// Mail: every recipient's mail accepted and received; a second copy only of a
		// mail in flight at a kill.
		long expectedMails = this.db.count("SELECT COUNT(*) FROM minyi_notification_recipient WHERE channel = 'MAIL'");
		Map<String, Integer> received = new HashMap<>();
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			received.merge(message.getMessageID(), 1, Integer::sum);
		}
		Set<Long> receivedRecipients = new HashSet<>();
		List<String> unexpectedDuplicates = new ArrayList<>();
		int duplicates = 0;
		for (Map.Entry<String, Integer> entry : received.entrySet()) {
			long recipient = Long.parseLong(entry.getKey().split("\\.")[1]);
			receivedRecipients.add(recipient);
			if (entry.getValue() > 1) {
				duplicates += entry.getValue() - 1;
				if (!crashed.contains(recipient)) {
					unexpectedDuplicates.add(entry.getKey());
				}
			}
		}
		assertThat(received).as("distinct mails received").hasSize((int) expectedMails);
		assertThat(receivedRecipients).as("mails queued at the kill, delivered").containsAll(queuedAtKill);
		assertThat(unexpectedDuplicates).as("mails received twice though not in flight at a kill").isEmpty();

		this.figures.put("pieces", pieces);
		this.figures.put("tasksCompleted",
				this.db.count("SELECT COUNT(*) FROM act_hi_taskinst WHERE delete_reason_ = 'completed'"));
		this.figures.put("bulletinIssues", issues);
		this.figures.put("upwardAnswersByTimer", timerAnswers);
		this.figures.put("upwardAnswersByTask", typedAnswers);
		this.figures.put("archivedByTimer", pieces);
		this.figures.put("statisticsFacts", this.db.count("SELECT COUNT(*) FROM minyi_stat_fact"));
		this.figures.put("mailsExpected", expectedMails);
		this.figures.put("mailsDelivered", received.size());
		this.figures.put("mailsQueuedAtKill", queuedAtKill.size());
		this.figures.put("mailsInFlightAtKill", crashed.size());
		this.figures.put("mailDuplicates", duplicates);
		this.figures.put("registrationNumberGaps", 0);
		this.figures.put("duplicateTimelineEventsOrFacts", 0);
	}

	void write(String name) throws java.io.IOException {
		StringBuilder json = new StringBuilder("{");
		this.figures.forEach((key, value) -> json.append(json.length() > 1 ? ", " : "")
			.append('"')
			.append(key)
			.append("\": ")
			.append((value instanceof Number || value instanceof Boolean) ? value : "\"" + value + "\""));
		json.append("}\n");
		Path file = Files.createDirectories(Path.of("target", "reliability")).resolve(name + ".json");
		Files.writeString(file, json, StandardCharsets.UTF_8);
		System.out.println(name + ": " + json);
	}

}
