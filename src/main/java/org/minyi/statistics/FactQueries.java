package org.minyi.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.minyi.statistics.Tallies.Dimension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sums straight from the facts of a date range, optionally for one unit: for the days a
 * report needs that no monthly roll-up covers, and to build the roll-ups themselves.
 */
@Component
class FactQueries {

	private final JdbcTemplate jdbc;

	FactQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void sum(LocalDate from, LocalDate to, String unit, Tallies into) {
		Range range = new Range(from, to, unit);
		this.jdbc.query("""
				SELECT EXTRACT(YEAR FROM f.occurred_on), EXTRACT(MONTH FROM f.occurred_on), f.event_type, f.level,
				       COUNT(DISTINCT f.piece_id), COALESCE(ROUND(SUM(f.share)), 0)
				FROM minyi_stat_fact f WHERE""" + range.where()
				+ " GROUP BY EXTRACT(YEAR FROM f.occurred_on), EXTRACT(MONTH FROM f.occurred_on), f.event_type, f.level",
				(row) -> {
					into.addEvents(YearMonth.of(row.getInt(1), row.getInt(2)), row.getString(3), row.getString(4),
							row.getLong(5), row.getLong(6));
				}, range.args());
		breakdown(range, Dimension.MEMBER, "COALESCE(f.user_id, f.credited_name)", "MAX(f.credited_name)", into);
		breakdown(range, Dimension.UNIT, "f.unit", "f.unit", into);
		breakdown(range, Dimension.SOURCE_TYPE, "f.source_type",
				"(SELECT name FROM minyi_source_type WHERE code = f.source_type)", into);
		breakdown(range, Dimension.CATEGORY, "f.category", "(SELECT name FROM minyi_category WHERE code = f.category)",
				into);
	}

	/**
	 * Pieces received and adopted here per group, without COUNT(DISTINCT): a person has
	 * one fact per event of a piece, so per member the facts are counted; other groupings
	 * sum the shares, which add up to one per piece and event.
	 */
	private void breakdown(Range range, Dimension dimension, String key, String name, Tallies into) {
		boolean members = dimension == Dimension.MEMBER;
		String weight = members ? "1" : "f.share";
		String sql = "SELECT " + key + ", " + name + ", ROUND(SUM(CASE WHEN f.event_type = 'submitted' THEN " + weight
				+ " ELSE 0 END)), ROUND(SUM(CASE WHEN f.event_type = 'adopted' AND f.level = 'committee' THEN " + weight
				+ """
						 ELSE 0 END)),
						  COALESCE(SUM(s.points), 0)
						FROM minyi_stat_fact f JOIN minyi_stat_score s ON s.fact_id = f.id
						WHERE""" + range.where() + (members ? " AND f.user_id IS NOT NULL" : "") + " GROUP BY " + key;
		this.jdbc.query(sql, (row) -> {
			BigDecimal points = row.getBigDecimal(5);
			into.addGroup(dimension, row.getString(1), row.getString(2), row.getLong(3), row.getLong(4), points);
		}, range.args());
	}

	private record Range(LocalDate from, LocalDate to, String unit) {

		String where() {
			return " f.occurred_on BETWEEN ? AND ?" + ((this.unit != null) ? " AND f.unit = ?" : "");
		}

		Object[] args() {
			List<Object> args = new ArrayList<>(List.of(Date.valueOf(this.from), Date.valueOf(this.to)));
			if (this.unit != null) {
				args.add(this.unit);
			}
			return args.toArray();
		}

	}

}
