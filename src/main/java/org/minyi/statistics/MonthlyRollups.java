package org.minyi.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minyi.engine.EngineTime;
import org.minyi.statistics.Tallies.Dimension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sums of whole months that are over, kept in the minyi_stat_month_* tables. A month
 * is summed from its facts the first time a report needs it; a re-score or a fact dated
 * in it makes it be summed again.
 */
@Component
class MonthlyRollups {

	private final JdbcTemplate jdbc;

	private final FactQueries facts;

	private final TransactionTemplate ownTransaction;

	private final ZoneId zone;

	MonthlyRollups(JdbcTemplate jdbc, FactQueries facts, PlatformTransactionManager transactions,
			@Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.facts = facts;
		this.zone = zone;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Whether a month is over by the engine's clock, the one facts are dated by. */
	boolean isOver(YearMonth month) {
		return month.isBefore(YearMonth.from(EngineTime.instant().atZone(this.zone)));
	}

	/**
	 * Adds the sums of these months (all over) to a report's tallies, summing any month
	 * not yet summed.
	 */
	void sum(YearMonth first, YearMonth last, Tallies into) {
		Set<LocalDate> built = new HashSet<>(this.jdbc.queryForList(
				"SELECT month_start FROM minyi_stat_month_built WHERE month_start BETWEEN ? AND ?", LocalDate.class,
				Date.valueOf(first.atDay(1)), Date.valueOf(last.atDay(1))));
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			if (!built.contains(month.atDay(1))) {
				build(month);
			}
		}
		Object[] range = { Date.valueOf(first.atDay(1)), Date.valueOf(last.atDay(1)) };
		this.jdbc.query("""
				SELECT month_start, event_type, level, pieces, events FROM minyi_stat_month_event
				WHERE month_start BETWEEN ? AND ?""", (row) -> {
			String level = row.getString(3);
			into.addEvents(YearMonth.from(row.getDate(1).toLocalDate()), row.getString(2),
					level.isEmpty() ? null : level, row.getLong(4), row.getLong(5));
		}, range);
		this.jdbc.query("""
				SELECT dimension, group_key, MAX(group_name), SUM(received), SUM(adopted), SUM(points)
				FROM minyi_stat_month_group WHERE month_start BETWEEN ? AND ? GROUP BY dimension, group_key""",
				(row) -> {
					into.addGroup(Dimension.of(row.getString(1)), row.getString(2), row.getString(3), row.getLong(4),
							row.getLong(5), row.getBigDecimal(6));
				}, range);
	}

	/**
	 * Sums one month in its own transaction. The marker row goes in first: a report
	 * summing the same month at the same time waits on it and then finds the month
	 * summed.
	 */
	private void build(YearMonth month) {
		try {
			this.ownTransaction.executeWithoutResult((status) -> {
				Date day = Date.valueOf(month.atDay(1));
				this.jdbc.update("INSERT INTO minyi_stat_month_built (month_start, built_at) VALUES (?, ?)", day,
						new Timestamp(System.currentTimeMillis()));
				this.jdbc.update("DELETE FROM minyi_stat_month_event WHERE month_start = ?", day);
				this.jdbc.update("DELETE FROM minyi_stat_month_group WHERE month_start = ?", day);
				Tallies tallies = new Tallies();
				this.facts.sum(month.atDay(1), month.atEndOfMonth(), null, tallies);
				List<Object[]> events = new ArrayList<>();
				tallies.events().values().forEach((byKey) -> byKey.forEach((key, sums) -> {
					String[] typeAndLevel = key.split("\\|", -1);
					events.add(new Object[] { day, typeAndLevel[0], typeAndLevel[1], sums[0], sums[1] });
				}));
				this.jdbc.batchUpdate("""
						INSERT INTO minyi_stat_month_event (month_start, event_type, level, pieces, events)
						VALUES (?, ?, ?, ?, ?)""", events);
				List<Object[]> groups = new ArrayList<>();
				for (Map.Entry<Dimension, Map<String, Tallies.Tally>> dimension : tallies.groups().entrySet()) {
					dimension.getValue()
						.forEach((key, tally) -> groups.add(new Object[] { day, dimension.getKey().code(), key,
								tally.name, tally.received, tally.adopted, tally.points }));
				}
				this.jdbc.batchUpdate(
						"""
								INSERT INTO minyi_stat_month_group (month_start, dimension, group_key, group_name, received, adopted,
								                                    points)
								VALUES (?, ?, ?, ?, ?, ?, ?)""",
						groups);
			});
		}
		catch (DuplicateKeyException summedMeanwhile) {
			// Another report summed this month first; its sums are the same.
		}
	}

	/** The months of these days are to be summed again on their next use. */
	void forget(LocalDate from, LocalDate to) {
		this.jdbc.update("DELETE FROM minyi_stat_month_built WHERE month_start BETWEEN ? AND ?",
				Date.valueOf(from.withDayOfMonth(1)), Date.valueOf(to.withDayOfMonth(1)));
	}

}
