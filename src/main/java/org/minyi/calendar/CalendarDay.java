package org.minyi.calendar;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One exception to the Monday-to-Friday week: a public holiday, or a weekend day that is
 * worked to make up for one. Ordinary weekends are not stored.
 */
@Entity
@Table(name = "minyi_calendar_day")
class CalendarDay {

	/** What kind of exception a day is; stored by name. */
	enum Kind {

		/** A public holiday: not worked, whatever the day of the week. */
		HOLIDAY,

		/** A Saturday or Sunday that is worked (调休). */
		WORKDAY

	}

	@Id
	@Column(name = "calendar_date")
	private LocalDate day;

	@Enumerated(EnumType.STRING)
	@Column(name = "kind", length = 20, nullable = false)
	private Kind kind;

	@Column(name = "name", length = 60, nullable = false)
	private String name;

	protected CalendarDay() {
	}

	CalendarDay(LocalDate day, Kind kind, String name) {
		this.day = day;
		this.kind = kind;
		this.name = name;
	}

	static CalendarDay holiday(LocalDate day, String name) {
		return new CalendarDay(day, Kind.HOLIDAY, name);
	}

	static CalendarDay workday(LocalDate day, String name) {
		return new CalendarDay(day, Kind.WORKDAY, name);
	}

	LocalDate getDay() {
		return this.day;
	}

	Kind getKind() {
		return this.kind;
	}

	String getName() {
		return this.name;
	}

}
