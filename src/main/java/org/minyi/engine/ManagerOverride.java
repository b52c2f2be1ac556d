package org.minyi.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Makes every command get its engine manager of one type from the application: the engine
 * registers its custom session factories after its own, so one for the same type replaces
 * the engine's.
 */
final class ManagerOverride {

	private ManagerOverride() {
	}

	static void register(ProcessEngineConfigurationImpl configuration, Class<? extends Session> type,
			Supplier<? extends Session> manager) {
		List<SessionFactory> factories = new ArrayList<>();
		if (configuration.getCustomSessionFactories() != null) {
			factories.addAll(configuration.getCustomSessionFactories());
		}
		factories.add(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return type;
			}

			@Override
			public Session openSession() {
				return manager.get();
			}

		});
		configuration.setCustomSessionFactories(factories);
	}

}
