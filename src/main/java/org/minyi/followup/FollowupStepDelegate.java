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
 * Every step of a department's follow-up case, chosen by the service task's input
 * parameter {@code action} (a {@link FollowupAction}). One bean, so an administrator
 * rewires the case flow in Modeler by choosing the action.
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
		FollowupAction action = FollowupAction.of((String) execution.getVariableLocal(FollowupAction.PARAMETER));
		Long caseId = (Long) execution.getVariable(FollowupProcess.CASE_ID);
		String user = currentUser();
		switch (action) {
			case OPEN -> open(execution);
			case REMIND -> this.followup.remind(caseId);
			case OVERDUE -> this.followup.markOverdue(caseId);
			case CHASE -> this.followup.chase(caseId, text(execution, FollowupProcess.SUPERVISION_COMMENT), user);
			case EXTEND -> moveDeadline(execution,
					this.followup.extend(caseId, text(execution, FollowupProcess.SUPERVISION_COMMENT), user));
			case REPLY -> this.followup.reply(caseId, text(execution, FollowupProcess.REPLY_RESULT),
					text(execution, FollowupProcess.RESOLUTION),
					Boolean.TRUE.equals(execution.getVariable(FollowupProcess.SUBMITTER_CONTACTED)),
					text(execution, FollowupProcess.CONTACT_METHOD), user);
			case RETURN_REPLY -> this.followup.returnReply(caseId);
			case ACCEPT_REPLY -> this.followup.acceptReply(caseId, user);
			case REQUEST_HAND_BACK ->
				this.followup.requestHandBack(caseId, text(execution, FollowupProcess.HAND_BACK_REASON), user);
			case REFUSE_HAND_BACK -> this.followup.refuseHandBack(caseId);
			case REASSIGN -> {
				String department = text(execution, FollowupProcess.NEW_DEPARTMENT);
				Instant deadline = this.followup.reassign(caseId, department, user);
				execution.setVariable(FollowupProcess.DEPARTMENT, department);
				execution.setVariable(FollowupProcess.DEPARTMENT_GROUP, FollowupService.departmentGroup(department));
				moveDeadline(execution, deadline);
			}
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
