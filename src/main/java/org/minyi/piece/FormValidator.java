package org.minyi.piece;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.minyi.engine.Privileged;
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

	/**
	 * The variables the task's form lets its user set; {@link FormFields#NONE} for a task without a
	 * Camunda Form (every user task of the models has one). As the user's request.
	 */
	public FormFields taskFormFields(String taskId) {
		return fields(() -> this.formService.getDeployedTaskForm(taskId));
	}

	/** As {@link #taskFormFields}, for the start form of a process definition. */
	public FormFields startFormFields(String processDefinitionId) {
		return fields(() -> this.formService.getDeployedStartForm(processDefinitionId));
	}

	private FormFields fields(Supplier<InputStream> form) {
		InputStream schema;
		try {
			schema = form.get();
		}
		catch (BadUserRequestException ex) {
			// The engine's answer for a task or start event without a form, or one whose form is gone.
			return FormFields.NONE;
		}
		return this.rules.fields(schema);
	}

	public void checkStartForm(String processDefinitionId, Map<String, Object> variables) {
		this.rules.check(Privileged.call(() -> this.formService.getDeployedStartForm(processDefinitionId)), variables);
	}

}
