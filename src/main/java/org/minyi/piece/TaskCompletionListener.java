package org.minyi.piece;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EveryUserTaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs on the completion of every user task of every process (registered by
 * {@link EveryUserTaskListener}, so a task an administrator adds in Modeler is covered too):
 * <ol>
 * <li>the rules of the task's Camunda Form ({@link FormRules});</li>
 * <li>the decision rules the model declares as extension properties: {@code minyi.decision} names the
 * decision variable, {@code minyi.comment} the comment variable, {@code minyi.commentRequiredFor} the
 * decisions that need a comment, {@code minyi.department} the variable with the code of the department
 * whose follow-up case the task belongs to (that department reads the comment, see {@link CommentAudience});</li>
 * <li>the rules of the capabilities ({@link TaskCompletionRule});</li>
 * <li>then {@link TaskCompleted}, which the timeline keeps: who, when, which step, which decision, which comment.</li>
 * </ol>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TaskCompletionListener implements EveryUserTaskListener {

	public static final String DECISION_PROPERTY = "minyi.decision";

	public static final String COMMENT_PROPERTY = "minyi.comment";

	public static final String COMMENT_REQUIRED_FOR_PROPERTY = "minyi.commentRequiredFor";

	public static final String DEPARTMENT_PROPERTY = "minyi.department";

	private final FormValidator formValidator;

	private final IdentityService identityService;

	private final List<TaskCompletionRule> rules;

	private final ApplicationEventPublisher events;

	TaskCompletionListener(FormValidator formValidator, IdentityService identityService,
			List<TaskCompletionRule> rules, ApplicationEventPublisher events) {
		this.formValidator = formValidator;
		this.identityService = identityService;
		this.rules = rules;
		this.events = events;
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
			this.formValidator.checkTaskForm(task.getId(), variables);
		}
		Optional<String> decisionVariable = property(task, DECISION_PROPERTY);
		Optional<String> commentVariable = property(task, COMMENT_PROPERTY);
		String decision = decisionVariable.map((name) -> (String) variables.get(name)).orElse(null);
		String comment = commentVariable.map((name) -> (String) variables.get(name)).orElse(null);
		List<String> commentRequiredFor = property(task, COMMENT_REQUIRED_FOR_PROPERTY)
			.map((list) -> Arrays.asList(list.split("\\s*,\\s*")))
			.orElse(List.of());
		if (decision != null && commentRequiredFor.contains(decision) && (comment == null || comment.isBlank())) {
			throw new RuleViolation("COMMENT_REQUIRED", "选择「" + decision + "」时必须填写意见或理由");
		}
		for (TaskCompletionRule rule : this.rules) {
			if (rule.taskDefinitionKeys().contains(task.getTaskDefinitionKey())) {
				rule.check(task);
			}
		}
		Object pieceId = variables.get(PieceProcess.PIECE_ID);
		if (pieceId instanceof Long id) {
			String department = property(task, DEPARTMENT_PROPERTY).map((name) -> (String) variables.get(name))
				.orElse(null);
			this.events.publishEvent(new TaskCompleted(id, department, actor(task), task.getTaskDefinitionKey(),
					task.getName(), decision, comment));
		}
	}

	/**
	 * When a task is created, its decision and comment variables go: what an earlier task (or an earlier
	 * round of this one) left behind must not stand in for what this task's user decides and writes. Both
	 * sign-off levels write {@code signoffDecision} and {@code signoffComment}; otherwise the vice-chair's
	 * form would open with the secretary-general's comment, and a completion without one would record it
	 * as the vice-chair's.
	 */
	private void clearDecisionAndComment(DelegateTask task) {
		property(task, DECISION_PROPERTY).ifPresent(task::removeVariable);
		property(task, COMMENT_PROPERTY).ifPresent(task::removeVariable);
	}

	private String actor(DelegateTask task) {
		var authentication = this.identityService.getCurrentAuthentication();
		return (authentication != null) ? authentication.getUserId() : task.getAssignee();
	}

	private static Optional<String> property(DelegateTask task, String name) {
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

}
