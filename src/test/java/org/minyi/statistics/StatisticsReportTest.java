package org.minyi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.followup.FollowupProcess;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.ApiActions;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Pieces of one unit driven through the real process with known outcomes; every figure of
 * the report, the scores (co-submitted pieces share them) and the Excel workbook must
 * match.
 */
@MinyiIntegrationTest
class StatisticsReportTest {

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Lifecycle lifecycle;

	@Test
	@SuppressWarnings("unchecked")
	void shouldReportEveryFigureOfAKnownYearAndRescoreAfterTheTableChanges() throws Exception {
		String unit = "统计测试单位" + System.nanoTime() % 100000;
		ProcessInstance a = published(PieceFixtures.piece().unit(unit).title("信息甲"));
		dispatch(a, true, false);
		answered(a, "city", "single");
		answered(a, "province", "forwarded");
		ProcessInstance b = published(PieceFixtures.piece().unit(unit).title("信息乙"));
		dispatch(b, true, false);
		answered(b, "city", "not-adopted");
		ProcessInstance c = published(PieceFixtures.piece().unit(unit).title("信息丙"));
		dispatch(c, false, false);
		instructAndClose(c);
		ProcessInstance d = this.lifecycle.submit(PieceFixtures.piece().unit(unit).title("信息丁"));
		Map<String, Object> reject = PieceFixtures.accept(false);
		reject.put(PieceProcess.REGISTRATION_DECISION, PieceProcess.REJECT);
		reject.put(PieceProcess.REGISTRATION_COMMENT, "不予采用");
		this.lifecycle.complete("liqiang", d.getId(), reject);
		this.lifecycle.submit(PieceFixtures.piece().unit(unit).title("信息戊"));
		published(PieceFixtures.piece().unit(unit).title("信息己").coSubmitters("zhaolei"));

		Map<String, Object> report = report(unit).getBody();
		assertThat(report).containsEntry("received", 6);
		assertThat((Map<String, Object>) report.get("adopted")).containsEntry("committee", 4)
			.containsEntry("city", 1)
			.containsEntry("province", 1)
			.containsEntry("national", 0);
		assertThat((Map<String, Object>) report.get("adoptionRatePercent")).containsEntry("committee", 66.67)
			.containsEntry("city", 16.67)
			.containsEntry("province", 16.67)
			.containsEntry("national", 0.0);
		assertThat((Map<String, Object>) report.get("instructionsByLevel")).containsEntry("district", 1)
			.containsEntry("city", 0);
		assertThat(report).containsEntry("departmentCases", 1)
			.containsEntry("departmentReplies", 1)
			.containsEntry("replyRatePercent", 100.0);
		assertThat(points(report, "byMember", "wangfang")).isEqualByComparingTo("31.00");
		assertThat(points(report, "byMember", "zhaolei")).isEqualByComparingTo("2.00");
		assertThat(points(report, "byUnit", unit)).isEqualByComparingTo("33.00");
		assertThat(ApiActions.row(report, "bySourceType", "member")).containsEntry("received", 6)
			.containsEntry("adopted", 4);

		assertWorkbookMatches(unit, report);

		assertThat(new Http(this.rest).post("wangfang", "/api/pieces/" + id(a) + "/outstanding", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(new Http(this.rest).post("liqiang", "/api/pieces/" + id(a) + "/outstanding", null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat((List<Map<String, Object>>) report(unit).getBody().get("outstanding"))
			.extracting((piece) -> piece.get("registrationNumber"))
			.containsExactly(number(a));

		Path original = Path.of("bpmn/scoring.dmn");
		String table = Files.readString(original, StandardCharsets.UTF_8);
		try {
			deployScoring(table.replace("<outputEntry id=\"rule_submitted_points\"><text>1</text>",
					"<outputEntry id=\"rule_submitted_points\"><text>2</text>"));
			rescore();
			Map<String, Object> rescored = report(unit).getBody();
			assertThat(points(rescored, "byMember", "wangfang")).isEqualByComparingTo("36.50");
			assertThat(points(rescored, "byMember", "zhaolei")).isEqualByComparingTo("2.50");
			assertThat(rescored).containsEntry("received", 6);
		}
		finally {
			deployScoring(table);
			rescore();
		}
		assertThat(points(report(unit).getBody(), "byMember", "wangfang")).isEqualByComparingTo("31.00");
	}

	@Test
	void shouldRefuseReportsToSubmittersAndInvalidPeriods() {
		Http http = new Http(this.rest);
		assertThat(http.get("wangfang", "/api/statistics/report?year=2026").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.get("huangwei", "/api/statistics/report?year=2026&quarter=5").getBody()).containsEntry("code",
				"PERIOD_INVALID");
		assertThat(http.get("huangwei", "/api/statistics/report?from=2026-12-01&to=2026-01-01").getBody())
			.containsEntry("code", "PERIOD_INVALID");
		assertThat(http.post("liqiang", "/api/statistics/rescore?year=2026", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	private void assertWorkbookMatches(String unit, Map<String, Object> report) throws Exception {
		ResponseEntity<byte[]> xlsx = this.rest.withBasicAuth("huangwei", "demo")
			.exchange("/api/statistics/report.xlsx?year=" + LocalDate.now().getYear() + "&unit=" + unit, HttpMethod.GET,
					null, byte[].class);
		assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
			Sheet summary = workbook.getSheet("总体情况");
			assertThat(value(summary, "收到信息")).isEqualTo(((Number) report.get("received")).doubleValue());
			assertThat(value(summary, "本级政协采用")).isEqualTo(4.0);
			assertThat(value(summary, "本级政协采用率")).isEqualTo(0.6667);
			assertThat(format(summary, "本级政协采用率")).isEqualTo("66.67%");
			assertThat(value(summary, "区级领导批示")).isEqualTo(1.0);
			assertThat(labels(summary)).contains("市级领导批示", "省级领导批示", "中央领导批示")
				.noneMatch((label) -> label.endsWith("政协领导批示"));
			Sheet members = workbook.getSheet("按委员");
			boolean found = false;
			for (Row row : members) {
				if ("wangfang".equals(row.getCell(0).getStringCellValue())) {
					assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(31.0);
					found = true;
				}
			}
			assertThat(found).isTrue();
			assertThat(workbook.getSheet("委员排名")).isNotNull();
			assertThat(workbook.getSheet("单位排名")).isNotNull();
		}
	}

	private static double value(Sheet sheet, String label) {
		for (Row row : sheet) {
			if (label.equals(row.getCell(0).getStringCellValue())) {
				return row.getCell(1).getNumericCellValue();
			}
		}
		throw new AssertionError("No row " + label);
	}

	/** The cell as Excel shows it. */
	private static String format(Sheet sheet, String label) {
		for (Row row : sheet) {
			if (label.equals(row.getCell(0).getStringCellValue())) {
				return new DataFormatter(Locale.ROOT).formatCellValue(row.getCell(1));
			}
		}
		throw new AssertionError("No row " + label);
	}

	private static List<String> labels(Sheet sheet) {
		List<String> labels = new ArrayList<>();
		sheet.forEach((row) -> labels.add(row.getCell(0).getStringCellValue()));
		return labels;
	}

	@Test
	void shouldStateRatesAsPercentagesWithTwoDecimals() {
		assertThat(StatisticsService.percent(1, 700)).isEqualByComparingTo("0.14").hasToString("0.14");
		assertThat(StatisticsService.percent(2, 3)).hasToString("66.67");
		assertThat(StatisticsService.percent(0, 0)).hasToString("0.00");
		assertThat(StatisticsService.percent(5, 5)).hasToString("100.00");
	}

	private ResponseEntity<Map<String, Object>> report(String unit) {
		return new Http(this.rest).get("huangwei",
				"/api/statistics/report?year=" + LocalDate.now().getYear() + "&unit=" + unit);
	}

	private void rescore() {
		ResponseEntity<Map<String, Object>> response = this.rest.withBasicAuth("admin", "Test-Admin-Pw-1")
			.exchange("/api/statistics/rescore?year=" + LocalDate.now().getYear(), HttpMethod.POST, null, Http.OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private void deployScoring(String dmn) {
		this.engine.repository().createDeployment().name("scoring").addString("scoring.dmn", dmn).deploy();
	}

	private static BigDecimal points(Map<String, Object> report, String table, String key) {
		return new BigDecimal(String.valueOf(ApiActions.row(report, table, key).get("points")));
	}

	private ProcessInstance published(PieceFixtures piece) {
		ProcessInstance instance = this.lifecycle.signedOff(piece);
		this.lifecycle.publish(number(instance));
		return instance;
	}

	private void dispatch(ProcessInstance piece, boolean city, boolean national) {
		Map<String, Object> choices = new HashMap<>();
		choices.put(DispatchProcess.DIRECT_REPORT, true);
		choices.put(DispatchProcess.UPWARD_CITY, city);
		choices.put(DispatchProcess.UPWARD_PROVINCE, city);
		choices.put(DispatchProcess.UPWARD_NATIONAL, national);
		this.lifecycle.complete("liqiang", piece.getId(), choices);
	}

	private void answered(ProcessInstance piece, String level, String form) {
		assertThat(ApiActions.answer(new Http(this.rest), id(piece), level, form).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	private void instructAndClose(ProcessInstance piece) {
		ApiActions.instruct(new Http(this.rest), id(piece), "housing-bureau");
		ProcessInstance followup = this.engine.runtime()
			.createProcessInstanceQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(number(piece))
			.singleResult();
		Map<String, Object> reply = new HashMap<>();
		reply.put(FollowupProcess.HANDLE_DECISION, FollowupProcess.REPLY);
		reply.put(FollowupProcess.REPLY_RESULT, "已办理");
		reply.put(FollowupProcess.RESOLUTION, "solved");
		reply.put(FollowupProcess.SUBMITTER_CONTACTED, false);
		this.lifecycle.complete("wuhao", followup.getId(), reply);
		this.lifecycle.complete("zhengyu", followup.getId(),
				Map.of(FollowupProcess.REVIEW_DECISION, FollowupProcess.ACCEPT));
	}

	private String number(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow().registrationNumber();
	}

	private Long id(ProcessInstance instance) {
		return this.pieces.findByProcessInstanceId(instance.getId()).orElseThrow().id();
	}

}
