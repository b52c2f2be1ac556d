package org.minyi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.ApiActions;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A generated year: 200 pieces of one unit through the real process, with outcomes fixed
 * by their index, so every figure of the report is known in advance.
 */
@MinyiIntegrationTest
class StatisticsGeneratedYearTest {

	private static final int PIECES = 200;

	private static final String[] CATEGORIES = { "economy", "urban", "social-livelihood", "ecology-environment" };

	private static final String[] SOURCE_TYPES = { "member", "special-committee" };

	@Autowired
	PieceRepository pieces;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Lifecycle lifecycle;

	@Test
	@SuppressWarnings("unchecked")
	void shouldReportExactlyWhatTheYearContained() {
		String unit = "生成年度单位" + System.nanoTime() % 100000;
		List<ProcessInstance> published = new ArrayList<>();
		List<Integer> publishedIndexes = new ArrayList<>();
		for (int i = 0; i < PIECES; i++) {
			PieceFixtures fixture = PieceFixtures.piece()
				.unit(unit)
				.title("生成信息" + i)
				.category(CATEGORIES[i % 4])
				.sourceType(SOURCE_TYPES[i % 2]);
			if (i % 10 == 0) {
				ProcessInstance rejected = this.lifecycle.submit(fixture);
				Map<String, Object> reject = PieceFixtures.accept(false);
				reject.put(PieceProcess.REGISTRATION_DECISION, PieceProcess.REJECT);
				reject.put(PieceProcess.REGISTRATION_COMMENT, "不予采用");
				this.lifecycle.complete("liqiang", rejected.getId(), reject);
			}
			else {
				published.add(this.lifecycle.signedOff(fixture));
				publishedIndexes.add(i);
			}
		}
		for (int from = 0; from < published.size(); from += 30) {
			this.lifecycle.publish(published.subList(from, Math.min(from + 30, published.size()))
				.stream()
				.map(this::number)
				.toArray(String[]::new));
		}
		for (int k = 0; k < published.size(); k++) {
			int i = publishedIndexes.get(k);
			ProcessInstance piece = published.get(k);
			Map<String, Object> dispatch = new HashMap<>();
			dispatch.put(DispatchProcess.DIRECT_REPORT, true);
			dispatch.put(DispatchProcess.UPWARD_CITY, i % 4 == 1);
			this.lifecycle.complete("liqiang", piece.getId(), dispatch);
			if (i % 4 == 1) {
				assertThat(
						ApiActions.answer(new Http(this.rest), id(piece), "city", (i % 8 == 1) ? "single" : "forwarded")
							.getStatusCode())
					.isEqualTo(HttpStatus.CREATED);
			}
			if (i % 20 == 3) {
				assertThat(ApiActions.instruct(new Http(this.rest), id(piece), "housing-bureau").getStatusCode())
					.isEqualTo(HttpStatus.CREATED);
			}
		}

		Map<String, Object> report = new Http(this.rest)
			.get("huangwei", "/api/statistics/report?year=" + LocalDate.now().getYear() + "&unit=" + unit)
			.getBody();
		assertThat(report).containsEntry("received", 200);
		assertThat((Map<String, Object>) report.get("adopted")).containsEntry("committee", 180)
			.containsEntry("city", 50)
			.containsEntry("province", 0);
		assertThat((Map<String, Object>) report.get("adoptionRatePercent")).containsEntry("committee", 90.0)
			.containsEntry("city", 25.0);
		assertThat((Map<String, Object>) report.get("instructionsByLevel")).containsEntry("district", 10);
		for (int c = 0; c < 4; c++) {
			int category = c;
			long adopted = publishedIndexes.stream().filter((i) -> i % 4 == category).count();
			assertThat(ApiActions.row(report, "byCategory", CATEGORIES[c])).containsEntry("received", 50)
				.containsEntry("adopted", (int) adopted);
		}
		long membersAdopted = publishedIndexes.stream().filter((i) -> i % 2 == 0).count();
		assertThat(ApiActions.row(report, "bySourceType", "member")).containsEntry("received", 100)
			.containsEntry("adopted", (int) membersAdopted);
		assertThat(ApiActions.row(report, "bySourceType", "special-committee")).containsEntry("received", 100)
			.containsEntry("adopted", 180 - (int) membersAdopted);
		// 200 submitted × 1 + 180 adopted here × 3 + 25 city single × 5 + 25 city
		// forwarded × 2.5 + 10 instructions × 5
		assertThat(new BigDecimal(String.valueOf(ApiActions.row(report, "byMember", "wangfang").get("points"))))
			.isEqualByComparingTo("977.50");
	}

	private String number(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow().registrationNumber();
	}

	private Long id(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow().id();
	}

}
