package org.minyi.calendar;

import java.time.LocalDate;

import org.springframework.data.repository.ListCrudRepository;

/** The stored holidays and make-up working days. */
interface CalendarDayRepository extends ListCrudRepository<CalendarDay, LocalDate> {

}
