package org.minyi.calendar;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.minyi.engine.EngineTime;
import org.minyi.identity.Role;
import org.minyi.notification.NotificationRecipient;
import org.minyi.notification.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the administrators (inbox and mail) that the working-day calendar runs out: from
 * {@link #ADVANCE_DAYS} days before the last day it covers, and when a deadline was
 * computed in a year it does not cover. Each alert is sent once, across restarts and
 * nodes: its key in {@code minyi_calendar_alert} is written in the transaction that
 * stores the notification.
 * <p>
 * Every {@code minyi.calendar.check-interval} (an hour; {@code 0} turns it off) each node
 * reloads the calendar from the table, so days an administrator added take effect without
 * a restart, and checks. Both run on a thread of their own: a deadline is computed inside
 * another transaction (a task being created), whose outcome must not decide whether the
 * administrators hear of it.
 */
@Component
class CalendarAlerts implements SmartLifecycle {

	/** How long before the calendar's last covered day the administrators are told. */
	static final int ADVANCE_DAYS = 60;

	private static final Logger log = LoggerFactory.getLogger(CalendarAlerts.class);

	private static final String LINK = "/actuator/health/calendar";

	private final WorkingDayCalendar calendar;

	private final NotificationService notifications;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Duration interval;

	private volatile ScheduledExecutorService executor;

	CalendarAlerts(WorkingDayCalendar calendar, NotificationService notifications, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager,
			@Value("${minyi.calendar.check-interval:PT1H}") Duration interval) {
		this.calendar = calendar;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.interval = interval;
	}

	/**
	 * Sends the alerts that are due today (engine clock) and not sent yet; returns the
	 * keys it sent.
	 */
	List<String> check() {
		LocalDate today = this.calendar.today();
		Optional<LocalDate> last = this.calendar.lastCoveredDay();
		List<String> sent = new java.util.ArrayList<>();
		if (last.isEmpty() || !today.isBefore(last.get().minusDays(ADVANCE_DAYS))) {
			String key = "calendar-ends:" + last.map(LocalDate::toString).orElse("none");
			String lastDay = last.map(LocalDate::toString).orElse("（未录入任何年度）");
			String nextYear = String.valueOf(last.map((day) -> day.getYear() + 1).orElse(today.getYear()));
			if (alertOnce(key, "calendar-ending",
					Map.of("lastCoveredDay", lastDay, "coveredYears", coveredYears(), "nextYear", nextYear))) {
				sent.add(key);
			}
		}
		for (Map.Entry<Integer, LocalDate> year : this.calendar.deadlineYearsWithoutData().entrySet()) {
			String key = missingYearAlert(year.getKey(), year.getValue());
			if (key != null) {
				sent.add(key);
			}
		}
		return sent;
	}

	@EventListener
	void on(WorkingDayCalendar.YearWithoutCalendar event) {
		ScheduledExecutorService running = this.executor;
		if (running != null) {
			running.execute(() -> missingYearAlert(event.year(), event.deadline()));
		}
	}

	private String missingYearAlert(int year, LocalDate deadline) {
		String key = "calendar-missing:" + year;
		return alertOnce(key, "calendar-missing-year",
				Map.of("year", String.valueOf(year), "deadline", deadline.toString(), "coveredYears", coveredYears()))
						? key : null;
	}

	private String coveredYears() {
		Set<Integer> years = this.calendar.coveredYears();
		return years.isEmpty() ? "无" : years.stream().map(String::valueOf).collect(Collectors.joining("、"));
	}

	private boolean alertOnce(String key, String template, Map<String, String> values) {
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> {
				Integer sent = this.jdbc.queryForObject("SELECT COUNT(*) FROM minyi_calendar_alert WHERE alert_key = ?",
						Integer.class, key);
				if (sent != null && sent > 0) {
					return false;
				}
				this.jdbc.update("INSERT INTO minyi_calendar_alert (alert_key, created_at) VALUES (?, ?)", key,
						Timestamp.from(EngineTime.instant()));
				Set<String> administrators = this.notifications.membersOf(List.of(Role.ADMIN.groupId()));
				this.notifications.notify(template, administrators, null, values, LINK,
						Set.of(NotificationRecipient.Channel.INBOX, NotificationRecipient.Channel.MAIL));
				log.warn("Working-day calendar: administrators {} told ({})", administrators, key);
				return true;
			}));
		}
		catch (DataIntegrityViolationException ex) {
			// Another node wrote the same key a moment earlier: it told them.
			return false;
		}
		catch (RuntimeException ex) {
			log.warn("Working-day calendar: could not tell the administrators ({}); the next check tries again", key,
					ex);
			return false;
		}
	}

	private void reloadAndCheck() {
		try {
			this.calendar.reload();
			check();
		}
		catch (RuntimeException ex) {
			log.warn("Working-day calendar: reload and check failed; the next one tries again", ex);
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "minyi-calendar");
			thread.setDaemon(true);
			return thread;
		});
		if (!this.interval.isZero() && !this.interval.isNegative()) {
			started.scheduleWithFixedDelay(this::reloadAndCheck, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		}
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running != null) {
			running.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
