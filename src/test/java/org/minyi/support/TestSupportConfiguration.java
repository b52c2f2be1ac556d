package org.minyi.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * The tests' helpers as beans, so a test class autowires them instead of the services
 * they are made of.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

	@Bean
	Engine engine(ProcessEngine processEngine) {
		return new Engine(processEngine);
	}

	@Bean
	Lifecycle lifecycle(RuntimeService runtimeService, TaskService taskService, IdentityService identityService) {
		return new Lifecycle(runtimeService, taskService, identityService);
	}

	/** Engine calls as a demo user, for tests that need no lifecycle. */
	@Bean
	Users users(IdentityService identityService) {
		return new Users(identityService);
	}

	/** The engine clock of process tests: moved, and the jobs due by then run. */
	@Bean
	EngineClock engineClock(ManagementService managementService) {
		return new EngineClock(managementService);
	}

	/** An application job that the engine's tests schedule, fail and run. */
	@Bean
	ProbeJob probeJob() {
		return new ProbeJob();
	}

	/**
	 * Lazy: the test's web server, and with it the template, exists only once the context
	 * has started.
	 */
	@Bean
	@Lazy
	Http http(@Lazy TestRestTemplate rest) {
		return new Http(rest);
	}

}
