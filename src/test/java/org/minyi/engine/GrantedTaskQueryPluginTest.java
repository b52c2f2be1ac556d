package org.minyi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.identity.Role;
import org.minyi.piece.PieceProcess;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.Users;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task query with hashed grant subqueries answers exactly what the engine's own
 * statement answers, for users of every kind of grant: group grants per task, an
 * assignee's grant, none.
 */
@MinyiIntegrationTest
class GrantedTaskQueryPluginTest {

	/** A signed-in user's query must be bounded (queryMaxResultsLimit). */
	private static final int PAGE = 2000;

	/**
	 * Reads the tasks of the piece process by a grant on its definition, none of its own.
	 */
	private static final String DEFINITION_READER = "gtq-definition-reader";

	/**
	 * Grants per task for groups (reviewer, department), an assignee's, a definition's,
	 * none, READ_TASK on every definition (info-section) and everything on '*' (admin).
	 */
	private static final List<String> USERS = List.of("liqiang", "chenjun", "wuhao", "wangfang", "zhengyu",
			DEFINITION_READER, "admin");

	@Autowired
	ProcessEngineConfigurationImpl configuration;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	private Users users;

	private String registerTask;

	private String departmentTask;

	private String assignedTask;

	private String ungrantedTask;

	private String definitionGrant;

	@BeforeEach
	void tasksOfSeveralGrants() {
		Lifecycle lifecycle = new Lifecycle(this.runtimeService, this.taskService, this.identityService);
		this.users = lifecycle.users();
		this.registerTask = lifecycle.task(lifecycle.submit(PieceFixtures.piece().title("授权查询：登记")).getId()).getId();
		this.departmentTask = standaloneTask("授权查询：部门",
				(task) -> this.taskService.addCandidateGroup(task, "dept-housing-bureau"));
		this.assignedTask = standaloneTask("授权查询：指派", (task) -> this.taskService.setAssignee(task, "wuhao"));
		this.ungrantedTask = standaloneTask("授权查询：无人", (task) -> {
		});
		Authorization grant = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId(DEFINITION_READER);
		grant.setResource(Resources.PROCESS_DEFINITION);
		grant.setResourceId(PieceProcess.KEY);
		grant.addPermission(ProcessDefinitionPermissions.READ_TASK);
		this.definitionGrant = this.authorizationService.saveAuthorization(grant).getId();
	}

	@AfterEach
	void deleteStandaloneTasks() {
		this.taskService.deleteTasks(List.of(this.departmentTask, this.assignedTask, this.ungrantedTask), true);
		this.authorizationService.deleteAuthorization(this.definitionGrant);
	}

	@Test
	void answersAsTheEnginesStatementForEveryUserAndQuery() {
		List<UnaryOperator<TaskQuery>> queries = List.of((query) -> query.orderByTaskId().asc(), (query) -> query
			.taskCandidateGroupIn(List.of(Role.INFO_SECTION.groupId(), "dept-housing-bureau", "secretary-general"))
			.taskUnassigned()
			.orderByDueDate()
			.asc()
			.orderByTaskId()
			.asc(),
				(query) -> query.or()
					.taskAssignee("wuhao")
					.taskCandidateGroup("dept-housing-bureau")
					.endOr()
					.orderByTaskCreateTime()
					.desc()
					.orderByTaskId()
					.asc(),
				(query) -> query.processDefinitionKey(PieceProcess.KEY).orderByTaskId().asc(),
				(query) -> query.orderByProcessVariable(PieceProcess.TITLE, ValueType.STRING)
					.asc()
					.orderByTaskId()
					.asc(),
				(query) -> query.taskNameLike("授权查询%").orderByTaskName().asc().orderByTaskId().asc());
		for (String user : USERS) {
			for (UnaryOperator<TaskQuery> criteria : queries) {
				this.users.run(user, () -> {
					List<String> ours = ids(criteria.apply(this.taskService.createTaskQuery()).listPage(0, PAGE));
					List<String> engines = this.configuration.getCommandExecutorTxRequired()
						.execute((context) -> ids(enginesList(context, criteria)));
					long enginesCount = this.configuration.getCommandExecutorTxRequired()
						.execute((context) -> enginesCount(context, criteria));
					assertThat(ours).as("%s's tasks", user).isEqualTo(engines);
					assertThat(criteria.apply(this.taskService.createTaskQuery()).count()).as("%s's count", user)
						.isEqualTo(enginesCount)
						.isEqualTo(engines.size());
					assertThat(ids(criteria.apply(this.taskService.createTaskQuery()).listPage(1, 2)))
						.isEqualTo(engines.subList(Math.min(1, engines.size()), Math.min(3, engines.size())));
				});
			}
		}
	}

