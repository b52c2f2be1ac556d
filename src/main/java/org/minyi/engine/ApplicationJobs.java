package org.minyi.engine;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Schedules {@link ApplicationJob application jobs}. The beans and the engine are looked
 * up when first used: the engine's plugin needs this class, and the engine is built
 * before the beans.
 */
@Component
public class ApplicationJobs {

	private final Supplier<Map<String, ApplicationJob>> byType;

	private final ObjectProvider<ProcessEngineConfigurationImpl> engineConfiguration;

	ApplicationJobs(ObjectProvider<ApplicationJob> jobs,
			ObjectProvider<ProcessEngineConfigurationImpl> engineConfiguration) {
		this.byType = SingletonSupplier.of(() -> jobs.orderedStream()
			.collect(Collectors.toUnmodifiableMap(ApplicationJob::type, Function.identity())));
		this.engineConfiguration = engineConfiguration;
	}

	/**
	 * A job of this type in the current transaction: it runs only if the cause commits,
	 * and never inside it. Inside an engine command it joins the command; outside, its
	 * own command joins the caller's transaction, if any.
	 */
	public void schedule(String type, String payload) {
		ApplicationJob job = find(type);
		if (job == null) {
			throw new IllegalArgumentException("No application job of type " + type);
		}
		CommandContext commandContext = Context.getCommandContext();
		if (commandContext != null) {
			send(commandContext, job, payload);
		}
		else {
			this.engineConfiguration.getObject().getCommandExecutorTxRequired().execute((context) -> {
				send(context, job, payload);
				return null;
			});
		}
	}

	/** The bean that runs jobs of this type, or {@code null}. */
	ApplicationJob find(String type) {
		return (type != null) ? this.byType.get().get(type) : null;
	}

	private static void send(CommandContext commandContext, ApplicationJob job, String payload) {
		MessageEntity message = new MessageEntity();
		message.setJobHandlerType(job.type());
		message.setJobHandlerConfigurationRaw(payload);
		message.setRetries(job.attempts());
		commandContext.getJobManager().send(message);
	}

}
