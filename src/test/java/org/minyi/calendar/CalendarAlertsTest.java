package org.minyi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minyi.notification.NotificationService;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * From 60 days before the last day the working-day calendar covers, the administrators
 * are told, once, whichever node checks and however often; the health names the years it
 * covers and the next one it lacks.
 */
@MinyiIntegrationTest
class CalendarAlertsTest {

	private static final String ADMIN_PASSWORD = "Test-Admin-Pw-1";

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	CalendarAlerts alerts;

	@Autowired
	NotificationService notifications;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	TestRestTemplate rest;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldTellTheAdministratorsOnceFromSixtyDaysBeforeTheCalendarEnds() {
		LocalDate last = this.calendar.lastCoveredDay().orElseThrow();
		String subject = "【工作日历】" + last + "以后的节假日安排尚未录入";

		setClock(last.minusDays(61));
		this.alerts.check();
		assertThat(inboxOfAdmin(subject)).as("61 days before").isZero();
		Map<String, Object> details = (Map<String, Object>) this.rest.withBasicAuth("admin", ADMIN_PASSWORD)
			.exchange("/actuator/health/calendar", HttpMethod.GET, null, Http.OBJECT)
			.getBody()
			.get("details");
		assertThat(details).containsEntry("lastCoveredDay", last.toString())
			.containsEntry("warnFrom", last.minusDays(60).toString());
		assertThat((List<Integer>) details.get("missingYears")).as("next year").containsExactly(last.getYear() + 1);

		setClock(last.minusDays(60));
		assertThat(this.alerts.check()).contains("calendar-ends:" + last);
		assertThat(inboxOfAdmin(subject)).isOne();
		this.alerts.check();
		setClock(last.plusDays(10));
		this.alerts.check();
		// Another node, or this one after a restart: nothing in memory, the same
		// database.
		CalendarAlerts otherNode = new CalendarAlerts(this.calendar, this.notifications, this.jdbc,
				this.transactionManager, Duration.ZERO);
		assertThat(otherNode.check()).doesNotContain("calendar-ends:" + last);
		assertThat(inboxOfAdmin(subject)).isOne();
	}

	private long inboxOfAdmin(String subject) {
		return this.notifications.inbox("admin").stream().filter((entry) -> entry.subject().equals(subject)).count();
	}

	private static void setClock(LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(SHANGHAI).toInstant()));
	}

}
