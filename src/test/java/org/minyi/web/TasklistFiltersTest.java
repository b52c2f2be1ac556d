package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

@MinyiIntegrationTest
class TasklistFiltersTest {

	private static final List<String> EVERYONE = List.of("我的待办", "本组待办", "紧急", "即将到期", "超期");

	@Autowired
	TasklistFilters filters;

	@Autowired
	FilterService filterService;

	@Autowired
	IdentityService identityService;

	@Test
	void shouldKeepOneOfEachFilterAfterASecondStartUp() {
		this.filters.run(new DefaultApplicationArguments());
		for (String name : List.of("我的待办", "本组待办", "紧急", "即将到期", "超期", "超期督办")) {
			assertThat(this.filterService.createFilterQuery().filterName(name).count()).as(name).isOne();
		}
	}

	@Test
	void shouldShowEachRoleExactlyItsFilters() {
		assertThat(filtersOf("wangfang")).containsExactlyInAnyOrderElementsOf(EVERYONE);
		assertThat(filtersOf("wuhao")).containsExactlyInAnyOrderElementsOf(EVERYONE);
		assertThat(filtersOf("zhengyu")).containsAll(EVERYONE).contains("超期督办").hasSize(6);
		assertThat(filtersOf("liqiang")).contains("超期督办").hasSize(6);
	}

	private List<String> filtersOf(String userId) {
		return new Users(this.identityService).as(userId,
				() -> this.filterService.createFilterQuery().list().stream().map(Filter::getName).toList());
	}

}
