package org.minyi.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minyi.common.RuleViolation;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports over the facts of a period, optionally for one unit. Pieces are counted once each
 * ({@code COUNT(DISTINCT piece_id)}); events by the sum of their shares, which is one per event.
 */
@Service
public class StatisticsService {

	static final List<String> LEVELS = List.of("committee", "city", "province", "national");

	static final List<String> INSTRUCTION_LEVELS = List.of("district", "city", "province", "central");

	/** One row of a breakdown: a code or name, pieces received, pieces adopted by this committee, points. */
	public record Row(String key, String name, long received, long adopted, BigDecimal points) {
	}

	/** A piece flagged as outstanding (优秀社情民意). */
	public record Outstanding(Long pieceId, String registrationNumber, String title, String unit) {
	}

	/** Pieces received and adopted by this committee in one month of the period. */
	public record Month(int year, int month, long received, long adopted) {
	}

	/** The report of a period; rates are adopted / received, to two decimals. */
	public record Report(Period period, String unit, long received, Map<String, Long> adopted,
			Map<String, BigDecimal> adoptionRate, List<Row> bySourceType, List<Row> byCategory, List<Row> byUnit,
			List<Row> byMember, Map<String, Long> instructionsByLevel, long departmentCases, long departmentReplies,
			BigDecimal replyRate, long overdue, List<Row> memberRanking, List<Row> unitRanking, List<Month> byMonth,
			List<Outstanding> outstanding) {
	}

	private final JdbcTemplate jdbc;

	private final Scoring scoring;

	private final PieceRepository pieces;

	private final PieceTimeline timeline;

	StatisticsService(JdbcTemplate jdbc, Scoring scoring, PieceRepository pieces, PieceTimeline timeline) {
		this.jdbc = jdbc;
		this.scoring = scoring;
		this.pieces = pieces;
		this.timeline = timeline;
	}

	@Transactional(readOnly = true)
	public Report report(Period period, String unit) {
		Filter filter = new Filter(period, unit);
		Counts counts = counts(filter);
		long received = counts.pieces("submitted", null);
		Map<String, Long> adopted = new LinkedHashMap<>();
		Map<String, BigDecimal> rates = new LinkedHashMap<>();
		for (String level : LEVELS) {
			long count = counts.pieces("adopted", level);
			adopted.put(level, count);
			rates.put(level, rate(count, received));
		}
		Map<String, Long> instructions = new LinkedHashMap<>();
		for (String level : INSTRUCTION_LEVELS) {
			instructions.put(level, counts.events("instructed", level));
		}
		long[] cases = departmentCases(filter);
		List<Row> members = breakdown(filter, "COALESCE(f.user_id, f.credited_name)", "MAX(f.credited_name)", true);
		List<Row> units = breakdown(filter, "f.unit", "f.unit", false);
		return new Report(period, unit, received, adopted, rates,
				breakdown(filter, "f.source_type", "(SELECT name FROM minyi_source_type WHERE code = f.source_type)", false),
				breakdown(filter, "f.category", "(SELECT name FROM minyi_category WHERE code = f.category)", false),
				units, members, instructions, cases[0], cases[1], rate(cases[1], cases[0]),
				counts.events("overdue", null), ranked(members), ranked(units), byMonth(filter),
				outstanding(filter));
	}

	/** Pieces and events per event type and level, all in one pass over the period's facts. */
	private record Counts(Map<String, long[]> byTypeAndLevel) {

		long pieces(String type, String level) {
			return get(type, level)[0];
		}

		long events(String type, String level) {
			return get(type, level)[1];
		}

		private long[] get(String type, String level) {
			if (level != null) {
				return this.byTypeAndLevel.getOrDefault(type + "|" + level, new long[2]);
			}
			// Pieces counted once across levels would need their own query; only level-less events ask here.
			return this.byTypeAndLevel.getOrDefault(type + "|", new long[2]);
		}

	}

	private Counts counts(Filter filter) {
		Map<String, long[]> counts = new HashMap<>();
		this.jdbc.query("SELECT f.event_type, f.level, COUNT(DISTINCT f.piece_id), COALESCE(ROUND(SUM(f.share)), 0) "
				+ "FROM minyi_stat_fact f WHERE" + filter.where() + " GROUP BY f.event_type, f.level", (row) -> {
					String level = row.getString(2);
					counts.put(row.getString(1) + "|" + ((level == null) ? "" : level),
							new long[] { row.getLong(3), row.getLong(4) });
				}, filter.args().toArray());
		return new Counts(counts);
	}

