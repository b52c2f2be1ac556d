package org.minyi.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minyi.common.RuleViolation;
import org.minyi.piece.Confidentiality;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceQueries;
import org.minyi.piece.PieceRepository;
import org.minyi.statistics.Tallies.Dimension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports over the facts of a period, optionally for one unit. Pieces are counted once
 * each ({@code COUNT(DISTINCT piece_id)}); events by the sum of their shares, which is
 * one per event.
 */
@Service
public class StatisticsService {

	static final List<String> LEVELS = List.of("committee", "city", "province", "national");

	static final List<String> INSTRUCTION_LEVELS = List.of("district", "city", "province", "central");

	/**
	 * One row of a breakdown: a code or name, pieces received, pieces adopted by this
	 * committee, points.
	 */
	public record Row(String key, String name, long received, long adopted, BigDecimal points) {
	}

	/** A piece flagged as outstanding (优秀社情民意). */
	public record Outstanding(Long pieceId, String registrationNumber, String title, String unit) {
	}

	/** Pieces received and adopted by this committee in one month of the period. */
	public record Month(int year, int month, long received, long adopted) {
	}

	/**
	 * The report of a period. Rates are percentages with two decimals (「采用率为 xx.xx%」, as
	 * a committee's summary states them): adopted / received × 100, and replies / cases ×
	 * 100.
	 */
	public record Report(Period period, String unit, long received, Map<String, Long> adopted,
			Map<String, BigDecimal> adoptionRatePercent, List<Row> bySourceType, List<Row> byCategory, List<Row> byUnit,
			List<Row> byMember, Map<String, Long> instructionsByLevel, long departmentCases, long departmentReplies,
			BigDecimal replyRatePercent, long overdue, List<Row> memberRanking, List<Row> unitRanking,
			List<Month> byMonth, List<Outstanding> outstanding) {
	}

	/** Members and units with points, best first (at most 50 each). */
	public record Ranking(Period period, String unit, List<Row> members, List<Row> units) {
	}

	private final JdbcTemplate jdbc;

	private final Scoring scoring;

	private final PieceRepository pieces;

	private final PieceQueries pieceQueries;

	private final ApplicationEventPublisher events;

	private final FactQueries facts;

	private final MonthlyRollups rollups;

	StatisticsService(JdbcTemplate jdbc, Scoring scoring, PieceRepository pieces, PieceQueries pieceQueries,
			ApplicationEventPublisher events, FactQueries facts, MonthlyRollups rollups) {
		this.pieceQueries = pieceQueries;
		this.jdbc = jdbc;
		this.facts = facts;
		this.rollups = rollups;
		this.scoring = scoring;
		this.pieces = pieces;
		this.events = events;
	}

	/**
	 * The report of a period: whole months that are over come from their monthly sums,
	 * the other days (and any report for one unit) from the facts.
	 */
	public Report report(Period period, String unit) {
		Tallies tallies = tallies(period, unit);
		long received = tallies.pieces("submitted", null);
		Map<String, Long> adopted = new LinkedHashMap<>();
		Map<String, BigDecimal> rates = new LinkedHashMap<>();
		for (String level : LEVELS) {
			long count = tallies.pieces("adopted", level);
			adopted.put(level, count);
			rates.put(level, percent(count, received));
		}
		Map<String, Long> instructions = new LinkedHashMap<>();
		for (String level : INSTRUCTION_LEVELS) {
			instructions.put(level, tallies.events("instructed", level));
		}
		long[] cases = departmentCases(period, unit);
		List<Row> members = tallies.rows(Dimension.MEMBER);
		List<Row> units = tallies.rows(Dimension.UNIT);
		return new Report(period, unit, received, adopted, rates, tallies.rows(Dimension.SOURCE_TYPE),
				tallies.rows(Dimension.CATEGORY), units, members, instructions, cases[0], cases[1],
				percent(cases[1], cases[0]), tallies.events("overdue", null), ranked(members), ranked(units),
				tallies.byMonth(), outstanding(period, unit));
	}

	/**
	 * The report's two rankings alone, without its department cases and outstanding
	 * pieces.
	 */
	public Ranking ranking(Period period, String unit) {
		Tallies tallies = tallies(period, unit);
		return new Ranking(period, unit, ranked(tallies.rows(Dimension.MEMBER)), ranked(tallies.rows(Dimension.UNIT)));
	}

