package org.minyi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Working days as the committee counts them: Monday to Friday, except public holidays, plus the
 * weekend days worked in exchange for them (调休). Every deadline given in working days is computed
 * here. BPMN models use the bean as {@code workingDayCalendar}, for example
 * {@code camunda:dueDate="${workingDayCalendar.dueDate(5)}"}.
 * <p>
 * The holidays come from the {@code minyi_calendar_day} table, read once into memory; call
 * {@link #reload()} after changing the table. Days in a year that the table does not cover yet are
 * counted as if that year had no holidays.
 * <p>
 * Thread-safe.
 */
@Service
public class WorkingDayCalendar {

	/** Deadlines fall at the end of the office day rather than at midnight. */
	static final LocalTime END_OF_OFFICE_DAY = LocalTime.of(18, 0);

	/** Reminders come at the start of an office day, so they are read that day. */
	static final LocalTime START_OF_OFFICE_DAY = LocalTime.of(9, 0);

	private final Supplier<List<CalendarDay>> source;

	private final ZoneId zone;

	// An immutable snapshot replaced as a whole, so readers need no lock and never see half a reload.
	// Null until first use: loading lazily keeps the database out of bean construction.
	private final AtomicReference<Map<LocalDate, CalendarDay.Kind>> exceptions = new AtomicReference<>();

	/**
	 * @param repository the stored holidays and make-up working days
	 * @param zone the zone whose calendar dates and office hours deadlines follow
	 */
	@Autowired
	WorkingDayCalendar(CalendarDayRepository repository,
			@Value("${minyi.calendar.zone:Asia/Shanghai}") String zone) {
		this(repository::findAll, ZoneId.of(zone));
	}

	/** A calendar over any source of days; tests pass a list. */
	WorkingDayCalendar(Supplier<List<CalendarDay>> source, ZoneId zone) {
		this.source = source;
		this.zone = zone;
	}

	/** A calendar over a fixed set of days, for tests. */
	static WorkingDayCalendar of(Collection<CalendarDay> days, ZoneId zone) {
		List<CalendarDay> copy = List.copyOf(days);
		return new WorkingDayCalendar(() -> copy, zone);
	}

	/**
	 * Reads the stored holidays and make-up working days again, for after an administrator has changed
	 * them. Calculations running meanwhile use either the old or the new days, never a mix.
	 */
	public void reload() {
		this.exceptions.set(load());
	}

	/**
	 * Whether a day is worked.
	 * @param date the day
	 * @return {@code true} for Monday to Friday unless a public holiday, and for a Saturday or Sunday
	 * only if it is a make-up working day
	 */
	public boolean isWorkingDay(LocalDate date) {
		return isWorkingDay(date, exceptions());
	}

	/**
	 * The day a given number of working days after a start day. The start day itself is not counted:
	 * one working day after a Friday is the next Monday (if that is worked).
	 * @param start the day counting starts from
	 * @param days how many working days to add, at least 0; with 0 the result is {@code start} if it is
	 * a working day, else the next working day
	 * @return the resulting working day
	 * @throws IllegalArgumentException if {@code days} is negative
	 */
	public LocalDate addWorkingDays(LocalDate start, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
		Map<LocalDate, CalendarDay.Kind> snapshot = exceptions();
		LocalDate date = start;
		if (days == 0) {
			while (!isWorkingDay(date, snapshot)) {
				date = date.plusDays(1);
			}
			return date;
		}
		int counted = 0;
		while (counted < days) {
			date = date.plusDays(1);
			if (isWorkingDay(date, snapshot)) {
				counted++;
			}
		}
		return date;
	}

	/**
	 * The due instant of a task created now that must be done within a number of working days: 18:00,
	 * in the calendar's zone, on {@link #addWorkingDays(LocalDate, int) addWorkingDays(today, workingDays)}.
	 * "Now" is the engine's clock, so process tests that move the clock move due dates with it.
	 * @param workingDays how many working days the task may take, at least 0
	 * @return the due instant
	 * @throws IllegalArgumentException if {@code workingDays} is negative
	 */
	public Date dueDate(int workingDays) {
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(this.zone).toLocalDate();
		LocalDate dueDay = addWorkingDays(today, workingDays);
		return Date.from(dueDay.atTime(END_OF_OFFICE_DAY).atZone(this.zone).toInstant());
	}

	/**
	 * When a reminder of a deadline is due: 09:00, in the calendar's zone, on the working day that is
	 * {@code workingDaysBefore} working days before the deadline's day ("due in n working days").
	 * @param deadline the deadline reminded of
	 * @param workingDaysBefore how many working days before it, at least 0
	 * @return the reminder's instant; in the past when the deadline is that close already
	 * @throws IllegalArgumentException if {@code workingDaysBefore} is negative
	 */
	public Date reminderDate(Date deadline, int workingDaysBefore) {
		if (workingDaysBefore < 0) {
			throw new IllegalArgumentException("workingDaysBefore must not be negative: " + workingDaysBefore);
		}
		Map<LocalDate, CalendarDay.Kind> snapshot = exceptions();
		LocalDate day = deadline.toInstant().atZone(this.zone).toLocalDate();
		int remaining = workingDaysBefore;
		while (remaining > 0) {
			day = day.minusDays(1);
			if (isWorkingDay(day, snapshot)) {
				remaining--;
			}
		}
		return Date.from(day.atTime(START_OF_OFFICE_DAY).atZone(this.zone).toInstant());
	}

	/**
	 * The number of working days after {@code from} up to and including {@code to}; negative, by the
	 * same count, when {@code to} is before {@code from}. So {@code workingDaysBetween(today, dueDay)}
	 * is how many working days are left (at most 3: "due within 3 working days"), and
	 * {@code workingDaysBetween(dueDay, today)} how many working days a task is overdue. For
	 * {@code n >= 1}, {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
	 * @param from the day counting starts after
	 * @param to the last day counted
	 * @return the signed number of working days
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		Map<LocalDate, CalendarDay.Kind> snapshot = exceptions();
		int count = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (isWorkingDay(date, snapshot)) {
				count++;
			}
		}
		return count;
	}

	// One snapshot per calculation, so a reload in the middle cannot mix two versions of the table.
	private static boolean isWorkingDay(LocalDate date, Map<LocalDate, CalendarDay.Kind> snapshot) {
		CalendarDay.Kind kind = snapshot.get(date);
		if (kind != null) {
			return kind == CalendarDay.Kind.WORKDAY;
		}
		DayOfWeek dayOfWeek = date.getDayOfWeek();
		return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
	}

	private Map<LocalDate, CalendarDay.Kind> exceptions() {
		Map<LocalDate, CalendarDay.Kind> snapshot = this.exceptions.get();
		if (snapshot != null) {
			return snapshot;
		}
		// Two first callers may both load; the table is small and the first to finish wins.
		this.exceptions.compareAndSet(null, load());
		return this.exceptions.get();
	}

	private Map<LocalDate, CalendarDay.Kind> load() {
		return this.source.get()
			.stream()
			.collect(Collectors.toUnmodifiableMap(CalendarDay::getDay, CalendarDay::getKind));
	}

}
