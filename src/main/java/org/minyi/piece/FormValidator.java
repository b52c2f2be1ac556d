package org.minyi.piece;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.minyi.common.Privileged;
import org.springframework.stereotype.Component;

/** Checks submitted variables against the deployed Camunda Form of a task or a start event. */
@Component
public class FormValidator {

	private final FormService formService;

	private final FormRules rules;

	FormValidator(FormService formService, ProcessEngineConfigurationImpl engineConfiguration,
			ObjectMapper objectMapper) {
		this.formService = formService;
		this.rules = new FormRules(objectMapper,
				((DefaultDmnEngineConfiguration) engineConfiguration.getDmnEngineConfiguration()).getFeelEngine());
	}

	/** Reads the form on the application's behalf: the check must not depend on what the user may read. */
	public void checkTaskForm(String taskId, Map<String, Object> variables) {
		this.rules.check(Privileged.call(() -> this.formService.getDeployedTaskForm(taskId)), variables);
	}

	public void checkStartForm(String processDefinitionId, Map<String, Object> variables) {
		this.rules.check(Privileged.call(() -> this.formService.getDeployedStartForm(processDefinitionId)), variables);
	}

}
