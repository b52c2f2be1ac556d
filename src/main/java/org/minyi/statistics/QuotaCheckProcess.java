package org.minyi.statistics;

/**
 * Names in {@code bpmn/quarterly-statistics.bpmn}, the check of the submission quotas
 * after each period. The key stays {@code minyi-quarterly-statistics} (the model once ran
 * only at the end of a quarter): a new version of the same key replaces the quarterly
 * timer of installations that have it.
 */
public final class QuotaCheckProcess {

	public static final String KEY = "minyi-quarterly-statistics";

	// Element ids
	/**
	 * Timer start event, 09:00 every day: a week is checked on the Monday after it, a
	 * month (quarter, year) on the 1st after it. (Camunda 7 allows one timer start event
	 * per process, and no cron expression says "Mondays and the 1st".)
	 */
	public static final String START_DAILY = "start_daily";

	public static final String TASK_CHECK_QUOTAS = "task_check_quotas";

	public static final String END_CHECKED = "end_checked";

	// Variables the check leaves on its instance (Cockpit shows them in its history)
	/** How many quota periods this run checked. */
	public static final String CHECKED_PERIODS = "checkedPeriods";

	/** How many reminders this run sent. */
	public static final String REMINDED_COUNT = "remindedCount";

	private QuotaCheckProcess() {
	}

}
