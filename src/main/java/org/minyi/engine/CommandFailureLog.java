package org.minyi.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.minyi.common.Causes;
import org.minyi.common.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One log line for an expected refusal, the whole trace for a real failure. The engine
 * logs every failed command at ERROR with its stack ({@code ENGINE-16004}), so a rule
 * refusing a form input inside a service task looked like an outage; the engine's logging
 * is off, and this interceptor logs the outermost command's failure: a rule violation, a
 * client mistake or a lost race at INFO or WARN in one line, anything else at ERROR with
 * its trace.
 */
@Component
class CommandFailureLog extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(CommandFailureLog.class);

	private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setEnableCmdExceptionLogging(false);
		PreCommandInterceptors.addFirst(configuration, new CommandInterceptor() {

			@Override
			public <T> T execute(Command<T> command) {
				int[] depth = DEPTH.get();
				depth[0]++;
				try {
					return this.next.execute(command);
				}
				catch (RuntimeException failure) {
					if (depth[0] == 1) {
						logFailure(command, failure);
					}
					throw failure;
				}
				finally {
					if (--depth[0] == 0) {
						DEPTH.remove();
					}
				}
			}

		});
	}

	static void logFailure(Command<?> command, RuntimeException failure) {
		String name = command.getClass().getSimpleName();
		for (Throwable cause : Causes.of(failure)) {
			if (cause instanceof RuleViolation rule) {
				log.info("{} refused: [{}] {}", name, rule.errorCode(), rule.plainMessage());
				return;
			}
			if (cause instanceof OptimisticLockingException) {
				log.warn("{} lost a race with a concurrent change: {}", name, cause.getMessage());
				return;
			}
			if (cause instanceof AuthorizationException || cause instanceof NullValueException
					|| cause instanceof BadUserRequestException) {
				log.info("{} refused: {}", name, cause.getMessage());
				return;
			}
		}
		log.error("{} failed", name, failure);
	}

}
