package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.minyi.support.Browser;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A submitter uploads an attachment in a real browser; a reviewer downloads the same bytes. */
@MinyiIntegrationTest
class AttachmentBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

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

}
