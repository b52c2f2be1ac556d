package org.minyi.notification;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.minyi.engine.EngineTime;

/**
 * A failed mail job waits a minute before its next attempt, five attempts in all. The engine's retry
 * cycle comes from a job's activity, and mail jobs have none: without this they would be retried at once,
 * and a mail server down for a minute would turn every mail into an incident.
 */
final class MailRetries implements FailedJobCommandFactory {

	static final int ATTEMPTS = 5;

	static final Duration INTERVAL = Duration.ofMinutes(1);

	private final FailedJobCommandFactory others;

	MailRetries(FailedJobCommandFactory others) {
		this.others = others;
	}

	@Override
	public Command<Object> getCommand(String jobId, Throwable exception) {
		return new MailRetryCmd(jobId, exception, this.others.getCommand(jobId, exception));
	}

	private static final class MailRetryCmd extends DefaultJobRetryCmd {

		private final Command<Object> otherwise;

		MailRetryCmd(String jobId, Throwable exception, Command<Object> otherwise) {
			super(jobId, exception);
			this.otherwise = otherwise;
		}

		@Override
		public Object execute(CommandContext commandContext) {
			JobEntity job = getJob();
			if (job == null || !MailJobHandler.TYPE.equals(job.getJobHandlerType())) {
				return this.otherwise.execute(commandContext);
			}
			job.unlock();
			logException(job);
			decrementRetries(job);
			job.setDuedate(new Date(EngineTime.now().getTime() + INTERVAL.toMillis()));
			notifyAcquisition(commandContext);
			return null;
		}

	}

}
