package org.minyi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The annual report over 100,000 facts: loads them in bulk (20,000 pieces, five facts each, shaped as
 * the application writes them), then times 200 report requests through the API. Prints a table and
 * writes {@code target/bench/statistics-report.json}; it measures, it does not assert.
 * Run: {@code mvn -Pbench verify} (PostgreSQL only).
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
	void annualReportOverOneHundredThousandFacts() throws IOException {
		int year = 2019;
		Long first = this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM minyi_piece", Long.class);
		List<Object[]> pieces = new ArrayList<>();
		for (int i = 0; i < PIECES; i++) {
			Timestamp at = Timestamp.from(Instant.parse(year + "-01-01T00:00:00Z").plusSeconds(i * 1500L));
			pieces.add(new Object[] { first + i, "B" + year + "-" + i, "基准信息" + i, "单位" + (i % 300),
					(i % 2 == 0) ? "member" : "special-committee", at, at });
		}
		this.jdbc.batchUpdate("""
				INSERT INTO minyi_piece (id, registration_number, title, situation, analysis, suggestions, category_code,
				  source_type_code, source_unit, channel, submitter_id, submitter_name, urgency, confidentiality, status,
				  submitted_at, updated_at, version)
				VALUES (?, ?, ?, '情况', '问题', '建议', 'economy', ?, ?, 'online', NULL, '基准', 'normal', 'public',
				  'ARCHIVED', ?, ?, 0)""", reorder(pieces));
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
		for (int i = 0; i < 20; i++) {
			this.rest.withBasicAuth("huangwei", "demo").getForEntity(url, String.class);
		}
		long[] nanos = new long[200];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			this.rest.withBasicAuth("huangwei", "demo").getForEntity(url, String.class);
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		double p50 = nanos[100] / 1e6;
		double p95 = nanos[190] / 1e6;
		double p99 = nanos[198] / 1e6;
		String verdict = (p95 < 200) ? "met" : "missed";
		System.out.printf("%n%-40s %10s %10s %10s %8s%n", "benchmark (" + TestDatabase.name() + ")", "p50 ms", "p95 ms",
				"p99 ms", "target");
		System.out.printf("%-40s %10.1f %10.1f %10.1f %8s%n", "annual report, 100,000 facts, HTTP", p50, p95, p99,
				"p95<200 " + verdict);
		Path out = Path.of("target", "bench", "statistics-report.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, """
				{"benchmark": "annual statistics report over 100000 facts through GET /api/statistics/report",
				 "database": "%s", "runs": 200, "p50_ms": %.1f, "p95_ms": %.1f, "p99_ms": %.1f,
				 "target": "p95 < 200 ms", "target_met": %s}
				""".formatted(TestDatabase.name(), p50, p95, p99, p95 < 200));
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
