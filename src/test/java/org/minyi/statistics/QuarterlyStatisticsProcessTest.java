package org.minyi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minyi.notification.NotificationService;
import org.minyi.support.Engine;
import org.minyi.support.EngineClock;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The quota check after every period, driven by the engine clock: the clock is moved to
 * the process's next timer and whatever the job query finds due then runs, as the job
 * executor would run it. Each test goes on from where the timers are, so the clock only
 * moves forward.
 */
@MinyiIntegrationTest
class QuarterlyStatisticsProcessTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	EngineClock clock;

	@Autowired
	Engine engine;

	@Autowired
	NotificationService notifications;

	@Autowired
	Http http;

	@AfterEach
	void resetClock() {
		EngineClock.reset();
	}

	@Test
	void shouldCheckAnInformationOfficersMonthlyQuotaEveryMonth() {
		String officer = submitter("info-officer");
		LocalDate first = runNextCheck();
		LocalDate submittedIn = null;
		while (monthsEndedBetween(first, today()).size() < 3) {
			runNextCheck();
			if (submittedIn == null && monthsEndedBetween(first, today()).size() == 1) {
				// In the second month the officer does submit: that month is not
				// reminded.
				submittedIn = today();
				submitPiece(officer);
			}
		}

		QuotaPeriod submittedMonth = (submittedIn != null) ? QuotaPeriod.Kind.MONTH.containing(submittedIn) : null;
		for (QuotaPeriod month : monthsEndedBetween(first, today())) {
			assertThat(reminders(officer, month)).as(month.label()).isEqualTo(month.equals(submittedMonth) ? 0 : 1);
		}
		assertThat(submittedMonth).as("a check ran in every month").isNotNull();
		assertThat(this.engine.history()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(QuotaCheckProcess.KEY)
			.finished()
			.count()).as("a check every day").isGreaterThanOrEqualTo(60);
		assertThat(this.clock.nextTimer(QuotaCheckProcess.KEY).getDuedate()).as("the next check is scheduled")
			.isAfter(ClockUtil.getCurrentTime());
		assertThat(
				this.engine.runtime().createProcessInstanceQuery().processDefinitionKey(QuotaCheckProcess.KEY).count())
			.as("no check left running")
			.isZero();
	}

	@Test
	void shouldCheckAWeeklyQuotaEveryWeekAndWeeksMissedWhileStopped() {
		String station = submitter("reporting-station");
		LocalDate first = runNextCheck();
		runNextCheck();
		submitPiece(station);
		LocalDate submittedIn = today();
		while (weeksEndedBetween(first, today()).size() < 3) {
			runNextCheck();
		}
		// The application is stopped for two weeks and a half: the weeks it missed are
		// checked when it is back.
		LocalDate stoppedFrom = today();
		this.clock.advanceTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(18))),
				QuotaCheckProcess.KEY);

		List<QuotaPeriod> ended = weeksEndedBetween(first, today());
		assertThat(ended).hasSizeGreaterThanOrEqualTo(5);
		for (QuotaPeriod week : ended) {
			boolean submitted = week.from().equals(QuotaPeriod.Kind.WEEK.containing(submittedIn).from());
			assertThat(reminders(station, week)).as(week.label()).isEqualTo(submitted ? 0 : 1);
		}
		assertThat(weeksEndedBetween(stoppedFrom, today())).as("weeks that ended while stopped")
			.hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void shouldRemindOncePerPeriodWhenAPeriodIsCheckedTwice() {
		String officer = submitter("info-officer");
		String station = submitter("reporting-station");
		do {
			runNextCheck();
		}
		while (today().getDayOfWeek() != DayOfWeek.MONDAY);
		QuotaPeriod week = QuotaPeriod.Kind.WEEK.lastEndedBefore(today());
		assertThat(reminders(station, week)).isOne();
		// The same day again, by a second run of the check (another timer, another node,
		// an operator).
		assertThat(checkAgain()).as("periods checked again").isZero();
		assertThat(reminders(station, week)).isOne();

		QuotaPeriod month = QuotaPeriod.Kind.MONTH.containing(today());
		while (!month.endedBefore(today())) {
			runNextCheck();
		}
		assertThat(reminders(officer, month)).isOne();
		assertThat(checkAgain()).isZero();
		assertThat(reminders(officer, month)).isOne();
	}

	/**
	 * One more run of the check now, started at its task; the number of periods it
	 * checked.
	 */
	private int checkAgain() {
		ProcessInstance again = this.engine.runtime()
			.createProcessInstanceByKey(QuotaCheckProcess.KEY)
			.startBeforeActivity(QuotaCheckProcess.TASK_CHECK_QUOTAS)
			.execute();
		return (Integer) this.engine.history()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(again.getId())
			.variableName(QuotaCheckProcess.CHECKED_PERIODS)
			.singleResult()
			.getValue();
	}

	/**
	 * Moves the engine clock a minute past the process's next timer and runs what is then
	 * due.
	 */
	private LocalDate runNextCheck() {
		Job next = this.clock.nextTimer(QuotaCheckProcess.KEY);
		this.clock.advanceTo(EngineClock.minutesAfter(next.getDuedate(), 1), QuotaCheckProcess.KEY);
		return today();
	}

	private static LocalDate today() {
		return ClockUtil.getCurrentTime().toInstant().atZone(SHANGHAI).toLocalDate();
	}

	/**
	 * The months that began on or after {@code from}'s month and are over on
	 * {@code today}.
	 */
	private static List<QuotaPeriod> monthsEndedBetween(LocalDate from, LocalDate today) {
		return ended(QuotaPeriod.Kind.MONTH.containing(from), today);
	}

	private static List<QuotaPeriod> weeksEndedBetween(LocalDate from, LocalDate today) {
		return ended(QuotaPeriod.Kind.WEEK.containing(from), today);
	}

	private static List<QuotaPeriod> ended(QuotaPeriod start, LocalDate today) {
		List<QuotaPeriod> ended = new ArrayList<>();
		for (QuotaPeriod period = start; period.endedBefore(today); period = period.next()) {
			ended.add(period);
		}
		return ended;
	}

	private long reminders(String userId, QuotaPeriod period) {
		return this.notifications.inbox(userId)
			.stream()
			.filter((entry) -> entry.subject().equals("【报送提醒】" + period.label() + "社情民意信息报送任务尚未完成"))
			.count();
	}

	/** A new submitter in the quota's group, with the demo password. */
	private String submitter(String group) {
		String id = group.substring(0, 4) + System.nanoTime();
		User user = this.engine.identity().newUser(id);
		user.setFirstName("定额测试");
		user.setLastName("");
		user.setPassword("demo");
		((IdentityServiceImpl) this.engine.identity()).saveUser(user, true);
		this.engine.identity().createMembership(id, "submitter");
		this.engine.identity().createMembership(id, group);
		return id;
	}

	private void submitPiece(String userId) {
		assertThat(this.http.post(userId, "/api/pieces", PieceFixtures.piece().build()).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

}
