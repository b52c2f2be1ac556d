package org.minyi.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.minyi.common.RuleViolation;

/** Quota periods: their days, codes, labels and order, across the turn of a year. */
class QuotaPeriodTest {

	@Test
	void shouldCountIsoWeeksAcrossTheTurnOfTheYear() {
		QuotaPeriod week = QuotaPeriod.Kind.WEEK.containing(LocalDate.of(2027, 1, 1));
		assertThat(week.from()).isEqualTo(LocalDate.of(2026, 12, 28));
		assertThat(week.to()).isEqualTo(LocalDate.of(2027, 1, 3));
		assertThat(week.code()).isEqualTo("2026-W53");
		assertThat(week.label()).isEqualTo("2026年第53周");
		assertThat(week.next().code()).isEqualTo("2027-W01");
		assertThat(QuotaPeriod.parse("2027-W01").from()).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(QuotaPeriod.parse("2026-W53")).isEqualTo(week);
	}

	@Test
	void shouldKnowTheLatestPeriodThatIsOver() {
		LocalDate firstOfMonth = LocalDate.of(2027, 1, 1);
		assertThat(QuotaPeriod.Kind.MONTH.lastEndedBefore(firstOfMonth).code()).isEqualTo("2026-12");
		assertThat(QuotaPeriod.Kind.QUARTER.lastEndedBefore(firstOfMonth).label()).isEqualTo("2026年第四季度");
		assertThat(QuotaPeriod.Kind.YEAR.lastEndedBefore(firstOfMonth).label()).isEqualTo("2026年度");
		assertThat(QuotaPeriod.Kind.WEEK.lastEndedBefore(LocalDate.of(2026, 12, 7)).code()).isEqualTo("2026-W49");
		assertThat(QuotaPeriod.Kind.WEEK.lastEndedBefore(LocalDate.of(2026, 12, 6)).code()).isEqualTo("2026-W48");
		assertThat(QuotaPeriod.parse("2026-12").endedBefore(LocalDate.of(2026, 12, 31))).isFalse();
		assertThat(QuotaPeriod.parse("2026-12").endedBefore(firstOfMonth)).isTrue();
	}

	@Test
	void shouldReadWhatItWrites() {
		for (String code : new String[] { "2026", "2026-Q1", "2026-Q4", "2026-02", "2026-12", "2026-W01",
				"2020-W53" }) {
			assertThat(QuotaPeriod.parse(code).code()).isEqualTo(code);
		}
		assertThat(QuotaPeriod.parse("2026-02").to()).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(QuotaPeriod.parse("2026-Q3").from()).isEqualTo(LocalDate.of(2026, 7, 1));
		for (String invalid : new String[] { "", "2026-13", "2026-00", "2026-Q0", "2026-W00", "2027-W53", "1999",
				"3000", "2026-1", "2026/11" }) {
			assertThatThrownBy(() -> QuotaPeriod.parse(invalid)).as(invalid)
				.isInstanceOfSatisfying(RuleViolation.class,
						(violation) -> assertThat(violation.errorCode()).isEqualTo("PERIOD_INVALID"));
		}
	}

}
