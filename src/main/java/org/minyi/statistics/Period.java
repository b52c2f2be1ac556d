package org.minyi.statistics;

import java.time.LocalDate;

import org.minyi.common.RuleViolation;

/**
 * A reporting period, both days included: a year, a quarter, a half-year or any range.
 */
record Period(LocalDate from, LocalDate to) {

	static Period of(Integer year, Integer quarter, Integer half, LocalDate from, LocalDate to) {
		if (from != null || to != null) {
			if (from == null || to == null || to.isBefore(from) || from.getYear() < 2000 || to.getYear() > 2999) {
				throw new RuleViolation("PERIOD_INVALID", "统计区间无效：请同时提供起止日期，且结束日期不早于开始日期");
			}
			return new Period(from, to);
		}
		if (year == null || year < 2000 || year > 2999) {
			throw new RuleViolation("PERIOD_INVALID", "请提供统计年度（year）或起止日期（from、to）");
		}
		if (quarter != null) {
			if (quarter < 1 || quarter > 4) {
				throw new RuleViolation("PERIOD_INVALID", "季度应为1至4");
			}
			LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
			return new Period(start, start.plusMonths(3).minusDays(1));
		}
		if (half != null) {
			if (half < 1 || half > 2) {
				throw new RuleViolation("PERIOD_INVALID", "半年应为1或2");
			}
			LocalDate start = LocalDate.of(year, (half == 1) ? 1 : 7, 1);
			return new Period(start, start.plusMonths(6).minusDays(1));
		}
		return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

}
