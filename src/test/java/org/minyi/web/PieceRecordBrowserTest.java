package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.followup.FollowupProcess;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.Browser;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The 「信息全貌」 tab beside a task's form in Tasklist: the vice-chair signing off sees what
 * the verifier found and what the secretary-general wrote; the department handling a case
 * sees the leader's instruction. Every code is shown by its name, and the tab speaks
 * Chinese.
 */
@MinyiIntegrationTest
class PieceRecordBrowserTest {

	private static final String VERIFICATION_NOTES = "经实地走访，夜间便民服务点确有缺口";

	private static final String SIGNOFF_NOTE = "数据请与街道核对后再报";

	private static final String INSTRUCTION = "请区住建局牵头研究夜间便民服务点的设置。";

	/**
	 * Latin words a Chinese user may meet in the tab: none but the product's and the file
	 * type's.
	 */
	private static final List<String> ALLOWED_LATIN = List.of("Camunda");

	private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

	@LocalServerPort
	int port;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	PieceRepository pieces;

	@Autowired
	Http http;

	@Autowired
	TaskService taskService;

	@Test
	void shouldShowTheViceChairAndTheDepartmentThePiecesRecordBesideTheirTask() {
		String title = "关于增设夜间便民服务点的建议" + System.nanoTime() % 10000;
		ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece().title(title));
		this.lifecycle.complete("liqiang", piece.getId(), PieceFixtures.accept(true));
		this.lifecycle.complete("zhoumin", piece.getId(), Map.of(PieceProcess.VERIFICATION_RESULT,
				PieceProcess.CONFIRMED, PieceProcess.VERIFICATION_NOTES, VERIFICATION_NOTES));
		Map<String, Object> edit = new HashMap<>();
		edit.put(PieceProcess.EDIT_ACTION, PieceProcess.EDIT);
		edit.put(PieceProcess.EDITED_TITLE, title);
		edit.put(PieceProcess.EDITED_SITUATION, "情况（编辑稿）");
		edit.put(PieceProcess.EDITED_ANALYSIS, "问题（编辑稿）");
		edit.put(PieceProcess.EDITED_SUGGESTIONS, "建议（编辑稿）");
		this.lifecycle.complete("liqiang", piece.getId(), edit);
		this.lifecycle.complete("chenjun", piece.getId(), Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE,
				PieceProcess.SIGNOFF_COMMENT, SIGNOFF_NOTE));

		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "sunli", "demo");
			openRecord(browser, this.lifecycle.task(piece.getId()).getId());
			String record = browser.find(By.cssSelector(".minyi-record")).getText();
			browser.screenshot("record-1-vice-chair-signoff");
			assertThat(record)
				.contains(title, "城建城管", "属实", VERIFICATION_NOTES, "秘书长审核", "同意", SIGNOFF_NOTE, "调查核实", "登记分类")
				.doesNotContain("urban", "approve", "confirmed", "null", "undefined");
			assertThat(latinWords(record)).as("English words in the tab").isEmpty();
			assertThat(consoleErrors(browser)).isEmpty();
		}

		this.lifecycle.complete("sunli", piece.getId(),
				Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE, PieceProcess.SIGNOFF_COMMENT, "同意"));
		String number = this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().registrationNumber();
		this.lifecycle.publish(number);
		this.lifecycle.complete("liqiang", piece.getId(), Map.of(DispatchProcess.DIRECT_REPORT, true));
		long id = this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().id();
		Map<String, Object> instruction = new HashMap<>();
		instruction.put("leader", "district-mayor");
		instruction.put("instructedOn", LocalDate.now().toString());
		instruction.put("text", INSTRUCTION);
		instruction.put("leadDepartment", "housing-bureau");
		instruction.put("coDepartments", List.of());
		assertThat(this.http.post("liqiang", "/api/pieces/" + id + "/instructions", instruction).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);

		try (Browser browser = Browser.open(this.port)) {
			browser.login("/camunda/app/tasklist/", "wuhao", "demo");
			openRecord(browser, handlingTask(number));
			String record = browser.find(By.cssSelector(".minyi-record")).getText();
			browser.screenshot("record-2-department-handling");
			assertThat(record).contains(title, INSTRUCTION, "区住房和城乡建设局", "主办", "办理中", "领导批示")
				.doesNotContain(VERIFICATION_NOTES, SIGNOFF_NOTE, "housing-bureau", "district-mayor", "OPEN");
			assertThat(latinWords(record)).as("English words in the tab").isEmpty();
			assertThat(consoleErrors(browser)).isEmpty();
		}
	}

	/** Opens the task as the link in its notification mail does, and its record tab. */
	private static void openRecord(Browser browser, String taskId) {
		// What the login page logged is the login's; this test answers for the task's
		// screen.
		consoleErrors(browser);
		browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
		browser.clickable(By.xpath("//ul[contains(@class,'nav-tabs')]//a[contains(., '信息全貌')]")).click();
		browser.find(By.cssSelector(".minyi-record .minyi-record-timeline"));
		assertThat(browser.all(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
			.as("no end-of-life banner")
			.isEmpty();
	}

	private String handlingTask(String registrationNumber) {
		return this.taskService.createTaskQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(registrationNumber)
			.taskDefinitionKey(FollowupProcess.TASK_HANDLE)
			.singleResult()
			.getId();
	}

	private static List<String> latinWords(String text) {
		Matcher words = LATIN_WORD.matcher(text);
		List<String> found = new java.util.ArrayList<>();
		while (words.find()) {
			if (!ALLOWED_LATIN.contains(words.group())) {
				found.add(words.group());
			}
		}
		return found;
	}

	private static List<String> consoleErrors(Browser browser) {
		return browser.driver()
			.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

}
