package org.minyi.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The actuator's {@code calendar} health: which years the working-day calendar covers,
 * which of this year and the next it lacks, and the years deadlines of this node reached
 * without data. Its status is {@link #WARNING} from {@link CalendarAlerts#ADVANCE_DAYS}
 * days before the last covered day, when this year is not covered, or once a deadline
 * fell into a year without data; {@code UP} otherwise. {@code WARNING} is outside the
 * status order that the actuator aggregates, and answers HTTP 200: the application's own
 * health and its readiness stay {@code UP}, since wrong holidays are no reason to stop
 * taking pieces.
 */
@Component
class CalendarHealthIndicator implements HealthIndicator {

	/** The calendar needs an administrator's attention; the application works. */
	static final Status WARNING = new Status("WARNING", "工作日历缺少年度数据：办理时限不计节假日（见 README「工作日历」）");

	private final WorkingDayCalendar calendar;

	CalendarHealthIndicator(WorkingDayCalendar calendar) {
		this.calendar = calendar;
	}

	@Override
	public Health health() {
		LocalDate today = this.calendar.today();
		NavigableSet<Integer> covered = this.calendar.coveredYears();
		Optional<LocalDate> last = this.calendar.lastCoveredDay();
		List<Integer> missing = new ArrayList<>();
		for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
			if (!covered.contains(year)) {
				missing.add(year);
			}
		}
		Map<String, String> deadlines = new LinkedHashMap<>();
		this.calendar.deadlineYearsWithoutData()
			.forEach((year, deadline) -> deadlines.put(String.valueOf(year), deadline.toString()));
		boolean ending = last.isEmpty() || !today.isBefore(last.get().minusDays(CalendarAlerts.ADVANCE_DAYS));
		boolean warn = ending || !covered.contains(today.getYear()) || !deadlines.isEmpty();
		Health.Builder health = Health.status(warn ? WARNING : Status.UP)
			.withDetail("coveredYears", covered)
			.withDetail("missingYears", missing)
			.withDetail("deadlinesInYearsWithoutData", deadlines);
		last.ifPresent((day) -> health.withDetail("lastCoveredDay", day.toString())
			.withDetail("warnFrom", day.minusDays(CalendarAlerts.ADVANCE_DAYS).toString()));
		return health.build();
	}

}
