package org.minyi.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.minyi.identity.Role;
import org.minyi.piece.PieceProcess;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created or brought up to date at every start (found by
 * name, so never duplicated) and shared with the role groups that work on tasks: the
 * general ones, and those the capabilities declare ({@link SharedFilters}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TasklistFilters implements ApplicationRunner {

	/** Every staff role and the submitters (for their revision tasks) see the filters. */
	private static final List<Role> USERS = List.of(Role.SUBMITTER, Role.INFO_SECTION, Role.VERIFIER,
			Role.SECRETARY_GENERAL, Role.VICE_CHAIR, Role.LEADER, Role.DEPARTMENT, Role.SUPERVISOR);

	private final FilterService filterService;

	private final TaskService taskService;

	private final AuthorizationService authorizationService;

	private final List<SharedFilters> declared;

	TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
			List<SharedFilters> declared) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
		this.declared = declared;
	}

	@Override
	public void run(ApplicationArguments args) {
		save("我的待办", "分配给我的任务", -10, query().taskAssigneeExpression("${currentUser()}"));
		save("本组待办", "本组尚未认领的任务", -9,
				query().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
		save("紧急", "紧急信息（急事急报）的任务", -8, mine().processVariableValueEquals(PieceProcess.URGENCY, "urgent"));
		save("即将到期", "三个工作日内到期的任务", -7,
				mine().dueBeforeExpression("${deadlines.withinWorkingDays(3)}").dueAfterExpression("${now()}"));
		save("超期", "已超过办理时限的任务", -6, mine().dueBeforeExpression("${now()}"));
		save("我发起的", "我报送的信息中需要我修改的（全部信息及附件见“我的信息”页面 /attachments.html）", -4,
				query().taskAssigneeExpression("${currentUser()}").taskDefinitionKey(PieceProcess.TASK_REVISE));
		for (SharedFilters filters : this.declared) {
			for (SharedFilter filter : filters.sharedFilters()) {
				save(filter.name(), filter.description(), filter.priority(), filter.criteria().apply(query()),
						filter.audience());
			}
		}
	}

	private TaskQuery query() {
		return this.taskService.createTaskQuery().orderByDueDate().asc();
	}

	/** My tasks and my groups' unclaimed tasks. */
	private TaskQuery mine() {
		return query().or()
			.taskAssigneeExpression("${currentUser()}")
			.taskCandidateGroupInExpression("${currentUserGroups()}")
			.endOr();
	}

	private void save(String name, String description, int priority, TaskQuery query) {
		save(name, description, priority, query, USERS);
	}

	private void save(String name, String description, int priority, TaskQuery query, List<Role> audience) {
		Filter filter = this.filterService.createFilterQuery().filterName(name).singleResult();
		if (filter == null) {
			filter = this.filterService.newTaskFilter(name);
		}
		filter.setOwner(null);
		filter.setQuery(query);
		filter.setProperties(properties(description, priority));
		this.filterService.saveFilter(filter);
		for (Role role : audience) {
			shareWith(filter.getId(), role);
		}
	}

	private static Map<String, Object> properties(String description, int priority) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", description);
		properties.put("priority", priority);
		properties.put("refresh", true);
		List<Map<String, String>> variables = new ArrayList<>();
		variables.add(Map.of("name", PieceProcess.REGISTRATION_NUMBER, "label", "登记号"));
		variables.add(Map.of("name", PieceProcess.TITLE, "label", "标题"));
		variables.add(Map.of("name", PieceProcess.CATEGORY, "label", "类别"));
		variables.add(Map.of("name", PieceProcess.URGENCY, "label", "紧急程度"));
		properties.put("variables", variables);
		return properties;
	}

	private void shareWith(String filterId, Role role) {
		boolean shared = this.authorizationService.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.resourceId(filterId)
			.groupIdIn(role.groupId())
			.count() > 0;
		if (!shared) {
			Authorization authorization = this.authorizationService
				.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(role.groupId());
			authorization.setResource(Resources.FILTER);
			authorization.setResourceId(filterId);
			authorization.addPermission(Permissions.READ);
			this.authorizationService.saveAuthorization(authorization);
		}
	}

}
