package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.followup.FollowupProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.Browser;
import org.minyi.support.Engine;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Three overdue follow-ups: the supervisor finds them in Tasklist's 超期督办 filter, on the
 * Cockpit dashboard (Minyi's plugin, with the total and more than one page of cases) and
 * among the follow-up instances in Cockpit.
 */
@MinyiIntegrationTest
class SupervisionBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Engine engine;

	@Autowired
	PieceRepository pieces;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Lifecycle lifecycle;

	@Test
	void shouldShowOverdueCasesToTheSupervisorInTasklistAndCockpit() {
		List<String> titles = new ArrayList<>();
		long lastPiece = 0;
		for (int i = 1; i <= 3; i++) {
			String title = "超期督办演示信息" + i + "-" + System.nanoTime() % 1000;
			titles.add(title);
			lastPiece = overdueCase(title);
		}
		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "zhengyu", "demo");
			browser.clickable(By.xpath("//a[contains(., '超期督办')]")).click();
			for (String title : titles) {
				browser.waitForText(By.cssSelector(".tasks-list, body"), title);
			}
			browser.screenshot("supervision-1-tasklist-overdue-filter");

			// More than a page of overdue cases: copies of the last one, due a day later
			// (so they follow the
			// three on the dashboard), removed again afterwards.
			copyCase(lastPiece, 50);
			try {
				long total = ((Number) new Http(this.rest).get("zhengyu", "/api/supervision/overdue?size=1")
					.getBody()
					.get("total")).longValue();
				long pages = (total + 49) / 50;
				assertThat(pages).isGreaterThanOrEqualTo(2);

				browser.go("/camunda/app/cockpit/default/#/dashboard");
				for (String title : titles) {
					browser.waitForText(By.cssSelector(".minyi-overdue-dashboard"), title);
				}
				assertThat(browser.find(By.cssSelector(".minyi-overdue-dashboard")).getText())
					.contains("共 " + total + " 件超期", "第 1 / " + pages + " 页", "区住房和城乡建设局", "各阶段信息数量");
				assertThat(browser.all(By.cssSelector(".minyi-overdue-cases tbody tr"))).hasSize(50);
				assertThat(pagerButton(browser, "上一页").isEnabled()).isFalse();
				browser.screenshot("supervision-2-cockpit-overdue-dashboard");

				browser.click(By.xpath("//div[@class='minyi-pager']/button[.='下一页']"));
				browser.waitForText(By.cssSelector(".minyi-pager"), "第 2 / " + pages + " 页");
				assertThat(browser.all(By.cssSelector(".minyi-overdue-cases tbody tr")))
					.hasSize((int) Math.min(50, total - 50));
				assertThat(pagerButton(browser, "上一页").isEnabled()).isTrue();
				assertThat(pagerButton(browser, "下一页").isEnabled()).isEqualTo(pages > 2);
				assertThat(browser.find(By.cssSelector(".minyi-overdue-dashboard")).getText())
					.doesNotContain(titles.get(0));
				browser.screenshot("supervision-3-cockpit-overdue-dashboard-page-2");

				browser.click(By.xpath("//div[@class='minyi-pager']/button[.='上一页']"));
				browser.waitForText(By.cssSelector(".minyi-pager"), "第 1 / " + pages + " 页");
				browser.waitForText(By.cssSelector(".minyi-overdue-dashboard"), titles.get(0));
			}
			finally {
				this.jdbc.update("DELETE FROM minyi_followup_case WHERE piece_id = ? AND id <> ?", lastPiece,
						caseOf(lastPiece));
			}

			browser.go("/camunda/app/cockpit/default/#/processes");
			browser.waitForText(By.cssSelector("body"), "跟踪督办");
			browser.screenshot("supervision-4-cockpit-processes");
			browser.clickable(By.xpath("//a[normalize-space(.)='跟踪督办']")).click();
			browser.waitForText(By.cssSelector("body"), "督办");
			browser.screenshot("supervision-5-cockpit-followup-instances");
			assertThat(browser.pageText()).contains("跟踪督办");
		}
	}

	private static WebElement pagerButton(Browser browser, String label) {
		return browser.find(By.xpath("//div[@class='minyi-pager']/button[.='" + label + "']"));
	}

	/**
	 * Copies of the piece's overdue case, each a minute later than the one before, from a
	 * day after it.
	 */
	private void copyCase(long pieceId, int copies) {
		long caseId = caseOf(pieceId);
		Instant deadline = this.jdbc
			.queryForObject("SELECT deadline FROM minyi_followup_case WHERE id = ?", Timestamp.class, caseId)
			.toInstant();
		for (int i = 1; i <= copies; i++) {
			this.jdbc.update("""
					INSERT INTO minyi_followup_case (instruction_id, piece_id, department_code, lead, status, deadline,
					                                 overdue, process_instance_id)
					SELECT instruction_id, piece_id, department_code, lead, status, ?, TRUE, process_instance_id
					FROM minyi_followup_case WHERE id = ?
					""", Timestamp.from(deadline.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(i))), caseId);
		}
	}

	private long caseOf(long pieceId) {
		return this.jdbc.queryForObject("SELECT MIN(id) FROM minyi_followup_case WHERE piece_id = ?", Long.class,
				pieceId);
	}

	/**
	 * A dispatched piece with a leader instruction whose department missed its deadline;
	 * its id.
	 */
	private long overdueCase(String title) {
		ProcessInstance piece = this.lifecycle.signedOff(PieceFixtures.piece().title(title));
		var registered = this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow();
		this.lifecycle.publish(registered.registrationNumber());
		this.lifecycle.complete("liqiang", piece.getId(), Map.of(DispatchProcess.DIRECT_REPORT, true));
		Map<String, Object> instruction = new HashMap<>();
		instruction.put("leader", "district-mayor");
		instruction.put("instructedOn", LocalDate.now().toString());
		instruction.put("text", "请住建局研究办理。");
		instruction.put("leadDepartment", "housing-bureau");
		new Http(this.rest).post("liqiang", "/api/pieces/" + registered.id() + "/instructions", instruction);
		ProcessInstance followup = this.engine.runtime()
			.createProcessInstanceQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(registered.registrationNumber())
			.singleResult();
		this.engine.management()
			.executeJob(this.engine.management()
				.createJobQuery()
				.processInstanceId(followup.getId())
				.activityId(FollowupProcess.TIMER_OVERDUE)
				.singleResult()
				.getId());
		return registered.id();
	}

}
