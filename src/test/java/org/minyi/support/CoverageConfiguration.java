package org.minyi.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process test coverage for the shared context, per test class, into
 * {@code target/process-test-coverage/<database>}. Every class is measured (the engine
 * plugin needs a coverage state whenever a process runs); {@code .ci/check-coverage} then
 * requires 90% of the flow nodes of each model from the {@code *ProcessTest} classes
 * together. The benchmarks run without it ({@code minyi.test.coverage=false}): its
 * listeners on every flow node cost a tenth of the CPU.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "minyi.test.coverage", havingValue = "true", matchIfMissing = true)
@Import(ProcessEngineCoverageConfiguration.class)
public class CoverageConfiguration {

	/**
	 * Primary: the imported configuration defines its default before this bean exists.
	 */
	@Bean
	@Primary
	ProcessEngineCoverageProperties processEngineCoverageProperties() {
		return new ProcessEngineCoverageProperties.Builder()
			.reportDirectory("target/process-test-coverage/" + (TestDatabase.isPostgres() ? "postgres" : "h2"))
			.build();
	}

}
