package org.minyi.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.minyi.piece.PieceProcess;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.client.TestRestTemplate;

@MinyiIntegrationTest
class TasklistFiltersTest {

	/** A signed-in user's query must be bounded (queryMaxResultsLimit). */
	private static final int PAGE = 2000;

	private static final List<String> EVERYONE = List.of("我的待办", "本组待办", "紧急", "即将到期", "超期", "我发起的");

	@Autowired
	TasklistFilters filters;

	@Autowired
	FilterService filterService;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	Users users;

	@Test
	void shouldKeepOneOfEachFilterAfterASecondStartUp() {
		this.filters.run(new DefaultApplicationArguments());
		for (String name : List.of("我的待办", "本组待办", "紧急", "即将到期", "超期", "我发起的", "超期督办")) {
			assertThat(this.filterService.createFilterQuery().filterName(name).count()).as(name).isOne();
		}
	}

	@Test
	void shouldShowEachRoleExactlyItsFilters() {
		assertThat(filtersOf("wangfang")).containsExactlyInAnyOrderElementsOf(EVERYONE);
		assertThat(filtersOf("wuhao")).containsExactlyInAnyOrderElementsOf(EVERYONE);
		assertThat(filtersOf("zhengyu")).containsAll(EVERYONE).contains("超期督办").hasSize(7);
		assertThat(filtersOf("liqiang")).contains("超期督办").hasSize(7);
	}

	@Test
	void shouldBrandTheWebappsWithTheCommitteeNameFromConfiguration() {
		for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
			String config = this.rest.getForObject("/camunda/app/" + app + "/scripts/config.js", String.class);
			assertThat(config).contains("vendor: '政协示范区委员会'").contains("availableLocales: ['zh', 'en']");
		}
	}

	@Test
	void shouldFindTasksDueWithinThreeWorkingDaysAndTheSubmittersPiecesToRevise() {
		ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece());
		Task register = this.lifecycle.task(piece.getId());
		assertThat(tasksIn("即将到期", "liqiang")).as("registration is due in two working days").contains(register.getId());

		Map<String, Object> ret = PieceFixtures.accept(false);
		ret.put(PieceProcess.REGISTRATION_DECISION, PieceProcess.RETURN);
		ret.put(PieceProcess.REGISTRATION_COMMENT, "请补充");
		this.lifecycle.complete("liqiang", piece.getId(), ret);
		Task revise = this.lifecycle.task(piece.getId());
		assertThat(tasksIn("我发起的", "wangfang")).contains(revise.getId());
		assertThat(tasksIn("我发起的", "zhaolei")).doesNotContain(revise.getId());
	}

	private List<String> tasksIn(String filterName, String userId) {
		String filterId = this.filterService.createFilterQuery().filterName(filterName).singleResult().getId();
		return this.users.as(userId,
				() -> this.filterService.<Task>listPage(filterId, 0, PAGE).stream().map(Task::getId).toList());
	}

	private List<String> filtersOf(String userId) {
		return this.users.as(userId,
				() -> this.filterService.createFilterQuery().listPage(0, PAGE).stream().map(Filter::getName).toList());
	}

}
