package org.minyi.engine;

import java.time.Duration;

/**
 * Work that the application hands to the engine's job executor, not to a process: a
 * Spring bean of this type runs the jobs of its {@link #type()} that
 * {@link ApplicationJobs#schedule} created. The job runs in its own engine transaction,
 * on any node, after the transaction that scheduled it has committed; an exception fails
 * the attempt, which is retried after {@link #retryInterval()} until {@link #attempts()}
 * ran out, and then becomes an incident (in Cockpit) that an operator's retry runs again.
 */
public interface ApplicationJob {

	/**
	 * The type stored with each job ({@code ACT_RU_JOB.HANDLER_TYPE_}). Jobs in a
	 * database keep it over an upgrade, so it never changes; it must not be one of the
	 * engine's own job types.
	 */
	String type();

	/**
	 * Does the work for one job; {@code payload} is what {@link ApplicationJobs#schedule}
	 * was given.
	 */
	void run(String payload);

	/** Attempts in all, the first included, before the job becomes an incident. */
	int attempts();

	/** How long a failed attempt waits for the next one (engine time). */
	Duration retryInterval();

}
