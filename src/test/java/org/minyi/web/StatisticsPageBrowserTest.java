package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.minyi.support.Browser;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A leader opens the statistics page: figures and five charts drawn, no errors in the browser console. */
@MinyiIntegrationTest
class StatisticsPageBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldDrawTheChartsWithoutConsoleErrors() {
		new Http(this.rest).post("wangfang", "/api/pieces",
				PieceFixtures.piece().unit("<img src=x onerror=alert(1)>").build());
		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "huangwei", "demo");
			// What Tasklist itself logged before the login is not this page's business.
			browser.driver().manage().logs().get(LogType.BROWSER).getAll();
			browser.go("/statistics.html");
			browser.waitForText(By.id("status"), "统计区间");
			Long drawn = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
					"return Array.from(document.querySelectorAll('canvas')).filter(c => Chart.getChart(c)).length;");
			assertThat(drawn).isEqualTo(5L);
			assertThat(browser.find(By.id("figures")).getText()).contains("收到信息", "本级政协采用", "市级领导批示")
				.containsPattern("本级政协采用（采用率 \\d+\\.\\d{2}%）")
				.containsPattern("办复率 \\d+\\.\\d{2}%");
			browser.screenshot("statistics-1-page");
			List<LogEntry> errors = browser.driver()
				.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
				.toList();
			assertThat(errors).as("console errors").isEmpty();
			assertThat(browser.all(By.cssSelector("img"))).as("nothing a piece contains becomes markup").isEmpty();
		}
	}

}
