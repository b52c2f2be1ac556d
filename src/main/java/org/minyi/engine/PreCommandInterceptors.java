package org.minyi.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Adds an interceptor to the engine's custom ones that run before the transaction of
 * every command, keeping those other plugins added.
 */
final class PreCommandInterceptors {

	private PreCommandInterceptors() {
	}

	/** Outermost: sees every command before the interceptors added so far. */
	static void addFirst(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		interceptors.add(interceptor);
		interceptors.addAll(existing(configuration));
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	static void addLast(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
		List<CommandInterceptor> interceptors = new ArrayList<>(existing(configuration));
		interceptors.add(interceptor);
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	private static List<CommandInterceptor> existing(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> existing = configuration.getCustomPreCommandInterceptorsTxRequired();
		return (existing != null) ? existing : List.of();
	}

}
