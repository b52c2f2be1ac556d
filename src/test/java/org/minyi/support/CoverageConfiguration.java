package org.minyi.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process test coverage for the shared context: every {@code *ProcessTest} class must cover at least
 * 90% of the flow nodes of the models it runs; reports go to
 * {@code target/process-test-coverage/<database>}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class CoverageConfiguration {

	/** Primary: the imported configuration defines its default before this bean exists. */
	@Bean
	@Primary
	ProcessEngineCoverageProperties processEngineCoverageProperties() {
		return new ProcessEngineCoverageProperties.Builder().addInclusionPatternForTestClasses(".*ProcessTest")
			.assertClassCoverageAtLeast(0.9)
			.reportDirectory("target/process-test-coverage/" + (TestDatabase.isPostgres() ? "postgres" : "h2"))
			.build();
	}

}
