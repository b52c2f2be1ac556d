package org.minyi.engine;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Runs {@link ApplicationJob application jobs} as engine jobs, with their retries
 * ({@link ApplicationJobRetries}). The engine takes job handlers only as objects that
 * know their type when it is built, before the beans that say the types; so its map of
 * handlers answers a type it does not know with a handler for the bean of that type, if
 * there is one, looked up when a job first needs it.
 */
@Component
class ApplicationJobsPlugin extends AbstractProcessEnginePlugin {

	private final ApplicationJobs jobs;

	ApplicationJobsPlugin(ApplicationJobs jobs) {
		this.jobs = jobs;
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setJobHandlers(new WithApplicationJobs(configuration.getJobHandlers(), this.jobs));
		configuration.setFailedJobCommandFactory(
				new ApplicationJobRetries(configuration.getFailedJobCommandFactory(), this.jobs));
	}

	/**
	 * The engine's job handlers, which it only ever asks with {@code get}, and then the
	 * application's.
	 */
	private static final class WithApplicationJobs extends HashMap<String, JobHandler> {

		private final transient ApplicationJobs jobs;

		WithApplicationJobs(Map<String, JobHandler> engines, ApplicationJobs jobs) {
			super(engines);
			this.jobs = jobs;
		}

		@Override
		public JobHandler get(Object type) {
			JobHandler handler = super.get(type);
			ApplicationJob job = (handler == null && type instanceof String name) ? this.jobs.find(name) : null;
			return (job != null) ? new Handler(job) : handler;
		}

		@Override
		public JobHandler getOrDefault(Object type, JobHandler otherwise) {
			JobHandler handler = get(type);
			return (handler != null) ? handler : otherwise;
		}

	}

	private record Handler(ApplicationJob job) implements JobHandler<Payload> {

		@Override
		public String getType() {
			return this.job.type();
		}

		@Override
		public void execute(Payload payload, ExecutionEntity execution, CommandContext commandContext,
				String tenantId) {
			this.job.run(payload.value());
		}

		@Override
		public Payload newConfiguration(String canonicalString) {
			return new Payload(canonicalString);
		}

		@Override
		public void onDelete(Payload payload, JobEntity jobEntity) {
			// A deleted job tells its bean nothing: what the job was for stays as the
			// bean recorded it.
		}

	}

	private record Payload(String value) implements JobHandlerConfiguration {

		@Override
		public String toCanonicalString() {
			return this.value;
		}

	}

}
