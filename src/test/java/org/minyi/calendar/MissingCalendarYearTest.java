package org.minyi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.minyi.notification.NotificationService;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A deadline that falls in a year the working-day calendar has no data for is said
 * loudly: one WARN line per year on the node, the actuator's {@code calendar} health (for
 * administrators; the application stays UP), and the administrators' inbox. Only through
 * the application's interfaces.
 */
@MinyiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MissingCalendarYearTest {

	private static final String ADMIN_PASSWORD = "Test-Admin-Pw-1";

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	NotificationService notifications;

	@Autowired
	Http http;

	@Autowired
	TestRestTemplate rest;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldWarnOnceAndTellTheAdministratorsWhenADeadlineFallsInAYearWithoutData(CapturedOutput output) {
		// Years the calendar will not have for a long time yet.
		int year = LocalDate.now().getYear() + 7;
		setClock(LocalDate.of(year, 3, 1));
		for (int piece = 0; piece < 2; piece++) {
			// Registration is due within two working days: a deadline in that year.
			assertThat(this.http.post("wangfang", "/api/pieces", PieceFixtures.piece().build()).getStatusCode())
				.isEqualTo(HttpStatus.CREATED);
		}

		String warning = "No working-day calendar for " + year + ":";
		assertThat(output.getOut().split(warning, -1)).as("log lines «%s»", warning).hasSize(2);
		assertThat(output.getOut()).contains("WARN").contains("Add the State Council's " + year + " schedule");

		String subject = "【工作日历】" + year + "年没有节假日安排，办理时限未计节假日";
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(inboxOfAdmin(subject)).isOne());

		ResponseEntity<Map<String, Object>> health = this.rest.withBasicAuth("admin", ADMIN_PASSWORD)
			.exchange("/actuator/health/calendar", HttpMethod.GET, null, Http.OBJECT);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).containsEntry("status", "WARNING");
		Map<String, Object> details = (Map<String, Object>) health.getBody().get("details");
		assertThat((List<Integer>) details.get("coveredYears")).contains(2025, 2026).doesNotContain(year);
		assertThat((List<Integer>) details.get("missingYears")).containsExactly(year, year + 1);
		assertThat((Map<String, Object>) details.get("deadlinesInYearsWithoutData")).containsKey(String.valueOf(year));

		// The application stays UP and ready; anonymous callers see no details.
		assertThat(this.rest.getForEntity("/actuator/health", String.class).getBody()).startsWith("{\"status\":\"UP\"");
		assertThat(this.rest.getForEntity("/actuator/health/readiness", String.class).getBody())
			.isEqualTo("{\"status\":\"UP\"}");
		assertThat(this.rest.getForEntity("/actuator/health/calendar", String.class).getStatusCode())
			.as("anonymous callers see no components")
			.isEqualTo(HttpStatus.NOT_FOUND);
		Map<String, Object> all = this.rest.withBasicAuth("admin", ADMIN_PASSWORD)
			.exchange("/actuator/health", HttpMethod.GET, null, Http.OBJECT)
			.getBody();
		assertThat(all).containsEntry("status", "UP");
		assertThat((Map<String, Object>) all.get("components")).containsKey("calendar");
		assertThat(this.rest.withBasicAuth("liqiang", "demo")
			.getForEntity("/actuator/health/calendar", String.class)
			.getStatusCode()).as("not an administrator").isEqualTo(HttpStatus.NOT_FOUND);
	}

	private long inboxOfAdmin(String subject) {
		return this.notifications.inbox("admin").stream().filter((entry) -> entry.subject().equals(subject)).count();
	}

	private static void setClock(LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(SHANGHAI).toInstant()));
	}

}
