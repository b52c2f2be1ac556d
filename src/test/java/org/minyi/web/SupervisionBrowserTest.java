package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.followup.FollowupProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.Browser;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Three overdue follow-ups: the supervisor finds them in Tasklist's 超期督办 filter, on the Cockpit
 * dashboard (Minyi's plugin) and among the follow-up instances in Cockpit.
 */
@MinyiIntegrationTest
class SupervisionBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@Autowired
	PieceRepository pieces;

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldShowOverdueCasesToTheSupervisorInTasklistAndCockpit() {
		List<String> titles = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			String title = "超期督办演示信息" + i + "-" + System.nanoTime() % 1000;
			titles.add(title);
			overdueCase(title);
		}
		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "zhengyu", "demo");
			browser.clickable(By.xpath("//a[contains(., '超期督办')]")).click();
			for (String title : titles) {
				browser.waitForText(By.cssSelector(".tasks-list, body"), title);
			}
			browser.screenshot("supervision-1-tasklist-overdue-filter");

			browser.go("/camunda/app/cockpit/default/#/dashboard");
			for (String title : titles) {
				browser.waitForText(By.cssSelector(".minyi-overdue-dashboard"), title);
			}
			assertThat(browser.find(By.cssSelector(".minyi-overdue-dashboard")).getText()).contains("区住房和城乡建设局",
					"各阶段信息数量");
			browser.screenshot("supervision-2-cockpit-overdue-dashboard");

			browser.go("/camunda/app/cockpit/default/#/processes");
			browser.waitForText(By.cssSelector("body"), "跟踪督办");
			browser.screenshot("supervision-3-cockpit-processes");
			browser.clickable(By.xpath("//a[normalize-space(.)='跟踪督办']")).click();
			browser.waitForText(By.cssSelector("body"), "督办");
			browser.screenshot("supervision-4-cockpit-followup-instances");
			assertThat(browser.pageText()).contains("跟踪督办");
		}
	}

	/** A dispatched piece with a leader instruction whose department missed its deadline. */
	private void overdueCase(String title) {
		Lifecycle lifecycle = new Lifecycle(this.runtimeService, this.taskService, this.identityService);
		ProcessInstance piece = lifecycle.signedOff(PieceFixtures.piece().title(title));
		var registered = this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow();
		lifecycle.publish(registered.registrationNumber());
		lifecycle.complete("liqiang", piece.getId(), Map.of(DispatchProcess.DIRECT_REPORT, true));
		Map<String, Object> instruction = new HashMap<>();
		instruction.put("leader", "district-mayor");
		instruction.put("instructedOn", LocalDate.now().toString());
		instruction.put("text", "请住建局研究办理。");
		instruction.put("leadDepartment", "housing-bureau");
		new Http(this.rest).post("liqiang", "/api/pieces/" + registered.id() + "/instructions", instruction);
		ProcessInstance followup = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(registered.registrationNumber())
			.singleResult();
		this.managementService.executeJob(this.managementService.createJobQuery()
			.processInstanceId(followup.getId())
			.activityId(FollowupProcess.TIMER_OVERDUE)
			.singleResult()
			.getId());
	}

}
