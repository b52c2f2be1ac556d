/**
 * The working-day calendar that every deadline uses: which days are worked, given Chinese
 * public holidays and the weekend days worked in exchange (调休), and the due dates that
 * follow from it. It owns the {@code minyi_calendar_day} table. Its public face is
 * {@link org.minyi.calendar.WorkingDayCalendar}, which BPMN models reach as
 * {@code ${workingDayCalendar.dueDate(5)}}, and {@link org.minyi.calendar.Deadlines}: a
 * task's due date and the date of its reminder, per kind of task
 * ({@code ${deadlines.due('verify')}}, {@code ${deadlines.reminder('verify')}}). It says
 * loudly when the table runs out: a WARN line per year without data that a deadline
 * reaches, the actuator's {@code calendar} health, and the administrators' inbox
 * ({@code minyi_calendar_alert}: each alert once).
 */
package org.minyi.calendar;
