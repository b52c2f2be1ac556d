package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.Test;
import org.minyi.support.Browser;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A leader opens the statistics page: figures and five charts drawn, no errors in the
 * browser console. The information section sees on it who is behind their submission
 * quota, in the latest periods and in a week it chooses.
 */
@MinyiIntegrationTest
class StatisticsPageBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identityService;

	@Test
	void shouldShowTheInformationSectionWhoIsBehindTheirQuota() {
		String officer = "qpage" + System.nanoTime();
		User user = this.identityService.newUser(officer);
		user.setFirstName("页面测试信息员<b>");
		user.setLastName("");
		user.setPassword("demo");
		((IdentityServiceImpl) this.identityService).saveUser(user, true);
		this.identityService.createMembership(officer, "info-officer");
		this.identityService.createMembership(officer, "reporting-station");
		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "liqiang", "demo");
			browser.driver().manage().logs().get(LogType.BROWSER).getAll();
			browser.go("/statistics.html");
			browser.waitForText(By.cssSelector(".quota[data-group='info-officer']"), "页面测试信息员<b>");
			assertThat(browser.find(By.cssSelector(".quota[data-group='info-officer'] h3")).getText())
				.startsWith("民情信息员：每月至少 1 条");
			assertThat(browser.find(By.cssSelector(".quota[data-group='member']")).getText()).contains("政协委员：每年至少 1 条");
			((JavascriptExecutor) browser.driver())
				.executeScript("document.querySelector('.quotas').scrollIntoView();");
			browser.screenshot("statistics-2-quotas");

			new Select(browser.find(By.id("quota-kind"))).selectByValue("week");
			assertThat(browser.find(By.id("quota-period")).getAttribute("value")).matches("\\d{4}-W\\d{2}");
			browser.click(By.cssSelector("#quota-form button"));
			browser.waitForText(By.id("quota-results"), "民情直报站点：每周至少 1 条");
			assertThat(browser.all(By.cssSelector(".quota"))).hasSize(1);
			assertThat(browser.find(By.cssSelector(".quota[data-group='reporting-station']")).getText())
				.contains("页面测试信息员<b>", officer);
			((JavascriptExecutor) browser.driver())
				.executeScript("document.querySelector('.quotas').scrollIntoView();");
			browser.screenshot("statistics-3-quotas-week");
			assertThat(browser.all(By.cssSelector(".quota b"))).as("names are text").isEmpty();
			assertThat(severe(browser)).as("console errors").isEmpty();
		}
		finally {
			this.identityService.deleteUser(officer);
		}
	}

	private static List<LogEntry> severe(Browser browser) {
		return browser.driver()
			.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
	}

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
