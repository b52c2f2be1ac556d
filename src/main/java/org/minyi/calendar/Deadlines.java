package org.minyi.calendar;

import java.util.Date;
import java.util.Map;

import org.minyi.common.RuleViolation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, in working days per kind of task, from configuration
 * ({@code minyi.deadlines.working-days.<kind>}). Models use it as
 * {@code camunda:dueDate="${deadlines.due('register')}"}.
 */
@Component("deadlines")
public class Deadlines {

	@ConfigurationProperties("minyi.deadlines")
	public record Properties(Map<String, Integer> workingDays) {

		public Properties {
			workingDays = (workingDays != null) ? Map.copyOf(workingDays) : Map.of();
		}

	}

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

	/** The end of the working day that is this many working days from today: "due within n working days". */
	public Date withinWorkingDays(int workingDays) {
		return this.calendar.dueDate(workingDays);
	}

	/** The working days configured for a kind of task. */
	public int workingDays(String kind) {
		return this.properties.workingDays().getOrDefault(kind, 0);
	}

}
