package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.ApiActions;
import org.minyi.support.Browser;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 9, stored XSS: a piece whose title, situation and unit are markup goes through
 * the process. Tasklist (task list and Camunda Form), the statistics page (the unit
 * ranking chart: the page shows units, not titles) and the exports (bulletin .docx,
 * report .xlsx) show the text as text: no alert, no element made from it, the literal
 * string where it belongs.
 */
@MinyiIntegrationTest
class XssBrowserTest {

	private static final String TITLE = "<img src=x onerror=alert(1)>";

	private static final String SITUATION = "<script>alert(2)</script>";

	private static final String UNIT = "<img src=x onerror=alert(3)>";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	PieceRepository pieces;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Lifecycle lifecycle;

	@Test
	void shouldShowMarkupInAPieceAsTextEverywhere() throws Exception {
		PieceFixtures fixture = PieceFixtures.piece().title(TITLE).situation(SITUATION).unit(UNIT);
		ProcessInstance piece = this.lifecycle.submit(fixture);

		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "liqiang", "demo");
			browser.clickable(By.xpath("//a[contains(., '本组待办')]")).click();
			browser.clickable(By.xpath("//li[contains(@class,'task')][contains(., '" + TITLE + "')]")).click();
			browser.find(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space(text()[1])='标题']"));
			browser.screenshot("xss-1-tasklist-form");
			assertHarmless(browser);
			assertThat(browser.pageText()).as("the task list shows the title as text").contains(TITLE);
			assertThat(fieldValues(browser)).as("the form shows the stored text in its fields")
				.contains(TITLE, SITUATION, UNIT);
		}

		signOff(piece, fixture);
		String number = this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().registrationNumber();
		this.lifecycle.publish(number);
		Map<String, Object> dispatch = new HashMap<>();
		dispatch.put(DispatchProcess.DIRECT_REPORT, true);
		dispatch.put(DispatchProcess.UPWARD_CITY, true);
		dispatch.put(DispatchProcess.UPWARD_PROVINCE, true);
		dispatch.put(DispatchProcess.UPWARD_NATIONAL, true);
		this.lifecycle.complete("liqiang", piece.getId(), dispatch);
		long pieceId = this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().id();
		// Points enough for the unit to be among the ten the statistics page charts.
		Http http = new Http(this.rest);
		for (String level : List.of("city", "province", "national")) {
			assertThat(ApiActions.answer(http, pieceId, level, "single").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		}

		assertDocumentShowsTheTextLiterally(pieceId);
		assertWorkbookShowsTheUnitLiterally();

		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "huangwei", "demo");
			browser.go("/statistics.html");
			browser.waitForText(By.id("status"), "统计区间");
			browser.screenshot("xss-2-statistics-page");
			assertHarmless(browser);
			@SuppressWarnings("unchecked")
			List<Object> units = (List<Object>) ((JavascriptExecutor) browser.driver())
				.executeScript("return Chart.getChart(document.getElementById('chart-units')).data.labels;");
			assertThat(units).as("the unit ranking chart labels the unit with its literal name").contains(UNIT);
		}
	}

	/** No alert opened, no element made from the stored markup, no script carrying it. */
	private static void assertHarmless(Browser browser) {
		assertThatThrownBy(() -> browser.driver().switchTo().alert()).as("no alert dialog")
			.isInstanceOf(NoAlertPresentException.class);
		assertThat(browser.all(By.cssSelector("img[src='x']"))).as("no img element from the text").isEmpty();
		Long scripts = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
				"return Array.from(document.scripts).filter(s => s.textContent.includes('alert(2)')).length;");
		assertThat(scripts).as("no script element from the text").isZero();
	}

	@SuppressWarnings("unchecked")
	private static List<String> fieldValues(Browser browser) {
		return (List<String>) ((JavascriptExecutor) browser.driver())
			.executeScript("return Array.from(document.querySelectorAll('input, textarea')).map(e => e.value);");
	}

	private void signOff(ProcessInstance piece, PieceFixtures fixture) {
		Map<String, Object> accept = PieceFixtures.accept(false);
		this.lifecycle.complete("liqiang", piece.getId(), accept);
		Map<String, Object> edit = new HashMap<>();
		edit.put(PieceProcess.EDIT_ACTION, PieceProcess.EDIT);
		edit.put(PieceProcess.EDITED_TITLE, TITLE);
		edit.put(PieceProcess.EDITED_SITUATION, SITUATION);
		edit.put(PieceProcess.EDITED_ANALYSIS, fixture.build().analysis());
		edit.put(PieceProcess.EDITED_SUGGESTIONS, fixture.build().suggestions());
		this.lifecycle.complete("liqiang", piece.getId(), edit);
		this.lifecycle.complete("chenjun", piece.getId(), Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE));
		this.lifecycle.complete("sunli", piece.getId(), Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE));
	}

	private void assertDocumentShowsTheTextLiterally(long pieceId) throws Exception {
		Long issueId = this.jdbc.queryForObject("SELECT issue_id FROM minyi_issue_piece WHERE piece_id = ?", Long.class,
				pieceId);
		ResponseEntity<byte[]> document = this.rest.withBasicAuth("liqiang", "demo")
			.exchange("/api/bulletin-issues/" + issueId + "/document", HttpMethod.GET, null, byte[].class);
		assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(document.getBody()))) {
			List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			assertThat(paragraphs).as("title and situation are paragraphs of literal text").contains(TITLE, SITUATION);
		}
	}

	private void assertWorkbookShowsTheUnitLiterally() throws Exception {
		ResponseEntity<byte[]> workbook = this.rest.withBasicAuth("huangwei", "demo")
			.exchange("/api/statistics/report.xlsx?year={year}&unit={unit}", HttpMethod.GET, null, byte[].class,
					LocalDate.now().getYear(), UNIT);
		assertThat(workbook.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(workbook.getBody()))) {
			List<Cell> cells = new ArrayList<>();
			for (Sheet sheet : List.of(xlsx.getSheet("按单位"), xlsx.getSheet("单位排名"))) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains("onerror")) {
							cells.add(cell);
						}
					}
				}
			}
			assertThat(cells).as("the unit is a text cell in both unit sheets")
				.hasSizeGreaterThanOrEqualTo(2)
				.allSatisfy((cell) -> assertThat(cell.getStringCellValue()).isEqualTo(UNIT));
		}
	}

}
