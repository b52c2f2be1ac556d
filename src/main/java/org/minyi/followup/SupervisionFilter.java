package org.minyi.followup;

import java.util.List;

import org.minyi.identity.Role;
import org.minyi.tasklist.SharedFilter;
import org.minyi.tasklist.SharedFilters;
import org.springframework.stereotype.Component;

/** 超期督办: cases past their deadline, for those who supervise. */
@Component
class SupervisionFilter implements SharedFilters {

	@Override
	public List<SharedFilter> sharedFilters() {
		return List.of(new SharedFilter("超期督办", "承办单位超期未办复、待督办的事项", -5,
				(query) -> query.taskDefinitionKey(FollowupProcess.TASK_SUPERVISE)
					.taskCandidateGroupInExpression("${currentUserGroups()}"),
				List.of(Role.SUPERVISOR, Role.INFO_SECTION)));
	}

}
