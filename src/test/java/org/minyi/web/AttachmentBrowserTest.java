package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.support.Browser;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's pages for a piece in a real browser: a submitter uploads an attachment and a
 * reviewer downloads the same bytes; the registrar compares a piece with similar ones in
 * the 「相似信息」 tab.
 */
@MinyiIntegrationTest
class AttachmentBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	Lifecycle lifecycle;

	@Test
	void shouldLetASubmitterUploadAndAReviewerDownloadTheSameBytes() throws Exception {
		String title = "关于附件上传测试的建议" + System.nanoTime() % 10000;
		Object pieceId = new Http(this.rest).post("wangfang", "/api/pieces", PieceFixtures.piece().title(title).build())
			.getBody()
			.get("id");
		byte[] pdf = ("%PDF-1.4\n% 附件测试 " + title + "\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Path file = Files.createTempDirectory("minyi-upload").resolve("情况说明.pdf");
		Files.write(file, pdf);

		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "wangfang", "demo");
			browser.go("/attachments.html");
			browser.clickable(By.xpath("//tr[contains(., '" + title + "')]//a[contains(., '附件')]")).click();
			browser.find(By.id("file")).sendKeys(file.toString());
			browser.clickable(By.cssSelector("#upload button")).click();
			browser.waitForText(By.id("attachments"), "情况说明.pdf");
			browser.screenshot("attachments-1-uploaded");
		}
		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "liqiang", "demo");
			browser.go("/attachments.html?piece=" + pieceId);
			browser.clickable(By.xpath("//a[contains(., '情况说明.pdf')]")).click();
			Path downloaded = browser.downloaded(".pdf");
			browser.screenshot("attachments-2-reviewer");
			assertThat(Files.readAllBytes(downloaded)).isEqualTo(pdf);
		}
	}

	@Test
	void shouldShowTheRegistrarSimilarPiecesInTheRegistrationTask() {
		// A title is what a submitter typed: the tab must show it as text, never as
		// markup.
		String title = "关于规范校园周边<img src=x onerror=alert(1)>接送车辆停放的建议";
		String situation = "校园周边接送车辆上下学时段乱停乱放，占用非机动车道，存在安全隐患。";
		ProcessInstance earlier = this.lifecycle.submit(PieceFixtures.piece().title(title).situation(situation));
		this.lifecycle.complete("liqiang", earlier.getId(), PieceFixtures.accept(false));
		String number = this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(earlier.getId())
			.singleResult()
			.getBusinessKey();
		ProcessInstance later = this.lifecycle
			.submit(PieceFixtures.piece().title("关于规范校园周边接送车辆停放秩序的建议").situation("校园周边接送车辆上下学时段乱停乱放，占用非机动车道。"));
		ProcessInstance unlike = this.lifecycle
			.submit(PieceFixtures.piece().title("关于在社区卫生服务中心增设夜间门诊的建议").situation("居民夜间突发小病只能去三甲医院急诊，排队时间长，费用高。"));

		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "liqiang", "demo");
			WebElement tab = similarTab(browser, this.lifecycle.task(later.getId()).getId());
			browser.waitForText(By.cssSelector(".minyi-similar-pieces"), number);
			assertThat(tab.getText()).contains("近12个月内的相似信息", title, "%");
			assertThat(tab.findElements(By.tagName("img"))).as("no markup from a title").isEmpty();
			browser.click(By.xpath("//table[contains(@class, 'minyi-similar-pieces')]//tr[contains(., '" + number
					+ "')]//button[contains(., '查看全文')]"));
			browser.waitForText(By.cssSelector(".minyi-similar-detail"), situation);
			browser.screenshot("similar-1-registration-task");

			similarTab(browser, this.lifecycle.task(unlike.getId()).getId());
			browser.waitForText(By.cssSelector(".minyi-similar-status"), "近12个月内未发现相似信息");
			browser.screenshot("similar-2-none");

			similarTab(browser, this.lifecycle.task(earlier.getId()).getId());
			browser.waitForText(By.cssSelector(".minyi-similar-status"), "相似信息只在登记分类任务中显示");
		}
	}

	/** Opens the task in Tasklist and its 「相似信息」 tab. */
	private static WebElement similarTab(Browser browser, String taskId) {
		browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
		browser.click(By.xpath("//ul[contains(@class, 'nav-tabs')]//a[normalize-space() = '相似信息']"));
		return browser.find(By.cssSelector(".minyi-similar"));
	}

}
