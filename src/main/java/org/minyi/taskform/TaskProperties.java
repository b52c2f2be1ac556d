package org.minyi.taskform;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The extension properties by which a model says which variables of a user task's form
 * are its decision and its comment ({@code minyi.decision}, {@code minyi.comment};
 * {@code minyi.commentRequiredFor} names the decisions that need a comment). Other
 * capabilities read their own properties the same way.
 */
public final class TaskProperties {

	public static final String DECISION = "minyi.decision";

	public static final String COMMENT = "minyi.comment";

	public static final String COMMENT_REQUIRED_FOR = "minyi.commentRequiredFor";

	private TaskProperties() {
	}

	/**
	 * The value of the task's extension property, empty when its model element has none.
	 */
	public static Optional<String> of(DelegateTask task, String name) {
		UserTask userTask = task.getBpmnModelElementInstance();
		if (userTask == null || userTask.getExtensionElements() == null) {
			return Optional.empty();
		}
		return userTask.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaProperties.class)
			.list()
			.stream()
			.flatMap((properties) -> properties.getCamundaProperties().stream())
			.filter((property) -> name.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.findFirst();
	}

	/**
	 * The text of the variable the property names, {@code null} for no such property or
	 * variable.
	 */
	public static String variable(DelegateTask task, String property) {
		return of(task, property).map((name) -> (String) task.getVariable(name)).orElse(null);
	}

	/** The decision the task's user made, {@code null} for a task without one. */
	public static String decision(DelegateTask task) {
		return variable(task, DECISION);
	}

	/** The comment the task's user wrote, {@code null} for a task without one. */
	public static String comment(DelegateTask task) {
		return variable(task, COMMENT);
	}

}
