package org.minyi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.Test;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/statistics/quotas}: who is behind their quota in a period, for the
 * information section and the others who read statistics; refused with 403
 * {@code FORBIDDEN} to everyone else.
 */
@MinyiIntegrationTest
class QuotaApiTest {

	@Autowired
	Http http;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identityService;

	@Test
	@SuppressWarnings("unchecked")
	void shouldListWhoIsBehindTheirQuotaInAPeriod() {
		String behind = officer("落后信息员");
		String done = officer("完成信息员");
		assertThat(this.http.post(done, "/api/pieces", PieceFixtures.piece().build()).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		String thisMonth = (String) this.http.get("liqiang", "/api/statistics/quotas").getBody().get("today");
		String month = thisMonth.substring(0, 7);

		ResponseEntity<Map<String, Object>> answer = this.http.get("liqiang", "/api/statistics/quotas?period=" + month);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Map<String, Object>> quotas = (List<Map<String, Object>>) answer.getBody().get("quotas");
		assertThat(quotas).as("only the quotas counted by months").hasSize(1);
		Map<String, Object> officers = quotas.get(0);
		assertThat(officers).containsEntry("group", "info-officer")
			.containsEntry("groupName", "民情信息员")
			.containsEntry("pieces", 1)
			.containsEntry("every", "每月");
		assertThat((Map<String, Object>) officers.get("period")).containsEntry("code", month)
			.containsEntry("kind", "month")
			.containsEntry("ended", false)
			.containsEntry("label",
					Integer.parseInt(month.substring(0, 4)) + "年" + Integer.parseInt(month.substring(5)) + "月");
		List<Map<String, Object>> people = (List<Map<String, Object>>) officers.get("behind");
		assertThat(people).extracting((person) -> person.get("userId")).contains(behind).doesNotContain(done);
		assertThat(people).filteredOn((person) -> person.get("userId").equals(behind))
			.singleElement()
			.satisfies((person) -> assertThat(person).containsEntry("name", "落后信息员")
				.containsEntry("submitted", 0)
				.containsEntry("quota", 1));
		assertThat(officers.get("behindCount")).isEqualTo(people.size());

		// Without a period: every quota in its latest period that is over.
		List<Map<String, Object>> latest = (List<Map<String, Object>>) this.http
			.get("huangwei", "/api/statistics/quotas")
			.getBody()
			.get("quotas");
		assertThat(latest).extracting((quota) -> quota.get("group"))
			.containsExactly("member", "info-officer", "reporting-station");
		assertThat(latest)
			.allSatisfy((quota) -> assertThat((Map<String, Object>) quota.get("period")).containsEntry("ended", true));
		assertThat((List<Map<String, Object>>) this.http.get("zhengyu", "/api/statistics/quotas?period=2026-W49")
			.getBody()
			.get("quotas")).extracting((quota) -> quota.get("group")).containsExactly("reporting-station");
	}

	@Test
	void shouldRefuseThoseWhoDoNotReadStatistics() {
		for (String user : List.of("wangfang", "sunqing", "zhoumin", "wuhao")) {
			ResponseEntity<Map<String, Object>> refused = this.http.get(user, "/api/statistics/quotas?period=2026-11");
			assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(refused.getBody()).as(user).containsEntry("code", "FORBIDDEN");
		}
		assertThat(this.rest.getForEntity("/api/statistics/quotas", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		for (String period : List.of("2026-13", "2026-W54", "2026-Q5", "1999", "11/2026")) {
			ResponseEntity<Map<String, Object>> invalid = this.http.get("liqiang",
					"/api/statistics/quotas?period=" + period);
			assertThat(invalid.getStatusCode()).as(period).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(invalid.getBody()).as(period).containsEntry("code", "PERIOD_INVALID");
		}
	}

	private String officer(String name) {
		String id = "qapi" + System.nanoTime();
		User user = this.identityService.newUser(id);
		user.setFirstName(name);
		user.setLastName("");
		user.setPassword("demo");
		((IdentityServiceImpl) this.identityService).saveUser(user, true);
		this.identityService.createMembership(id, "submitter");
		this.identityService.createMembership(id, "info-officer");
		return id;
	}

}
