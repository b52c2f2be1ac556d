package org.minyi.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.minyi.dispatch.AdoptionRecorded;
import org.minyi.dispatch.PiecePublished;
import org.minyi.engine.EngineTime;
import org.minyi.followup.CaseStepRecorded;
import org.minyi.instruction.InstructionRecorded;
import org.minyi.intake.PieceRegistered;
import org.minyi.intake.PieceSubmitted;
import org.minyi.piece.Credit;
import org.minyi.piece.PieceFacts;
import org.minyi.piece.PieceStatus;
import org.minyi.piece.PieceStatusChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Records a fact for each countable event the capabilities publish, in the same
 * transaction: one row per person the piece credits, each with an equal share, so a
 * co-submitted or combined piece shares its points and the sum of shares counts the event
 * once. Instructions and their department cases are kept apart ({@link InstructionFact},
 * {@code minyi_stat_case}): the report counts cases, not credited people.
 */
@Component
class FactRecorder {

	private final JdbcTemplate jdbc;

	private final Scoring scoring;

	private final MonthlyRollups rollups;

	private final InstructionFactRepository instructions;

	private final ZoneId zone;

	FactRecorder(JdbcTemplate jdbc, Scoring scoring, MonthlyRollups rollups, InstructionFactRepository instructions,
			@Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.instructions = instructions;
		this.rollups = rollups;
		this.scoring = scoring;
		this.zone = zone;
	}

	/** The countable event behind a timeline entry: type, level and form, or null. */
	record Countable(String type, String level, String form) {
	}

	@EventListener
	void on(PieceSubmitted event) {
		record(new Countable("submitted", null, null), event.piece());
	}

	@EventListener
	void on(PieceRegistered event) {
		record(new Countable("registered", null, null), event.piece());
	}

	@EventListener
	void on(PieceStatusChanged event) {
		if (event.status() == PieceStatus.NOT_ADOPTED) {
			record(new Countable("not-adopted", null, null), event.piece());
		}
	}

	@EventListener
	void on(PiecePublished event) {
		record(new Countable("adopted", "committee", event.form().code()), event.piece());
	}

	@EventListener
	void on(AdoptionRecorded event) {
		if (event.adopted()) {
			record(new Countable("adopted", event.level().code(), event.form().code()), event.piece());
		}
	}

	@EventListener
	void on(InstructionRecorded event) {
		record(new Countable("instructed", event.level(), null), event.piece());
		this.instructions.save(new InstructionFact(event.instructionId(), event.pieceId(), event.piece().sourceUnit(),
				event.recordedAt()));
	}

	@EventListener
	void on(CaseStepRecorded event) {
		switch (event.kind()) {
			case OPENED -> this.jdbc.update(
					"INSERT INTO minyi_stat_case (case_id, instruction_id, piece_id, closed) VALUES (?, ?, ?, FALSE)",
					event.caseId(), event.instructionId(), event.pieceId());
			case REPLY_ACCEPTED -> {
				record(new Countable("replied", null, null), event.piece());
				this.jdbc.update("UPDATE minyi_stat_case SET closed = TRUE WHERE case_id = ?", event.caseId());
			}
			case OVERDUE -> record(new Countable("overdue", null, null), event.piece());
			case CHASED -> record(new Countable("chased", null, null), event.piece());
			default -> {
			}
		}
	}

	/** One fact per credited person of the piece for this event. */
	void record(Countable countable, PieceFacts piece) {
		String form = countable.form();
		Map<String, String> credited = new LinkedHashMap<>();
		for (Credit credit : piece.credits()) {
			credited.putIfAbsent((credit.userId() != null) ? credit.userId() : "name:" + credit.name(), credit.name());
		}
		double share = 1.0 / credited.size();
		double points = this.scoring.scorer().points(countable.type(), countable.level(), form) * share;
		LocalDate today = EngineTime.instant().atZone(this.zone).toLocalDate();
		for (Map.Entry<String, String> person : credited.entrySet()) {
			String userId = person.getKey().startsWith("name:") ? null : person.getKey();
			insert(countable.type(), piece, today, userId, person.getValue(), share, countable.level(), form, points);
		}
		// Only an engine clock moved back dates a fact in a month already summed.
		this.rollups.forget(today, today);
	}

	private void insert(String type, PieceFacts piece, LocalDate day, String userId, String name, double share,
			String level, String form, double points) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var insert = connection.prepareStatement("""
					INSERT INTO minyi_stat_fact (event_type, piece_id, occurred_on, user_id, credited_name, share, unit,
					                             source_type, category, level, form)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" });
			insert.setString(1, type);
			insert.setLong(2, piece.id());
			insert.setDate(3, Date.valueOf(day));
			insert.setString(4, userId);
			insert.setString(5, name);
			insert.setDouble(6, share);
			insert.setString(7, piece.sourceUnit());
			insert.setString(8, piece.sourceTypeCode());
			insert.setString(9, piece.categoryCode());
			insert.setString(10, level);
			insert.setString(11, form);
			return insert;
		}, key);
		this.jdbc.update("INSERT INTO minyi_stat_score (fact_id, points) VALUES (?, ?)", key.getKey().longValue(),
				points);
	}

}
