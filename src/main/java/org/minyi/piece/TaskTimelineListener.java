package org.minyi.piece;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.minyi.engine.EngineUser;
import org.minyi.engine.EveryUserTaskListener;
import org.minyi.taskform.TaskProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A completed user task of a piece's processes goes to the piece's timeline as
 * {@link TaskCompleted}: who, which step, which decision and comment
 * ({@link TaskProperties}), and the department whose follow-up case the task belongs to
 * ({@code minyi.department} names the variable with its code; that department reads the
 * comment, see {@link CommentAudience}). Right after the task form's checks, which run
 * first and stop a completion that breaks a rule.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TaskTimelineListener implements EveryUserTaskListener {

	static final String DEPARTMENT_PROPERTY = "minyi.department";

	private final IdentityService identityService;

	private final ApplicationEventPublisher events;

	TaskTimelineListener(IdentityService identityService, ApplicationEventPublisher events) {
		this.identityService = identityService;
		this.events = events;
	}

	@Override
	public Set<String> events() {
		return Set.of(EVENTNAME_COMPLETE);
	}

	@Override
	public void notify(DelegateTask task) {
		if (task.getVariable(PieceProcess.PIECE_ID) instanceof Long id) {
			this.events.publishEvent(new TaskCompleted(id, TaskProperties.variable(task, DEPARTMENT_PROPERTY),
					actor(task), task.getTaskDefinitionKey(), task.getName(), TaskProperties.decision(task),
					TaskProperties.comment(task)));
		}
	}

	private String actor(DelegateTask task) {
		return EngineUser.current(this.identityService).map(EngineUser::id).orElse(task.getAssignee());
	}

}
