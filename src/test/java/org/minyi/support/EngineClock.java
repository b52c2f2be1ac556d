package org.minyi.support;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Time for process tests: the engine's clock is moved, and then every job of the given
 * process instances that is due by then runs, as the job executor would run it (the tests
 * switch the executor off). What fires is decided by the jobs' due dates, not by the
 * test: a timer that the model does not schedule for that time does not fire. Jobs of
 * other instances in the shared engine are left alone. Call {@link #reset()} after the
 * test.
 */
public final class EngineClock {

	/**
	 * A model that keeps scheduling due jobs would loop for ever; no path of ours needs
	 * this many rounds.
	 */
	private static final int MAX_ROUNDS = 50;

	private final ManagementService managementService;

	public EngineClock(ManagementService managementService) {
		this.managementService = managementService;
	}

	/**
	 * Moves the clock to {@code instant} and runs the due jobs of these instances until
	 * none is left.
	 */
	public void advanceTo(Date instant, Collection<String> processInstanceIds) {
		advanceTo(instant, () -> List.copyOf(processInstanceIds));
	}

	/**
	 * As {@link #advanceTo(Date, Collection)}, with the instances asked again each round,
	 * for jobs that start instances (a call activity behind a timer).
	 */
	public void advanceTo(Date instant, Supplier<List<String>> processInstanceIds) {
		runDue(instant, () -> dueJobs(processInstanceIds.get()));
	}

	/**
	 * Moves the clock to {@code instant} and runs the due jobs of a process definition,
	 * its timer start events included, until none is left.
	 */
	public void advanceTo(Date instant, String processDefinitionKey) {
		runDue(instant,
				() -> this.managementService.createJobQuery()
					.processDefinitionKey(processDefinitionKey)
					.executable()
					.list());
	}

	/**
	 * The process definition's timer that is due first: where
	 * {@link #advanceTo(Date, String)} goes next.
	 */
	public Job nextTimer(String processDefinitionKey) {
		return this.managementService.createJobQuery()
			.processDefinitionKey(processDefinitionKey)
			.timers()
			.orderByJobDuedate()
			.asc()
			.listPage(0, 1)
			.get(0);
	}

	private void runDue(Date instant, Supplier<List<Job>> dueJobs) {
		ClockUtil.setCurrentTime(instant);
		for (int round = 0; round < MAX_ROUNDS; round++) {
			List<Job> due = dueJobs.get();
			if (due.isEmpty()) {
				return;
			}
			due.forEach((job) -> this.managementService.executeJob(job.getId()));
		}
		throw new IllegalStateException("Jobs still due after " + MAX_ROUNDS + " rounds at " + instant);
	}

	/** Some minutes after an instant, for "just after" a due date. */
	public static Date minutesAfter(Date instant, int minutes) {
		return new Date(instant.getTime() + minutes * 60_000L);
	}

	/** Some minutes before an instant, for "just before" a due date. */
	public static Date minutesBefore(Date instant, int minutes) {
		return minutesAfter(instant, -minutes);
	}

	public static void reset() {
		ClockUtil.reset();
	}

	private List<Job> dueJobs(List<String> processInstanceIds) {
		return processInstanceIds.stream()
			.flatMap((id) -> this.managementService.createJobQuery().processInstanceId(id).executable().list().stream())
			.toList();
	}

}