	/** Outstanding pieces submitted in the period; a confidential piece's title is not shown. */
	private List<Outstanding> outstanding(Filter filter) {
		List<Object> args = new ArrayList<>(List.of(java.sql.Timestamp.valueOf(filter.period().from().atStartOfDay()),
				java.sql.Timestamp.valueOf(filter.period().to().plusDays(1).atStartOfDay())));
		String unitFilter = "";
		if (filter.unit() != null) {
			unitFilter = " AND p.source_unit = ?";
			args.add(filter.unit());
		}
		return this.jdbc.query("""
				SELECT p.id, p.registration_number, COALESCE(p.edited_title, p.title), p.source_unit, p.confidentiality
				FROM minyi_piece p WHERE p.outstanding = TRUE AND p.submitted_at >= ? AND p.submitted_at < ?"""
				+ unitFilter + " ORDER BY p.registration_number",
				(row, i) -> new Outstanding(row.getLong(1), row.getString(2),
						"confidential".equals(row.getString(5)) ? "（涉密信息）" : row.getString(3), row.getString(4)),
				args.toArray());
	}

	private List<Month> byMonth(Filter filter) {
		return this.jdbc.query("""
				SELECT EXTRACT(YEAR FROM f.occurred_on), EXTRACT(MONTH FROM f.occurred_on),
				       ROUND(SUM(CASE WHEN f.event_type = 'submitted' THEN f.share ELSE 0 END)),
				       ROUND(SUM(CASE WHEN f.event_type = 'adopted' AND f.level = 'committee' THEN f.share ELSE 0 END))
				FROM minyi_stat_fact f WHERE""" + filter.where()
				+ " GROUP BY EXTRACT(YEAR FROM f.occurred_on), EXTRACT(MONTH FROM f.occurred_on) ORDER BY 1, 2",
				(row, i) -> new Month(row.getInt(1), row.getInt(2), row.getLong(3), row.getLong(4)),
				filter.args().toArray());
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
		this.timeline.record(pieceId, userId, "outstanding", flag ? "评为优秀信息" : "取消优秀信息", String.valueOf(flag), null);
	}

	/** Points of every fact of the year again, from the decision table deployed now. Facts stay as they are. */
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
		return updates.size();
	}

	private record Filter(Period period, String unit) {

		String where() {
			return " f.occurred_on BETWEEN ? AND ?" + ((this.unit != null) ? " AND f.unit = ?" : "");
		}

		List<Object> args() {
			List<Object> args = new ArrayList<>(List.of(Date.valueOf(this.period.from()), Date.valueOf(this.period.to())));
			if (this.unit != null) {
				args.add(this.unit);
			}
			return args;
		}

	}

	/**
	 * Pieces received and adopted here per group, without COUNT(DISTINCT): a person has one fact per event
	 * of a piece, so per member the facts are counted; other groupings sum the shares, which add up to one
	 * per piece and event.
	 */
	private List<Row> breakdown(Filter filter, String key, String name, boolean membersOnly) {
		String weight = membersOnly ? "1" : "f.share";
		String sql = "SELECT " + key + ", " + name + ", ROUND(SUM(CASE WHEN f.event_type = 'submitted' THEN " + weight
				+ " ELSE 0 END)), ROUND(SUM(CASE WHEN f.event_type = 'adopted' AND f.level = 'committee' THEN " + weight
				+ """
				 ELSE 0 END)),
				  COALESCE(SUM(s.points), 0)
				FROM minyi_stat_fact f JOIN minyi_stat_score s ON s.fact_id = f.id
				WHERE""" + filter.where() + (membersOnly ? " AND f.user_id IS NOT NULL" : "") + " GROUP BY " + key
				+ " ORDER BY " + key;
		return this.jdbc.query(sql, (row, i) -> new Row(row.getString(1), row.getString(2), row.getLong(3),
				row.getLong(4), row.getBigDecimal(5).setScale(2, RoundingMode.HALF_UP)), filter.args().toArray());
	}

	/** Cases opened for instructions of the period, and how many of them were replied to and accepted. */
	private long[] departmentCases(Filter filter) {
		List<Object> args = new ArrayList<>(List.of(Date.valueOf(filter.period().from()),
				Date.valueOf(filter.period().to().plusDays(1))));
		String unitFilter = "";
		if (filter.unit() != null) {
			unitFilter = " AND p.source_unit = ?";
			args.add(filter.unit());
		}
		return this.jdbc.queryForObject("""
				SELECT COUNT(*), COUNT(CASE WHEN c.status = 'CLOSED' THEN 1 END)
				FROM minyi_followup_case c
				JOIN minyi_instruction i ON i.id = c.instruction_id
				JOIN minyi_piece p ON p.id = c.piece_id
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

	static BigDecimal rate(long part, long whole) {
		if (whole == 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
	}

}
