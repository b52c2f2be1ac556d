package org.minyi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minyi.piece.PieceRepository;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year that is over is read from monthly sums; they must say what the facts say. The
 * year is one no other test uses, so the whole year's report (monthly sums) and the
 * report of this test's unit (always read from the facts) must agree figure by figure.
 */
@MinyiIntegrationTest
class MonthlyRollupsTest {

	@Autowired
	PieceRepository pieces;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Lifecycle lifecycle;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldReportAYearThatIsOverFromMonthlySumsAsFromTheFacts() {
		int year = 2001 + (int) (System.nanoTime() % 20);
		String unit = "月度汇总测试单位" + System.nanoTime() % 100000;
		this.jdbc.update("DELETE FROM minyi_stat_month_built WHERE month_start BETWEEN ? AND ?",
				java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(LocalDate.of(year, 12, 1)));

		at(LocalDate.of(year, 3, 10));
		ProcessInstance published = this.lifecycle.signedOff(PieceFixtures.piece().unit(unit).title("三月信息"));
		this.lifecycle
			.publish(this.pieces.findByProcessInstanceId(published.getId()).orElseThrow().registrationNumber());
		this.lifecycle.submit(PieceFixtures.piece().unit(unit).title("三月信息二"));
		at(LocalDate.of(year, 4, 12));
		this.lifecycle.submit(PieceFixtures.piece().unit(unit).title("四月合写信息").coSubmitters("zhaolei"));
		ClockUtil.reset();

		Map<String, Object> whole = report("year=" + year);
		Map<String, Object> ofUnit = report("year=" + year + "&unit=" + unit);
		assertThat(whole.get("received")).isEqualTo(3);
		assertThat((Map<String, Object>) whole.get("adopted")).containsEntry("committee", 1);
		for (String figure : List.of("received", "adopted", "adoptionRatePercent", "instructionsByLevel", "byMonth",
				"byMember", "byUnit", "bySourceType", "byCategory", "memberRanking", "unitRanking")) {
			assertThat(whole.get(figure)).as(figure).isEqualTo(ofUnit.get(figure));
		}
		assertThat(builtMonths(year)).hasSize(12);
		Map<String, Object> ranking = new Http(this.rest).get("huangwei", "/api/statistics/ranking?year=" + year)
			.getBody();
		assertThat(ranking.get("members")).isEqualTo(whole.get("memberRanking")).asList().isNotEmpty();
		assertThat(ranking.get("units")).isEqualTo(whole.get("unitRanking")).asList().isNotEmpty();

		// An engine clock moved back dates a fact in a month already summed: that month
		// is summed again.
		at(LocalDate.of(year, 3, 20));
		this.lifecycle.submit(PieceFixtures.piece().unit(unit).title("补记的三月信息"));
		ClockUtil.reset();
		assertThat(builtMonths(year)).hasSize(11);
		Map<String, Object> again = report("year=" + year);
		assertThat(again.get("received")).isEqualTo(4);
		assertThat((List<Map<String, Object>>) again.get("byMonth")).contains(
				Map.of("year", year, "month", 3, "received", 3, "adopted", 1),
				Map.of("year", year, "month", 4, "received", 1, "adopted", 0));
		assertThat(again.get("byMember")).isEqualTo(report("year=" + year + "&unit=" + unit).get("byMember"));

		// A quarter of the year, and a range cutting through months, combine sums and
		// facts alike.
		assertThat(report("year=" + year + "&quarter=1").get("received")).isEqualTo(3);
		assertThat(report("from=" + year + "-03-15&to=" + year + "-04-30").get("received")).isEqualTo(2);

		// Re-scoring the year makes its months be summed again on the next report.
		this.rest.withBasicAuth("admin", "Test-Admin-Pw-1")
			.postForEntity("/api/statistics/rescore?year=" + year, null, Map.class);
		assertThat(builtMonths(year)).isEmpty();
		assertThat(report("year=" + year).get("byMember")).isEqualTo(again.get("byMember"));
		assertThat(builtMonths(year)).hasSize(12);
	}

	private Map<String, Object> report(String query) {
		return new Http(this.rest).get("huangwei", "/api/statistics/report?" + query).getBody();
	}

	private List<LocalDate> builtMonths(int year) {
		return this.jdbc.queryForList(
				"SELECT month_start FROM minyi_stat_month_built WHERE month_start BETWEEN ? AND ?", LocalDate.class,
				java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(LocalDate.of(year, 12, 1)));
	}

	private static void at(LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
	}

}
