package org.minyi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The calendar over the days that the Flyway migration seeds, so these tests also check
 * the official 2025 and 2026 schedule as stored.
 */
class WorkingDayCalendarTest {

	private static final String SEED = "db/migration/common/V2__working_day_calendar.sql";

	private static final Pattern SEED_ROW = Pattern
		.compile("\\(DATE '(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKDAY)', '([^']+)'\\)");

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final WorkingDayCalendar calendar = WorkingDayCalendar.of(officialSchedule(), SHANGHAI);

	@AfterEach
	void resetEngineClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldSkipSpringFestivalHolidayWeekIn2026() {
		for (LocalDate day = date("2026-02-15"); !day.isAfter(date("2026-02-23")); day = day.plusDays(1)) {
			assertThat(this.calendar.isWorkingDay(day)).as(day.toString()).isFalse();
		}
		assertThat(this.calendar.addWorkingDays(date("2026-02-14"), 1)).isEqualTo(date("2026-02-24"));
	}

	@Test
	void shouldCountSpringFestivalMakeUpSaturdaysAsWorkingDays() {
		assertThat(this.calendar.isWorkingDay(date("2026-02-14"))).isTrue();
		assertThat(this.calendar.isWorkingDay(date("2026-02-28"))).isTrue();
		assertThat(this.calendar.addWorkingDays(date("2026-02-13"), 1)).isEqualTo(date("2026-02-14"));
		assertThat(this.calendar.addWorkingDays(date("2026-02-27"), 1)).isEqualTo(date("2026-02-28"));
	}

	@Test
	void shouldTreatDaysWithoutAnEntryByDayOfWeek() {
		assertThat(this.calendar.isWorkingDay(date("2026-03-06"))).as("Friday").isTrue();
		assertThat(this.calendar.isWorkingDay(date("2026-03-07"))).as("Saturday").isFalse();
		assertThat(this.calendar.isWorkingDay(date("2026-03-08"))).as("Sunday").isFalse();
		assertThat(this.calendar.addWorkingDays(date("2026-03-06"), 1)).isEqualTo(date("2026-03-09"));
	}

	@Test
	void shouldSkipNationalDayHolidayWhenAddingWorkingDaysIn2025() {
		assertThat(this.calendar.addWorkingDays(date("2025-09-30"), 1)).isEqualTo(date("2025-10-09"));
		assertThat(this.calendar.addWorkingDays(date("2025-09-26"), 1)).as("make-up Sunday")
			.isEqualTo(date("2025-09-28"));
		// 9 Oct, 10 Oct, make-up Saturday 11 Oct, then Monday 13 Oct.
		assertThat(this.calendar.addWorkingDays(date("2025-09-30"), 4)).isEqualTo(date("2025-10-13"));
	}

	@Test
	void shouldKeepStartWhenAddingZeroWorkingDaysToAWorkingDay() {
		assertThat(this.calendar.addWorkingDays(date("2025-09-30"), 0)).isEqualTo(date("2025-09-30"));
	}

	@Test
	void shouldMoveToNextWorkingDayWhenAddingZeroWorkingDaysToAHoliday() {
		assertThat(this.calendar.addWorkingDays(date("2025-10-01"), 0)).isEqualTo(date("2025-10-09"));
	}

