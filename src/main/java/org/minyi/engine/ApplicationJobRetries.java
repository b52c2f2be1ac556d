package org.minyi.engine;

import java.util.Date;

import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * A failed {@link ApplicationJob application job} waits its
 * {@link ApplicationJob#retryInterval()} before the next attempt, and its last failed
 * attempt opens an incident, as the engine's own retry cycle does. That cycle comes from
 * a job's activity, and application jobs have none: without this they would be retried at
 * once. Other jobs are left to the engine.
 */
final class ApplicationJobRetries implements FailedJobCommandFactory {

	private final FailedJobCommandFactory others;

	private final ApplicationJobs jobs;

	ApplicationJobRetries(FailedJobCommandFactory others, ApplicationJobs jobs) {
		this.others = others;
		this.jobs = jobs;
	}

	@Override
	public Command<Object> getCommand(String jobId, Throwable exception) {
		return new RetryCmd(jobId, exception, this.others.getCommand(jobId, exception));
	}

	private final class RetryCmd extends DefaultJobRetryCmd {

		private final Command<Object> otherwise;

		RetryCmd(String jobId, Throwable exception, Command<Object> otherwise) {
			super(jobId, exception);
			this.otherwise = otherwise;
		}

		@Override
		public Object execute(CommandContext commandContext) {
			JobEntity job = getJob();
			ApplicationJob applicationJob = (job != null)
					? ApplicationJobRetries.this.jobs.find(job.getJobHandlerType()) : null;
			if (applicationJob == null) {
				return this.otherwise.execute(commandContext);
			}
			job.unlock();
			logException(job);
			decrementRetries(job);
			job.setDuedate(new Date(EngineTime.now().getTime() + applicationJob.retryInterval().toMillis()));
			notifyAcquisition(commandContext);
			return null;
		}

	}

}