	@Test
	void seesOnlyTheTasksTheUsersGrantsName() {
		this.configuration.getCommandExecutorTxRequired().execute((context) -> {
			assertThat(context.getTaskManager()).isInstanceOf(GrantedTaskQueryPlugin.GrantedTaskManager.class);
			return null;
		});
		for (String user : USERS) {
			this.users.run(user, () -> assertThat(answeredByGrantedStatement()).as(user).isTrue());
		}
		assertThat(answeredByGrantedStatement()).as("without a signed-in user").isFalse();
		this.users.run("wuhao",
				() -> assertThat(ids(this.taskService.createTaskQuery().listPage(0, PAGE)))
					.contains(this.departmentTask, this.assignedTask)
					.doesNotContain(this.registerTask, this.ungrantedTask));
		this.users.run(DEFINITION_READER,
				() -> assertThat(ids(this.taskService.createTaskQuery().listPage(0, PAGE))).contains(this.registerTask)
					.doesNotContain(this.departmentTask, this.assignedTask, this.ungrantedTask));
		for (String everyTaskReader : List.of("liqiang", "admin")) {
			this.users.run(everyTaskReader, () -> assertThat(ids(this.taskService.createTaskQuery().listPage(0, PAGE)))
				.contains(this.registerTask, this.departmentTask, this.assignedTask, this.ungrantedTask));
		}
	}

	private boolean answeredByGrantedStatement() {
		return this.configuration.getCommandExecutorTxRequired().execute((context) -> {
			TaskQueryImpl query = new TaskQueryImpl();
			context.getAuthorizationManager().configureTaskQuery(query);
			return GrantedTaskQueryPlugin.GrantedTaskManager.isReadCheckedByJoin(query.getAuthCheck());
		});
	}

	/**
	 * The engine's own statement, with the engine's own authorization and tenant
	 * configuration.
	 */
	private static List<Task> enginesList(CommandContext context, UnaryOperator<TaskQuery> criteria) {
		return context.getDbEntityManager().selectList("selectTaskByQueryCriteria", enginesQuery(context, criteria));
	}

	private static long enginesCount(CommandContext context, UnaryOperator<TaskQuery> criteria) {
		return (Long) context.getDbEntityManager()
			.selectOne("selectTaskCountByQueryCriteria", enginesQuery(context, criteria));
	}

	private static TaskQueryImpl enginesQuery(CommandContext context, UnaryOperator<TaskQuery> criteria) {
		TaskQueryImpl query = (TaskQueryImpl) criteria.apply(new TaskQueryImpl());
		context.getAuthorizationManager().configureTaskQuery(query);
		context.getTenantManager().configureQuery(query);
		return query;
	}

	/**
	 * A task outside any process, with its grant (the engine writes one per candidate
	 * group and assignee).
	 */
	private String standaloneTask(String name, Consumer<String> grant) {
		Task task = this.taskService.newTask();
		task.setName(name);
		task.setDueDate(new Date(System.currentTimeMillis() + 86_400_000L));
		this.taskService.saveTask(task);
		grant.accept(task.getId());
		return task.getId();
	}

	private static List<String> ids(List<Task> tasks) {
		return tasks.stream().map(Task::getId).toList();
	}

}