	@Test
	void shouldRejectNegativeWorkingDays() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.addWorkingDays(date("2026-03-02"), -1));
	}

	@Test
	void shouldCountWorkingDaysAfterFromUpToAndIncludingTo() {
		assertThat(this.calendar.workingDaysBetween(date("2025-09-30"), date("2025-10-09"))).isEqualTo(1);
		assertThat(this.calendar.workingDaysBetween(date("2025-09-30"), date("2025-09-30"))).isZero();
		// 14 Feb (make-up Saturday), then 24 to 27 Feb after the holiday.
		assertThat(this.calendar.workingDaysBetween(date("2026-02-13"), date("2026-02-27"))).isEqualTo(5);
	}

	@Test
	void shouldCountOverdueWorkingDaysAsNegativeWhenToIsBeforeFrom() {
		assertThat(this.calendar.workingDaysBetween(date("2025-10-09"), date("2025-09-30"))).isEqualTo(-1);
		assertThat(this.calendar.workingDaysBetween(date("2026-02-27"), date("2026-02-13"))).isEqualTo(-5);
	}

	@Test
	void shouldCountBackTheWorkingDaysThatWereAdded() {
		for (LocalDate start : List.of(date("2025-01-24"), date("2025-09-26"), date("2026-02-13"), date("2026-09-18"),
				date("2026-12-31"))) {
			for (int days = 1; days <= 40; days++) {
				LocalDate end = this.calendar.addWorkingDays(start, days);
				assertThat(this.calendar.workingDaysBetween(start, end)).as(start + " + " + days).isEqualTo(days);
			}
		}
	}

	@Test
	void shouldMakeTasksDueAtSixInTheEveningAfterTheGivenWorkingDays() {
		ClockUtil.setCurrentTime(instant("2026-02-13T10:00+08:00"));

		Date due = this.calendar.dueDate(2);

		// Friday 13 Feb, then make-up Saturday 14 Feb and Tuesday 24 Feb after the Spring
		// Festival.
		assertThat(due).isEqualTo(instant("2026-02-24T18:00+08:00"));
	}

	@Test
	void shouldTakeTodayFromTheCalendarZoneRatherThanUtc() {
		// Still Friday 13 Feb in UTC, already Saturday 14 Feb (a make-up working day) in
		// Beijing.
		ClockUtil.setCurrentTime(instant("2026-02-13T17:30Z"));

		assertThat(this.calendar.dueDate(0)).isEqualTo(instant("2026-02-14T18:00+08:00"));
		assertThat(this.calendar.dueDate(1)).isEqualTo(instant("2026-02-24T18:00+08:00"));
	}

	@Test
	void shouldUseChangedDaysOnlyAfterReload() {
		List<CalendarDay> days = new ArrayList<>();
		WorkingDayCalendar reloadable = new WorkingDayCalendar(() -> List.copyOf(days), SHANGHAI, (event) -> {
		});
		LocalDate monday = date("2027-02-08");
		assertThat(reloadable.isWorkingDay(monday)).isTrue();

		days.add(CalendarDay.holiday(monday, "春节"));
		assertThat(reloadable.isWorkingDay(monday)).isTrue();

		reloadable.reload();
		assertThat(reloadable.isWorkingDay(monday)).isFalse();
	}

	@Test
	void shouldKnowTheYearsTheStoredDaysCover() {
		assertThat(this.calendar.coveredYears()).containsExactly(2025, 2026);
		assertThat(this.calendar.lastCoveredDay()).contains(date("2026-12-31"));
		assertThat(WorkingDayCalendar.of(List.of(), SHANGHAI).lastCoveredDay()).isEmpty();
	}

	@Test
	void shouldAnnounceEachYearADeadlineReachesWithoutDataOnce() {
		List<WorkingDayCalendar.YearWithoutCalendar> announced = new ArrayList<>();
		WorkingDayCalendar watched = new WorkingDayCalendar(WorkingDayCalendarTest::officialSchedule, SHANGHAI,
				announced::add);

		watched.addWorkingDays(date("2026-12-01"), 15);
		assertThat(announced).as("within the covered years").isEmpty();

		assertThat(watched.addWorkingDays(date("2026-12-24"), 10)).isEqualTo(date("2027-01-07"));
		watched.addWorkingDays(date("2027-03-01"), 3);
		watched.addWorkingDays(date("2026-12-30"), 5);
		assertThat(announced).containsExactly(new WorkingDayCalendar.YearWithoutCalendar(2027, date("2027-01-07")));

		watched.addWorkingDays(date("2028-01-03"), 1);
		assertThat(announced).extracting(WorkingDayCalendar.YearWithoutCalendar::year).containsExactly(2027, 2028);
		assertThat(watched.deadlineYearsWithoutData()).containsOnlyKeys(2027, 2028);
	}

	@Test
	void shouldSeedOfficialScheduleWithMakeUpWorkingDaysOnWeekendsOnly() {
		List<CalendarDay> seed = officialSchedule();

		assertThat(seed).filteredOn((day) -> day.getKind() == CalendarDay.Kind.HOLIDAY).hasSize(28 + 33);
		assertThat(seed).filteredOn((day) -> day.getKind() == CalendarDay.Kind.WORKDAY)
			.hasSize(5 + 6)
			.allSatisfy((day) -> assertThat(day.getDay().getDayOfWeek()).as(day.getDay().toString())
				.isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
	}

	private static List<CalendarDay> officialSchedule() {
		List<CalendarDay> days = new ArrayList<>();
		Matcher row = SEED_ROW.matcher(readSeed());
		while (row.find()) {
			days.add(new CalendarDay(date(row.group(1)), CalendarDay.Kind.valueOf(row.group(2)), row.group(3)));
		}
		return days;
	}

	private static String readSeed() {
		try (InputStream in = WorkingDayCalendarTest.class.getClassLoader().getResourceAsStream(SEED)) {
			assertThat(in).as(SEED).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + SEED, ex);
		}
	}

	private static LocalDate date(String isoDate) {
		return LocalDate.parse(isoDate);
	}

	private static Date instant(String isoDateTime) {
		return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
	}

}
