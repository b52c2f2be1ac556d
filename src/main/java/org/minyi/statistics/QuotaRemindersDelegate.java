package org.minyi.statistics;

import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.engine.EngineTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks every quota period that is over and reminds who is behind
 * ({@link QuotaService#checkEndedPeriods}). The bean keeps the name earlier versions of
 * the model call, so a job of such a version still finds it.
 */
@Component("quotaRemindersDelegate")
class QuotaRemindersDelegate implements JavaDelegate {

	private final QuotaService quotas;

	private final ZoneId zone;

	QuotaRemindersDelegate(QuotaService quotas, @Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.quotas = quotas;
		this.zone = zone;
	}

	@Override
	public void execute(DelegateExecution execution) {
		QuotaService.Check check = this.quotas.checkEndedPeriods(EngineTime.instant().atZone(this.zone).toLocalDate());
		execution.setVariable(QuotaCheckProcess.CHECKED_PERIODS, check.periods().size());
		execution.setVariable(QuotaCheckProcess.REMINDED_COUNT, check.reminded());
	}

}
