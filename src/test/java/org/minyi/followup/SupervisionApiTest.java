package org.minyi.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceRepository;
import org.minyi.support.ApiActions;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@MinyiIntegrationTest
class SupervisionApiTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Lifecycle lifecycle;

	@Test
	void shouldServeTheOverdueDashboardToSupervisorsAndAdministratorsOnly() {
		Http http = new Http(this.rest);
		assertThat(http.get("zhengyu", "/api/supervision/overdue").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.getList("zhengyu", "/api/supervision/stages").getStatusCode()).isEqualTo(HttpStatus.OK);
		for (String user : new String[] { "wangfang", "liqiang", "wuhao", "huangwei" }) {
			assertThat(http.get(user, "/api/supervision/overdue").getStatusCode()).as(user)
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(http.get(user, "/api/supervision/overdue?page=1&size=10").getBody()).as(user)
				.containsEntry("code", "FORBIDDEN");
		}
		assertThat(this.rest.getForEntity("/api/supervision/overdue", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldPageTheOverdueCasesMostOverdueFirstWithTheirTotal() {
		Http http = new Http(this.rest);
		long before = total(http.get("zhengyu", "/api/supervision/overdue"));
		List<Long> created = new ArrayList<>();
		created.add(overdueCase(PieceFixtures.piece().title("督办分页：第一件")));
		created.add(overdueCase(PieceFixtures.piece().title("督办分页：涉密").confidential()));
		created.add(overdueCase(PieceFixtures.piece().title("督办分页：第三件")));

		ResponseEntity<Map<String, Object>> first = http.get("zhengyu", "/api/supervision/overdue");
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		long total = total(first);
		assertThat(total).isEqualTo(before + 3);
		assertThat(first.getBody()).containsEntry("page", 0).containsEntry("size", 50);
		assertThat(cases(first)).hasSize((int) Math.min(50, total));

		// Every page of two in turn: each case once, in the order of the deadline, then
		// of the case.
		List<Map<String, Object>> all = new ArrayList<>();
		for (int page = 0; page * 2 < total; page++) {
			ResponseEntity<Map<String, Object>> answer = http.get("zhengyu",
					"/api/supervision/overdue?page=" + page + "&size=2");
			assertThat(answer.getBody()).containsEntry("page", page).containsEntry("size", 2);
			assertThat(total(answer)).isEqualTo(total);
			assertThat(cases(answer)).hasSize((int) Math.min(2, total - page * 2L));
			all.addAll(cases(answer));
		}
		assertThat(all).extracting((item) -> caseId(item)).doesNotHaveDuplicates().containsAll(created);
		assertThat(all).isSortedAccordingTo(
				Comparator.comparing((Map<String, Object> item) -> Instant.parse((String) item.get("deadline")))
					.thenComparing(SupervisionApiTest::caseId));
		assertThat(all).filteredOn((item) -> created.contains(caseId(item)))
			.extracting((item) -> item.get("title"))
			.containsExactly("督办分页：第一件", "（涉密信息）", "督办分页：第三件");

		ResponseEntity<Map<String, Object>> beyond = http.get("zhengyu",
				"/api/supervision/overdue?page=" + (total / 2 + 5) + "&size=2");
		assertThat(beyond.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(total(beyond)).isEqualTo(total);
		assertThat(cases(beyond)).isEmpty();
	}

	@Test
	void shouldRefuseAPageOrSizeOutOfRange() {
		Http http = new Http(this.rest);
		for (String query : new String[] { "page=-1", "size=0", "size=-5", "size=201", "page=abc", "size=zehn",
				"page=1.5", "page=99999999999" }) {
			ResponseEntity<Map<String, Object>> answer = http.get("zhengyu", "/api/supervision/overdue?" + query);
			assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getBody()).as(query).containsEntry("code", "INVALID_PARAMETER");
		}
		ResponseEntity<Map<String, Object>> largest = http.get("zhengyu", "/api/supervision/overdue?page=0&size=200");
		assertThat(largest.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(largest.getBody()).containsEntry("size", 200);
	}

	/**
	 * A dispatched piece with a leader instruction whose department missed its deadline;
	 * the case's id.
	 */
	private Long overdueCase(PieceFixtures fixture) {
		ProcessInstance instance = this.lifecycle.signedOff(fixture);
		Piece piece = this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow();
		this.lifecycle.publish(piece.registrationNumber());
		this.lifecycle.complete("liqiang", instance.getId(), Map.of(DispatchProcess.DIRECT_REPORT, true));
		assertThat(ApiActions.instruct(new Http(this.rest), piece.id(), "housing-bureau").getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		ProcessInstance followup = this.engine.runtime()
			.createProcessInstanceQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(piece.registrationNumber())
			.singleResult();
		this.engine.management()
			.executeJob(this.engine.management()
				.createJobQuery()
				.processInstanceId(followup.getId())
				.activityId(FollowupProcess.TIMER_OVERDUE)
				.singleResult()
				.getId());
		return this.jdbc.queryForObject("SELECT id FROM minyi_followup_case WHERE piece_id = ? AND overdue = TRUE",
				Long.class, piece.id());
	}

	private static long total(ResponseEntity<Map<String, Object>> answer) {
		return ((Number) answer.getBody().get("total")).longValue();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> cases(ResponseEntity<Map<String, Object>> answer) {
		return (List<Map<String, Object>>) answer.getBody().get("cases");
	}

	private static Long caseId(Map<String, Object> item) {
		return ((Number) item.get("caseId")).longValue();
	}

}
