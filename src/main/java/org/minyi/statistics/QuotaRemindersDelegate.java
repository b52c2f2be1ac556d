package org.minyi.statistics;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.minyi.notification.NotificationRecipient;
import org.minyi.notification.NotificationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** At the end of a quarter, everyone behind their quota is reminded (mail and inbox). */
@Component("quotaRemindersDelegate")
class QuotaRemindersDelegate implements JavaDelegate {

	private final QuotaService quotas;

	private final NotificationService notifications;

	private final ZoneId zone;

	QuotaRemindersDelegate(QuotaService quotas, NotificationService notifications,
			@Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.quotas = quotas;
		this.notifications = notifications;
		this.zone = zone;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// Run on the first day of a quarter: the quarter that just ended is judged.
		var judged = ClockUtil.now().toInstant().atZone(this.zone).toLocalDate().minusDays(1);
		List<QuotaService.Behind> behind = this.quotas.behind(judged);
		for (QuotaService.Behind person : behind) {
			this.notifications.notify("quota-reminder", List.of(person.userId()), null,
					Map.of("name", person.name(), "submitted", String.valueOf(person.submitted()), "quota",
							String.valueOf(person.quota()), "period", person.group().equals("member") ? "本年度" : "本月"),
					"/attachments.html", Set.of(NotificationRecipient.Channel.INBOX, NotificationRecipient.Channel.MAIL));
		}
		execution.setVariable("remindedCount", behind.size());
	}

}
