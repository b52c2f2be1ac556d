package org.minyi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minyi.notification.NotificationService;
import org.minyi.support.MinyiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The quarterly timer start event fires when the engine clock reaches it and reminds who is behind. */
@MinyiIntegrationTest
class QuarterlyStatisticsProcessTest {

	private static final String KEY = "minyi-quarterly-statistics";

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	NotificationService notifications;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldRemindAnInformationOfficerWithoutPiecesWhenTheQuarterEnds() {
		Job timer = this.managementService.createJobQuery().processDefinitionKey(KEY).timers().singleResult();
		assertThat(timer.getDuedate()).isAfter(new Date());

		ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
		assertThat(this.managementService.createJobQuery().jobId(timer.getId()).executable().count()).isOne();
		this.managementService.executeJob(timer.getId());

		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.completed()
			.count()).isPositive();
		assertThat(this.notifications.inbox("sunqing")).extracting(NotificationService.InboxEntry::subject)
			.anyMatch((subject) -> subject.startsWith("【报送提醒】本月"));
		assertThat(this.managementService.createJobQuery().processDefinitionKey(KEY).timers().count())
			.as("the next quarter is scheduled")
			.isOne();
	}

}
