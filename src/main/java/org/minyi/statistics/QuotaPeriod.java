package org.minyi.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.minyi.common.RuleViolation;

/**
 * One period of a submission quota, both days included: an ISO week (Monday to Sunday), a
 * month, a quarter or a year. Written as {@code 2026-W49}, {@code 2026-11},
 * {@code 2026-Q4} or {@code 2026}.
 */
record QuotaPeriod(Kind kind, LocalDate from, LocalDate to) {

	/**
	 * How long a quota's period is; configured per kind of submitter as {@code week},
	 * {@code month}, ...
	 */
	enum Kind {

		WEEK("每周"), MONTH("每月"), QUARTER("每季度"), YEAR("每年");

		private final String every;

		Kind(String every) {
			this.every = every;
		}

		/** 每周, 每月, ...: how the reminder names the quota's rhythm. */
		String every() {
			return this.every;
		}

		/** The period of this kind that contains the day. */
		QuotaPeriod containing(LocalDate day) {
			LocalDate start = switch (this) {
				case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				case MONTH -> day.withDayOfMonth(1);
				case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
				case YEAR -> day.withDayOfYear(1);
			};
			LocalDate end = switch (this) {
				case WEEK -> start.plusDays(6);
				case MONTH -> start.plusMonths(1).minusDays(1);
				case QUARTER -> start.plusMonths(3).minusDays(1);
				case YEAR -> start.plusYears(1).minusDays(1);
			};
			return new QuotaPeriod(this, start, end);
		}

		/**
		 * The latest period of this kind that is over on this day (it ended the day
		 * before or earlier).
		 */
		QuotaPeriod lastEndedBefore(LocalDate day) {
			return containing(day).previous();
		}

	}

	private static final Pattern YEAR = Pattern.compile("(\\d{4})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

	private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

	/**
	 * The period a code names.
	 * @throws RuleViolation {@code PERIOD_INVALID} for anything else, or a year outside
	 * 2000 to 2999
	 */
	static QuotaPeriod parse(String code) {
		String text = (code == null) ? "" : code;
		Matcher matcher;
		if ((matcher = YEAR.matcher(text)).matches()) {
			return Kind.YEAR.containing(LocalDate.of(year(matcher), 1, 1));
		}
		if ((matcher = QUARTER.matcher(text)).matches()) {
			return Kind.QUARTER.containing(LocalDate.of(year(matcher), Integer.parseInt(matcher.group(2)) * 3 - 2, 1));
		}
		if ((matcher = MONTH.matcher(text)).matches()) {
			return Kind.MONTH.containing(LocalDate.of(year(matcher), Integer.parseInt(matcher.group(2)), 1));
		}
		if ((matcher = WEEK.matcher(text)).matches()) {
			int year = year(matcher);
			int week = Integer.parseInt(matcher.group(2));
			// 4 January is always in week 1 of its week-based year.
			LocalDate fourth = LocalDate.of(year, 1, 4);
			if (week >= 1 && week <= fourth.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
				return Kind.WEEK.containing(fourth.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
			}
		}
		throw invalid();
	}

	private static int year(Matcher matcher) {
		int year = Integer.parseInt(matcher.group(1));
		if (year < 2000 || year > 2999) {
			throw invalid();
		}
		return year;
	}

	private static RuleViolation invalid() {
		return new RuleViolation("PERIOD_INVALID", "考核期（period）无效：应为 2026、2026-Q4、2026-11 或 2026-W49 的形式");
	}

	QuotaPeriod previous() {
		return this.kind.containing(this.from.minusDays(1));
	}

	QuotaPeriod next() {
		return this.kind.containing(this.to.plusDays(1));
	}

	/** Whether the period is over on this day. */
	boolean endedBefore(LocalDate day) {
		return this.to.isBefore(day);
	}

	/**
	 * {@code 2026-W49}, {@code 2026-11}, {@code 2026-Q4}, {@code 2026}: what
	 * {@link #parse} reads.
	 */
	String code() {
		return switch (this.kind) {
			case WEEK -> String.format("%d-W%02d", this.from.get(IsoFields.WEEK_BASED_YEAR),
					this.from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			case MONTH -> String.format("%d-%02d", this.from.getYear(), this.from.getMonthValue());
			case QUARTER -> this.from.getYear() + "-Q" + this.from.get(IsoFields.QUARTER_OF_YEAR);
			case YEAR -> String.valueOf(this.from.getYear());
		};
	}

	/** 2026年第49周, 2026年11月, 2026年第四季度, 2026年度; the days go with it where it is shown. */
	String label() {
		return switch (this.kind) {
			case WEEK -> this.from.get(IsoFields.WEEK_BASED_YEAR) + "年第"
					+ this.from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周";
			case MONTH -> this.from.getYear() + "年" + this.from.getMonthValue() + "月";
			case QUARTER ->
				this.from.getYear() + "年第" + "一二三四".charAt(this.from.get(IsoFields.QUARTER_OF_YEAR) - 1) + "季度";
			case YEAR -> this.from.getYear() + "年度";
		};
	}

}
