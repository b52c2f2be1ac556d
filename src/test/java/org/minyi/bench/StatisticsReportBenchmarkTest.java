package org.minyi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minyi.support.BenchResults.Figure;
import org.minyi.support.BenchResults;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The annual report over 100,000 facts: loads them in bulk (20,000 pieces, five facts
 * each, shaped as the application writes them), then times 200 report requests through
 * the API. Records its figures in {@code target/bench/results.json} beside its target; it
 * asserts that the report it times counts every one of the facts (the target is for the
 * README's table, not a pass or fail). Run: {@code mvn -Pbench verify} (PostgreSQL only).
 */
@Tag("benchmark")
@MinyiIntegrationTest
class StatisticsReportBenchmarkTest {

	private static final int PIECES = 20_000;

	private static final String[] EVENTS = { "submitted", "registered", "adopted", "adopted", "instructed" };

	private static final String[] LEVELS = { null, null, "committee", "city", "district" };

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Test
	@SuppressWarnings("unchecked")
	void annualReportOverOneHundredThousandFacts() {
		int year = 2019;
		Long first = this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM minyi_piece", Long.class);
		List<Object[]> pieces = new ArrayList<>();
		for (int i = 0; i < PIECES; i++) {
			Timestamp at = Timestamp.from(Instant.parse(year + "-01-01T00:00:00Z").plusSeconds(i * 1500L));
			pieces.add(new Object[] { first + i, "B" + year + "-" + i, "基准信息" + i, "单位" + (i % 300),
					(i % 2 == 0) ? "member" : "special-committee", at, at });
		}
		this.jdbc.batchUpdate(
				"""
						INSERT INTO minyi_piece (id, registration_number, title, situation, analysis, suggestions, category_code,
						  source_type_code, source_unit, channel, submitter_id, submitter_name, urgency, confidentiality, status,
						  submitted_at, updated_at, version)
						VALUES (?, ?, ?, '情况', '问题', '建议', 'economy', ?, ?, 'online', NULL, '基准', 'normal', 'public',
						  'ARCHIVED', ?, ?, 0)""",
				reorder(pieces));
		// The rows above took their ids explicitly; the application's next piece must
		// not.
		this.jdbc.execute("ALTER TABLE minyi_piece ALTER COLUMN id RESTART WITH " + (first + PIECES));
		List<Object[]> facts = new ArrayList<>();
		for (int i = 0; i < PIECES; i++) {
			for (int e = 0; e < EVENTS.length; e++) {
				facts.add(new Object[] { EVENTS[e], first + i, Date.valueOf(LocalDate.of(year, 1 + i % 12, 1 + i % 28)),
						"bench" + (i % 2000), "委员" + (i % 2000), "单位" + (i % 300),
						(i % 2 == 0) ? "member" : "special-committee", LEVELS[e] });
			}
		}
		this.jdbc.batchUpdate("""
				INSERT INTO minyi_stat_fact (event_type, piece_id, occurred_on, user_id, credited_name, share, unit,
				  source_type, category, level, form)
				VALUES (?, ?, ?, ?, ?, 1, ?, ?, 'economy', ?, 'single')""", facts);
		this.jdbc.update("""
				INSERT INTO minyi_stat_score (fact_id, points)
				SELECT f.id, 1 FROM minyi_stat_fact f LEFT JOIN minyi_stat_score s ON s.fact_id = f.id
				WHERE s.fact_id IS NULL""");
		this.jdbc.execute(TestDatabase.isPostgres() ? "ANALYZE" : "SELECT 1");

		String url = "/api/statistics/report?year=" + year;
		long coldStart = System.nanoTime();
		this.rest.withBasicAuth("huangwei", "demo").getForEntity(url, String.class);
		double coldMs = (System.nanoTime() - coldStart) / 1e6;
		// What is timed is a report over every one of the facts above.
		Map<String, Object> report = new Http(this.rest).get("huangwei", url).getBody();
		assertThat(report).as("the year's report").containsEntry("received", PIECES);
		assertThat((Map<String, Object>) report.get("adopted")).containsEntry("committee", PIECES)
			.containsEntry("city", PIECES);
		assertThat((Map<String, Object>) report.get("instructionsByLevel")).containsEntry("district", PIECES);
		for (int i = 0; i < 20; i++) {
			this.rest.withBasicAuth("huangwei", "demo").getForEntity(url, String.class);
		}
		long[] nanos = new long[200];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			ResponseEntity<String> answer = this.rest.withBasicAuth("huangwei", "demo").getForEntity(url, String.class);
			nanos[i] = System.nanoTime() - start;
			assertThat(answer.getStatusCode().value()).isEqualTo(200);
		}
		double[] p = BenchResults.percentiles(nanos);
		BenchResults.record(TestDatabase.name(), List.of(
				new Figure("statistics", "annual report over 100,000 facts (GET /api/statistics/report) p95", p[1],
						"ms", null, null, null, "p95 < 200 ms", p[1] < 200,
						"p50 %.1f ms, p99 %.1f ms, 200 runs; monthly sums of the year built by the first request"
							.formatted(p[0], p[2])),
				new Figure("statistics", "the same report, first request after the year ended (sums its 12 months)",
						coldMs, "ms", null, null, null, null, null, "once per month, then kept")));
	}

	/** Columns in the order of the INSERT's placeholders. */
	private static List<Object[]> reorder(List<Object[]> pieces) {
		List<Object[]> rows = new ArrayList<>();
		for (Object[] p : pieces) {
			rows.add(new Object[] { p[0], p[1], p[2], p[4], p[3], p[5], p[6] });
		}
		return rows;
	}

}
