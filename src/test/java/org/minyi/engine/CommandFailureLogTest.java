package org.minyi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A rule refusing an input is one line at INFO; a real failure is an ERROR with its
 * trace.
 */
@MinyiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CommandFailureLogTest {

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	Lifecycle lifecycle;

	@Test
	void shouldLogARefusalInsideAServiceTaskAsOneLine(CapturedOutput output) {
		ProcessInstance piece = this.lifecycle.signedOff(PieceFixtures.piece());
		this.lifecycle.publish(this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(piece.getId())
			.singleResult()
			.getBusinessKey());
		int before = output.getOut().length();

		assertThatThrownBy(() -> this.lifecycle.complete("liqiang", piece.getId(),
				Map.of(DispatchProcess.DIRECT_REPORT, false, DispatchProcess.FORWARD_REPORT, false)))
			.hasMessageContaining("DISPATCH_FORM_REQUIRED");

		String logged = output.getOut().substring(before);
		assertThat(logged).contains("INFO")
			.contains("refused: [DISPATCH_FORM_REQUIRED]")
			.doesNotContain("ENGINE-16004")
			.doesNotContain("ERROR")
			.doesNotContain("\tat org.camunda");
	}

	@Test
	void shouldLogARealFailureWithItsTrace(CapturedOutput output) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.processEngine
			.getProcessEngineConfiguration();
		int before = output.getOut().length();

		assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute((context) -> {
			throw new IllegalStateException("the disk is full");
		})).hasMessage("the disk is full");

		String logged = output.getOut().substring(before);
		assertThat(logged).contains("ERROR")
			.contains("java.lang.IllegalStateException: the disk is full")
			.contains("\tat ");
	}

}
