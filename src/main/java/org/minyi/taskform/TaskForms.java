package org.minyi.taskform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.minyi.engine.DeployedForms;
import org.minyi.engine.DeployedForms.DeployedForm;
import org.minyi.engine.FeelExpressions;
import org.springframework.stereotype.Component;

/**
 * The deployed Camunda Form of a task or a start event, and the checks of submitted
 * variables against it. A form is read and parsed once per deployed resource (which never
 * changes), so a completion through engine-rest, checked by the HTTP boundary and then by
 * the completion listener, parses its form once; the engine still resolves which form a
 * task has each time ({@code binding="latest"} follows new deployments). Read on the
 * application's behalf: the check must not depend on what the user may read.
 */
@Component
public class TaskForms {

	/**
	 * Forms kept parsed: each deployment holds a few dozen, and few deployments are in
	 * use at once.
	 */
	private static final int PARSED_FORMS = 500;

	private final DeployedForms deployedForms;

	private final ObjectMapper objectMapper;

	private final FormRules rules;

	private final Map<DeployedForm, ParsedForm> parsed = Collections
		.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<DeployedForm, ParsedForm> eldest) {
				return size() > PARSED_FORMS;
			}

		});

	TaskForms(DeployedForms deployedForms, ObjectMapper objectMapper, FeelExpressions feelExpressions) {
		this.deployedForms = deployedForms;
		this.objectMapper = objectMapper;
		this.rules = new FormRules(feelExpressions);
	}

	/**
	 * Checks the variables of a completion against the task's form; a
	 * {@code RuleViolation} if broken.
	 */
	void checkTaskForm(String taskId, Map<String, Object> variables) {
		this.rules.check(parse(this.deployedForms.taskForm(taskId)).schema(), variables);
	}

	/** Checks the variables of a start against the process definition's start form. */
	public void checkStartForm(String processDefinitionId, Map<String, Object> variables) {
		this.rules.check(parse(this.deployedForms.startForm(processDefinitionId)).schema(), variables);
	}

	/**
	 * The label the task's form shows for this value of this field (a decision's option),
	 * so a message names what the user clicked; the value itself when the form has no
	 * such option.
	 */
	String optionLabel(String taskId, String field, String value) {
		return optionLabel(parse(this.deployedForms.taskForm(taskId)).schema().path("components"), field, value)
			.orElse(value);
	}

	private static Optional<String> optionLabel(JsonNode components, String field, String value) {
		for (JsonNode component : components) {
			if (field.equals(component.path("key").asText())) {
				for (JsonNode option : component.path("values")) {
					if (value.equals(option.path("value").asText())) {
						return Optional.of(option.path("label").asText(value));
					}
				}
			}
			Optional<String> nested = optionLabel(component.path("components"), field, value);
			if (nested.isPresent()) {
				return nested;
			}
		}
		return Optional.empty();
	}

	/**
	 * The variables the task's form lets its user set; {@link FormFields#NONE} for a task
	 * without a Camunda Form (every user task of the models has one).
	 */
	FormFields taskFormFields(String taskId) {
		return fields(() -> this.deployedForms.taskForm(taskId));
	}

	/** As {@link #taskFormFields}, for the start form of a process definition. */
	FormFields startFormFields(String processDefinitionId) {
		return fields(() -> this.deployedForms.startForm(processDefinitionId));
	}

	private FormFields fields(Supplier<DeployedForm> form) {
		try {
			return parse(form.get()).fields();
		}
		catch (BadUserRequestException ex) {
			// The engine's answer for a task or start event without a form, or one whose
			// form is gone.
			return FormFields.NONE;
		}
	}

	private ParsedForm parse(DeployedForm form) {
		ParsedForm known = this.parsed.get(form);
		if (known != null) {
			return known;
		}
		JsonNode schema;
		try (InputStream content = this.deployedForms.content(form)) {
			schema = this.objectMapper.readTree(content);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unreadable Camunda Form", ex);
		}
		ParsedForm read = new ParsedForm(schema, FormFields.of(schema));
		this.parsed.put(form, read);
		return read;
	}

	/** A form's schema, only ever read, and its fields. */
	private record ParsedForm(JsonNode schema, FormFields fields) {

	}

}
