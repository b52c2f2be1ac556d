package org.minyi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.common.RuleViolation;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The expression rule holds inside the engine, whatever route a query takes: through the
 * Java API as a signed-in user, a filter's extending query, a saved filter, and a filter
 * stored before the rule.
 */
@MinyiIntegrationTest
class QueryExpressionGuardTest {

	@Autowired
	TaskService taskService;

	@Autowired
	FilterService filterService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	QueryExpressionGuardPlugin guard;

	@Autowired
	JdbcTemplate jdbc;

	private Path marker;

	private String command;

	@BeforeEach
	void chooseMarker() throws IOException {
		this.marker = Files.createTempDirectory("minyi-guard").resolve("pwned");
		this.command = "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"touch "
				+ this.marker + "\")}";
	}

	@AfterEach
	void removeMarker() throws IOException {
		Files.deleteIfExists(this.marker);
		Files.deleteIfExists(this.marker.getParent());
	}

	@Test
	void shouldRefuseAnExpressionInAnOrBranchOfAnAdhocQuery() {
		Users users = new Users(this.identityService);
		assertRefused(() -> users.as("wangfang",
				() -> this.taskService.createTaskQuery().or().taskAssigneeExpression(this.command).endOr().list()));
		assertRefused(() -> users.as("wangfang",
				() -> this.taskService.createTaskQuery()
					.or()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.endOr()
					.count()));
		assertThat(this.marker).doesNotExist();
	}

	@Test
	void shouldRefuseAnExpressionInAQueryExtendingAFilter() {
		String filterId = this.filterService.createFilterQuery().filterName("本组待办").singleResult().getId();
		assertRefused(() -> this.filterService.list(filterId,
				this.taskService.createTaskQuery().or().taskAssigneeExpression(this.command).endOr()));
		assertRefused(() -> this.filterService.count(filterId,
				this.taskService.createTaskQuery().or().dueBeforeExpression(this.command).endOr()));
		assertThat(this.marker).doesNotExist();
	}

	@Test
	void shouldSaveAFilterOnlyWithTheAllowedExpressions() {
		Filter refused = this.filterService.newTaskFilter("表达式探针")
			.setQuery(this.taskService.createTaskQuery().or().taskAssigneeExpression(this.command).endOr());
		assertRefused(() -> this.filterService.saveFilter(refused));
		assertThat(this.filterService.createFilterQuery().filterName("表达式探针").count()).isZero();

		Filter allowed = this.filterService.newTaskFilter("表达式探针")
			.setQuery(this.taskService.createTaskQuery()
				.taskAssigneeExpression("${currentUser()}")
				.or()
				.dueBeforeExpression("${dateTime().minusDays(2).withTimeAtStartOfDay().toDate()}")
				.endOr());
		String id = this.filterService.saveFilter(allowed).getId();
		try {
			assertThat(new Users(this.identityService).as("admin", () -> this.filterService.count(id))).isNotNull();
		}
		finally {
			this.filterService.deleteFilter(id);
		}
		assertThat(this.marker).doesNotExist();
	}

	/**
	 * A filter saved with an expression before the rule existed is refused until it is
	 * saved again.
	 */
	@Test
	void shouldRefuseAFilterStoredBeforeTheRuleUntilItIsSavedAgain() {
		Filter planted = this.filterService.newTaskFilter("表达式探针")
			.setQuery(this.taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		String id = this.filterService.saveFilter(planted).getId();
		try {
			String query = this.jdbc.queryForObject("SELECT QUERY_ FROM ACT_RU_FILTER WHERE ID_ = ?", String.class, id);
			String escaped = this.command.replace("\\", "\\\\").replace("\"", "\\\"");
			this.jdbc.update("UPDATE ACT_RU_FILTER SET QUERY_ = ? WHERE ID_ = ?",
					query.replace("${currentUser()}", escaped), id);
			this.guard.postProcessEngineBuild(this.processEngine);

			assertRefused(() -> this.filterService.list(id));
			assertRefused(() -> this.filterService.count(id));
			assertThat(this.marker).doesNotExist();

			Filter repaired = this.filterService.getFilter(id)
				.setQuery(this.taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
			this.filterService.saveFilter(repaired);
			assertThat(new Users(this.identityService).as("admin", () -> this.filterService.count(id))).isNotNull();
		}
		finally {
			this.filterService.deleteFilter(id);
		}
	}

	private static void assertRefused(Runnable query) {
		assertThatThrownBy(query::run).isInstanceOf(RuleViolation.class)
			.hasMessageStartingWith("[" + QueryExpressions.CODE + "]");
	}

}
