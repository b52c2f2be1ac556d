package org.minyi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.minyi.support.Engine;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

@MinyiIntegrationTest
class ApplicationStartupTest {

	@Autowired
	Engine engine;

	@Test
	void shouldRunOnTheDatabaseOfThisTestRun() {
		String databaseType = ((ProcessEngineConfigurationImpl) this.engine.processEngine()
			.getProcessEngineConfiguration()).getDatabaseType();
		assertThat(databaseType).isEqualTo(TestDatabase.isPostgres() ? "postgres" : "h2");
	}

	@Test
	void shouldDeployEveryModelAndForm() throws IOException {
		Set<String> expected = new HashSet<>();
		expected.addAll(filesUnder(Path.of("bpmn"), ".bpmn", ".dmn"));
		expected.addAll(filesUnder(Path.of("forms"), ".form"));
		assertThat(expected).isNotEmpty();

		Set<String> deployed = new HashSet<>();
		for (Deployment deployment : this.engine.repository().createDeploymentQuery().list()) {
			for (String resource : this.engine.repository().getDeploymentResourceNames(deployment.getId())) {
				deployed.add(Path.of(resource).getFileName().toString());
			}
		}
		assertThat(deployed).containsAll(expected);
		assertThat(this.engine.repository().createProcessDefinitionQuery().count()).isPositive();
	}

	private static List<String> filesUnder(Path directory, String... suffixes) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> Stream.of(suffixes).anyMatch(name::endsWith))
				.toList();
		}
	}

}
