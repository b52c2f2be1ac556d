package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.piece.Piece;
import org.minyi.piece.PieceRepository;
import org.minyi.piece.PieceStatus;
import org.minyi.support.Browser;
import org.minyi.support.Lifecycle;
import org.minyi.support.PieceFixtures;
import org.minyi.support.MinyiIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A submitter starts a piece with the Chinese start form; the info-section sees and
 * claims the task.
 */
@MinyiIntegrationTest
class TasklistBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	PieceRepository pieces;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	Lifecycle lifecycle;

	@Test
	void shouldLetASubmitterStartAPieceAndTheInfoSectionClaimIt() {
		String title = "关于增设社区夜间便民服务点的建议" + System.nanoTime() % 10000;
		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "wangfang", "demo");
			browser.screenshot("tasklist-1-submitter-logged-in");
			assertThat(browser.pageText()).contains("启动流程");

			browser.clickable(By.cssSelector(".start-process-action a")).click();
			browser.clickable(By.xpath("//a[contains(., '社情民意信息办理')]")).click();
			// Submitted empty: form-js's own messages, in Chinese (minyi/form-zh.js).
			browser.find(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space(text()[1])='标题']"));
			browser
				.clickable(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-primary')]"))
				.click();
			browser.waitForText(By.cssSelector(".modal-dialog"), "此项为必填项");
			browser.screenshot("tasklist-2a-start-form-required");
			assertThat(browser.find(By.cssSelector(".modal-dialog")).getText()).doesNotContain("Field is required");
			fill(browser, "标题", title);
			choose(browser, "信息类别", "社会民生");
			fill(browser, "情况", "部分老旧社区缺少夜间便民服务点，居民夜间购药、维修不便。");
			fill(browser, "问题分析", "现有服务点多在晚上八点前关闭，夜间需求无人承接。");
			fill(browser, "意见建议", "建议依托社区党群服务中心设立夜间便民服务点。");
			fill(browser, "反映人单位", "民盟区委会");
			browser.screenshot("tasklist-2-start-form-filled");
			browser
				.clickable(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-primary')]"))
				.click();
			browser.gone(By.cssSelector(".modal-dialog"));
			browser.screenshot("tasklist-3-piece-started");
		}
		assertThat(this.pieces.findAll()).as("the piece was received")
			.anyMatch((piece) -> piece.originalText().title().equals(title));

		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "liqiang", "demo");
			browser.clickable(By.xpath("//a[contains(., '本组待办')]")).click();
			// The list shows each task's piece title (a filter column), so the browser
			// picks our piece's task.
			WebElement task = browser
				.clickable(By.xpath("//li[contains(@class,'task')][contains(., '" + title + "')]"));
			browser.screenshot("tasklist-4-info-section-group-tasks");
			task.click();
			browser.clickable(By.xpath("//button[contains(@class,'claim') or contains(., '认领')]")).click();
			// Claimed: the unclaim button (its "取消认领" is a tooltip, shown only while the
			// mouse is over it).
			browser.clickable(By.cssSelector("button.unclaim"));
			browser.screenshot("tasklist-5-task-claimed");

			browser.click(By.xpath("//label[contains(., '采用，进入编辑')]"));
			browser.screenshot("tasklist-6-registration-decided");
			browser.click(By.xpath("//button[contains(@class,'btn-primary')][contains(., '完成')]"));
			browser.gone(By.xpath("//button[contains(@class,'btn-primary')][contains(., '完成')]"));
		}
		Piece registered = this.pieces.findAll()
			.stream()
			.filter((piece) -> piece.originalText().title().equals(title))
			.findFirst()
			.orElseThrow();
		assertThat(registered.registrationNumber()).as("the form was completed in the browser").isNotNull();
		assertThat(registered.status()).isEqualTo(PieceStatus.EDITING);
	}

	@Test
	void shouldLetTheInfoSectionPublishAnIssueAndDownloadItsWordDocument() throws Exception {
		// The browser picks the group's task by name: no issue other tests left open may
		// be mistaken for ours.
		this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(DispatchProcess.BULLETIN_KEY)
			.list()
			.forEach((open) -> this.runtimeService.deleteProcessInstance(open.getId(), "browser test isolation"));
		ProcessInstance piece = this.lifecycle.signedOff(PieceFixtures.piece().title("关于浏览器刊发测试的建议"));
		String number = this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().registrationNumber();
		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "liqiang", "demo");
			browser.clickable(By.cssSelector(".start-process-action a")).click();
			browser.clickable(By.xpath("//a[contains(., '期刊编发')]")).click();
			browser.find(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space(text()[1])='刊物']"));
			browser.screenshot("bulletin-1-start-form");
			browser
				.clickable(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-primary')]"))
				.click();
			browser.gone(By.cssSelector(".modal-dialog"));

			openGroupTask(browser, "编排期刊");
			fill(browser, "本期刊发的信息登记号（用逗号或换行分隔）", number);
			browser.screenshot("bulletin-2-issue-assembled");
			browser.clickable(By.xpath("//button[contains(@class,'btn-primary')][contains(., '完成')]")).click();

			openGroupTask(browser, "下载并印发期刊");
			browser.clickable(By.xpath("//a[contains(., '下载本期 Word 文档')]")).click();
			Path document = browser.downloaded(".docx");
			browser.screenshot("bulletin-3-document-downloaded");
			try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(document))) {
				String text = docx.getParagraphs()
					.stream()
					.map(XWPFParagraph::getText)
					.collect(Collectors.joining("\n"));
				assertThat(text).contains("《社情民意》", "关于浏览器刊发测试的建议").containsPattern("\\d{4}年第\\d+期");
			}
		}
	}

	/**
	 * Opens the group's task list, claims the task with this name and waits for its form.
	 */
	private static void openGroupTask(Browser browser, String taskName) {
		browser.clickable(By.xpath("//a[contains(., '本组待办')]")).click();
		browser.clickable(By.xpath("//li[contains(@class,'task')][contains(., '" + taskName + "')]")).click();
		browser.clickable(By.xpath("//button[contains(@class,'claim') or contains(., '认领')]")).click();
		browser.clickable(By.cssSelector("button.unclaim"));
	}

	private static void fill(Browser browser, String label, String text) {
		input(browser, label).sendKeys(text);
	}

	private static WebElement input(Browser browser, String label) {
		WebElement labelElement = browser.find(By
			.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space(text()[1])='" + label + "']"));
		return browser.find(By.id(labelElement.getAttribute("for")));
	}

	private static void choose(Browser browser, String label, String option) {
		browser.clickable(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space(text()[1])='"
				+ label
				+ "']/ancestor::div[contains(@class,'fjs-form-field')][1]//div[contains(@class,'fjs-input-group')]"))
			.click();
		browser
			.clickable(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']"))
			.click();
	}

}