	private Tallies tallies(Period period, String unit) {
		Tallies tallies = new Tallies();
		YearMonth first = YearMonth.from(period.from());
		if (!period.from().equals(first.atDay(1))) {
			first = first.plusMonths(1);
		}
		YearMonth last = YearMonth.from(period.to());
		if (!period.to().equals(last.atEndOfMonth())) {
			last = last.minusMonths(1);
		}
		while (!last.isBefore(first) && !this.rollups.isOver(last)) {
			last = last.minusMonths(1);
		}
		if (unit != null || last.isBefore(first)) {
			this.facts.sum(period.from(), period.to(), unit, tallies);
		}
		else {
			this.rollups.sum(first, last, tallies);
			if (period.from().isBefore(first.atDay(1))) {
				this.facts.sum(period.from(), first.atDay(1).minusDays(1), null, tallies);
			}
			if (period.to().isAfter(last.atEndOfMonth())) {
				this.facts.sum(last.plusMonths(1).atDay(1), period.to(), null, tallies);
			}
		}
		return tallies;
	}

	/**
	 * Outstanding pieces submitted in the period; a confidential piece's title is not
	 * shown.
	 */
	private List<Outstanding> outstanding(Period period, String unit) {
		return this.pieceQueries.outstanding(period.from(), period.to(), unit)
			.stream()
			.map((piece) -> new Outstanding(piece.id(), piece.registrationNumber(),
					piece.confidential() ? Confidentiality.MASK : piece.title(), piece.sourceUnit()))
			.toList();
	}

	/** The info-section flags or unflags an outstanding piece. */
	@Transactional
	public void flagOutstanding(Long pieceId, boolean flag, String userId) {
		Piece piece = this.pieces.findById(pieceId)
			.orElseThrow(() -> RuleViolation.notFound("PIECE_NOT_FOUND", "信息不存在：" + pieceId));
		if (piece.registrationNumber() == null) {
			throw new RuleViolation("PIECE_NOT_REGISTERED", "未登记的信息不能评为优秀信息");
		}
		piece.flagOutstanding(flag);
		this.events.publishEvent(new OutstandingFlagged(pieceId, userId, flag));
	}

	/**
	 * Points of every fact of the year again, from the decision table deployed now. Facts
	 * stay as they are.
	 */
	@Transactional
	public int rescore(int year) {
		Date from = Date.valueOf(year + "-01-01");
		Date to = Date.valueOf(year + "-12-31");
		Scoring.Scorer scorer = this.scoring.scorer();
		List<Object[]> updates = new ArrayList<>();
		this.jdbc.query("""
				SELECT id, event_type, level, form, share FROM minyi_stat_fact
				WHERE occurred_on BETWEEN ? AND ?""", (row) -> {
			double points = scorer.points(row.getString(2), row.getString(3), row.getString(4)) * row.getDouble(5);
			updates.add(new Object[] { points, row.getLong(1) });
		}, from, to);
		this.jdbc.batchUpdate("UPDATE minyi_stat_score SET points = ? WHERE fact_id = ?", updates);
		this.rollups.forget(from.toLocalDate(), to.toLocalDate());
		return updates.size();
	}

	/**
	 * Cases opened for instructions of the period, and how many of them were replied to
	 * and accepted: from the facts {@link FactRecorder} keeps of instructions and cases.
	 */
	private long[] departmentCases(Period period, String unit) {
		List<Object> args = new ArrayList<>(
				List.of(Date.valueOf(period.from()), Date.valueOf(period.to().plusDays(1))));
		String unitFilter = "";
		if (unit != null) {
			unitFilter = " AND i.unit = ?";
			args.add(unit);
		}
		return this.jdbc.queryForObject("""
				SELECT COUNT(*), COUNT(CASE WHEN c.closed THEN 1 END)
				FROM minyi_stat_case c
				JOIN minyi_stat_instruction i ON i.instruction_id = c.instruction_id
				WHERE i.recorded_at >= ? AND i.recorded_at < ?""" + unitFilter,
				(row, i) -> new long[] { row.getLong(1), row.getLong(2) }, args.toArray());
	}

	private static List<Row> ranked(List<Row> rows) {
		return rows.stream()
			.filter((row) -> row.points().signum() > 0)
			.sorted((a, b) -> b.points().compareTo(a.points()))
			.limit(50)
			.toList();
	}

	/**
	 * {@code part} of {@code whole} in percent, two decimals: 1 of 700 is 0.14, none of
	 * none 0.00.
	 */
	static BigDecimal percent(long part, long whole) {
		if (whole == 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		return BigDecimal.valueOf(part)
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
	}

}
