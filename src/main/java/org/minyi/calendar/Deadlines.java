package org.minyi.calendar;

import java.util.Date;
import java.util.Map;

import org.minyi.common.RuleViolation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, in working days per kind of task, from configuration
 * ({@code minyi.deadlines.working-days.<kind>}), and their reminders
 * ({@code minyi.deadlines.reminder-working-days.<kind>} working days before, 1 if not
 * configured). Models use it as {@code camunda:dueDate="${deadlines.due('verify')}"}, and
 * for the task's non-interrupting boundary timers {@code ${deadlines.reminder('verify')}}
 * (remind) and {@code ${deadlines.due('verify')}} (escalate): all three are evaluated
 * when the task begins, so they are the same deadline.
 */
@Component("deadlines")
public class Deadlines {

	@ConfigurationProperties("minyi.deadlines")
	public record Properties(Map<String, Integer> workingDays, Map<String, Integer> reminderWorkingDays) {

		public Properties {
			workingDays = (workingDays != null) ? Map.copyOf(workingDays) : Map.of();
			reminderWorkingDays = (reminderWorkingDays != null) ? Map.copyOf(reminderWorkingDays) : Map.of();
		}

	}

	/**
	 * Working days between a reminder and its deadline when the kind of task configures
	 * none.
	 */
	static final int DEFAULT_REMINDER_WORKING_DAYS = 1;

	private final WorkingDayCalendar calendar;

	private final Properties properties;

	Deadlines(WorkingDayCalendar calendar, Properties properties) {
		this.calendar = calendar;
		this.properties = properties;
	}

	/** The due date of a task of this kind created now. */
	public Date due(String kind) {
		Integer days = this.properties.workingDays().get(kind);
		if (days == null) {
			throw new RuleViolation("DEADLINE_NOT_CONFIGURED", "未配置「" + kind + "」的办理时限（minyi.deadlines.working-days）");
		}
		return this.calendar.dueDate(days);
	}

	/**
	 * When a task of this kind created now is reminded of its due date: the configured
	 * working days before it, at the start of the office day.
	 */
	public Date reminder(String kind) {
		return this.calendar.reminderDate(due(kind),
				this.properties.reminderWorkingDays().getOrDefault(kind, DEFAULT_REMINDER_WORKING_DAYS));
	}

	/**
	 * The end of the working day that is this many working days from today: "due within n
	 * working days".
	 */
	public Date withinWorkingDays(int workingDays) {
		return this.calendar.dueDate(workingDays);
	}

	/** The working days configured for a kind of task. */
	public int workingDays(String kind) {
		return this.properties.workingDays().getOrDefault(kind, 0);
	}

}
