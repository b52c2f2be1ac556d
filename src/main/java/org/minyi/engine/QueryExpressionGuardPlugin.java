package org.minyi.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.minyi.common.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * No expression from a client is evaluated in a task query, whichever route sends it: an
 * ad hoc task query (it runs as a command of its own) is refused with any expression in
 * any of its branches before it runs; filters are guarded by
 * {@link GuardedFilterService}.
 */
@Component
class QueryExpressionGuardPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(QueryExpressionGuardPlugin.class);

	private final Set<String> quarantinedFilters = ConcurrentHashMap.newKeySet();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		PreCommandInterceptors.addLast(configuration, new CommandInterceptor() {

			@Override
			public <T> T execute(Command<T> command) {
				if (command instanceof TaskQueryImpl query) {
					QueryExpressions.checkAdhoc(query);
				}
				return this.next.execute(command);
			}

		});
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration
			.setFilterService(new GuardedFilterService(configuration.getFilterService(), this.quarantinedFilters));
	}

	/**
	 * Filters stored before the rule: each one that breaks it stays refused until saved
	 * again.
	 */
	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		for (Filter filter : processEngine.getFilterService().createFilterQuery().list()) {
			try {
				QueryExpressions.checkStored(filter.getQuery());
			}
			catch (RuleViolation refused) {
				this.quarantinedFilters.add(filter.getId());
				log.error("Filter {} ({}) is refused until an administrator saves it again: {}", filter.getId(),
						filter.getName(), refused.plainMessage());
			}
		}
	}

}
