package org.minyi.followup;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineUser;
import org.minyi.taskform.TaskCompletionRule;
import org.springframework.stereotype.Component;

/** Only the department's own users reply for it or ask to hand its case back. */
@Component
class HandlingRule implements TaskCompletionRule {

	private final IdentityService identityService;

	HandlingRule(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(FollowupProcess.TASK_HANDLE);
	}

	@Override
	public void check(DelegateTask task) {
		List<String> groups = EngineUser.current(this.identityService).map(EngineUser::groupIds).orElse(List.of());
		String group = (String) task.getVariable(FollowupProcess.DEPARTMENT_GROUP);
		if (!groups.contains(group)) {
			throw RuleViolation.forbidden("NOT_THIS_DEPARTMENT", "只有承办单位本单位的用户可以办复或申请退回");
		}
	}

}
