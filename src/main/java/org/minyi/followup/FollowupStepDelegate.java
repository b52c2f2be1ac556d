package org.minyi.followup;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.engine.EngineUser;
import org.minyi.engine.Privileged;
import org.springframework.stereotype.Component;

/**
 * Every step of a department's follow-up case, chosen by the service task's input parameter
 * {@code action}: open, remind, overdue, chase, extend, reply, return-reply, accept-reply,
 * request-hand-back, refuse-hand-back, reassign. One bean, so an administrator rewires the case flow in
 * Modeler by choosing the action.
 */
@Component("followupStep")
class FollowupStepDelegate implements JavaDelegate {

	private final FollowupService followup;

	private final IdentityService identityService;

	FollowupStepDelegate(FollowupService followup, IdentityService identityService) {
		this.followup = followup;
		this.identityService = identityService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String action = (String) execution.getVariableLocal("action");
		Long caseId = (Long) execution.getVariable(FollowupProcess.CASE_ID);
		String user = currentUser();
		switch (action) {
			case "open" -> open(execution);
			case "remind" -> this.followup.remind(caseId);
			case "overdue" -> this.followup.markOverdue(caseId);
			case "chase" -> this.followup.chase(caseId, text(execution, FollowupProcess.SUPERVISION_COMMENT), user);
			case "extend" -> moveDeadline(execution,
					this.followup.extend(caseId, text(execution, FollowupProcess.SUPERVISION_COMMENT), user));
			case "reply" -> this.followup.reply(caseId, text(execution, FollowupProcess.REPLY_RESULT),
					text(execution, FollowupProcess.RESOLUTION),
					Boolean.TRUE.equals(execution.getVariable(FollowupProcess.SUBMITTER_CONTACTED)),
					text(execution, FollowupProcess.CONTACT_METHOD), user);
			case "return-reply" -> this.followup.returnReply(caseId);
			case "accept-reply" -> this.followup.acceptReply(caseId, user);
			case "request-hand-back" ->
				this.followup.requestHandBack(caseId, text(execution, FollowupProcess.HAND_BACK_REASON), user);
			case "refuse-hand-back" -> this.followup.refuseHandBack(caseId);
			case "reassign" -> {
				String department = text(execution, FollowupProcess.NEW_DEPARTMENT);
				Instant deadline = this.followup.reassign(caseId, department, user);
				execution.setVariable(FollowupProcess.DEPARTMENT, department);
				execution.setVariable(FollowupProcess.DEPARTMENT_GROUP, FollowupService.departmentGroup(department));
				moveDeadline(execution, deadline);
			}
			default -> throw new IllegalStateException("Unknown follow-up action in the model: " + action);
		}
	}

	private void open(DelegateExecution execution) {
		String department = text(execution, FollowupProcess.DEPARTMENT);
		FollowupCase opened = this.followup.openCase((Long) execution.getVariable(FollowupProcess.INSTRUCTION_ID),
				department, execution.getProcessInstanceId());
		execution.setVariable(FollowupProcess.CASE_ID, opened.id());
		execution.setVariable(FollowupProcess.DEPARTMENT_GROUP, FollowupService.departmentGroup(department));
		execution.setVariable(FollowupProcess.DEADLINE, Date.from(opened.deadline()));
	}

	/** A new deadline moves the open handling task's due date with it. */
	private static void moveDeadline(DelegateExecution execution, Instant deadline) {
		execution.setVariable(FollowupProcess.DEADLINE, Date.from(deadline));
		var taskService = execution.getProcessEngineServices().getTaskService();
		Privileged.run(() -> taskService.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(FollowupProcess.TASK_HANDLE)
			.list()
			.forEach((task) -> {
				task.setDueDate(Date.from(deadline));
				taskService.saveTask(task);
			}));
	}

	private String currentUser() {
		return EngineUser.currentId(this.identityService);
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return (value == null) ? null : value.toString();
	}

}
