package org.minyi.taskform;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EveryUserTaskListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs on the completion of every user task of every process (registered by
 * {@link EveryUserTaskListener}, so a task an administrator adds in Modeler is covered
 * too), first of the listeners, so that a broken rule stops the completion before any
 * listener records it:
 * <ol>
 * <li>the rules of the task's Camunda Form ({@link FormRules});</li>
 * <li>the decision rules the model declares as {@link TaskProperties}: a decision of
 * {@code minyi.commentRequiredFor} needs a comment;</li>
 * <li>the rules of the capabilities ({@link TaskCompletionRule}).</li>
 * </ol>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskFormListener implements EveryUserTaskListener {

	private final TaskForms taskForms;

	private final List<TaskCompletionRule> rules;

	TaskFormListener(TaskForms taskForms, List<TaskCompletionRule> rules) {
		this.taskForms = taskForms;
		this.rules = rules;
	}

	/** On creation a stale decision is cleared, on completion the rules are checked. */
	@Override
	public Set<String> events() {
		return Set.of(EVENTNAME_CREATE, EVENTNAME_COMPLETE);
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			clearDecisionAndComment(task);
		}
		else {
			completed(task);
		}
	}

	private void completed(DelegateTask task) {
		Map<String, Object> variables = task.getVariables();
		UserTask userTask = task.getBpmnModelElementInstance();
		if (userTask != null && userTask.getCamundaFormRef() != null) {
			this.taskForms.checkTaskForm(task.getId(), variables);
		}
		String decision = TaskProperties.decision(task);
		String comment = TaskProperties.comment(task);
		List<String> commentRequiredFor = TaskProperties.of(task, TaskProperties.COMMENT_REQUIRED_FOR)
			.map((list) -> Arrays.asList(list.split("\\s*,\\s*")))
			.orElse(List.of());
		if (decision != null && commentRequiredFor.contains(decision) && (comment == null || comment.isBlank())) {
			throw new RuleViolation("COMMENT_REQUIRED",
					"选择「" + decisionLabel(task, userTask, decision) + "」时必须填写意见或理由");
		}
		for (TaskCompletionRule rule : this.rules) {
			if (rule.taskDefinitionKeys().contains(task.getTaskDefinitionKey())) {
				rule.check(task);
			}
		}
	}

	private String decisionLabel(DelegateTask task, UserTask userTask, String decision) {
		if (userTask == null || userTask.getCamundaFormRef() == null) {
			return decision;
		}
		return TaskProperties.of(task, TaskProperties.DECISION)
			.map((field) -> this.taskForms.optionLabel(task.getId(), field, decision))
			.orElse(decision);
	}

	/**
	 * When a task is created, its decision and comment variables go: what an earlier task
	 * (or an earlier round of this one) left behind must not stand in for what this
	 * task's user decides and writes. Both sign-off levels write {@code signoffDecision}
	 * and {@code signoffComment}; otherwise the vice-chair's form would open with the
	 * secretary-general's comment, and a completion without one would record it as the
	 * vice-chair's.
	 */
	private void clearDecisionAndComment(DelegateTask task) {
		TaskProperties.of(task, TaskProperties.DECISION).ifPresent(task::removeVariable);
		TaskProperties.of(task, TaskProperties.COMMENT).ifPresent(task::removeVariable);
	}

}
