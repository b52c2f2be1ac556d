package org.minyi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.followup.FollowupProcess;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.minyi.support.DroppingProxy;
import org.minyi.support.Http;
import org.minyi.support.Lifecycle;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real SMTP on loopback (GreenMail, port 3025 as configured for the tests). Mail jobs are
 * run by the test, one at a time, as the job executor would.
 */
@MinyiIntegrationTest
class NotificationMailTest {

	private static final int SMTP_PORT = 3025;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@Autowired
	NotificationService notificationService;

	@Autowired
	PieceRepository pieces;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	private GreenMail greenMail;

	private Lifecycle lifecycle;

	@BeforeEach
	void setUp() {
		// Mail jobs left by other test classes (nothing runs them there) would only add
		// noise here.
		mailJobs().forEach((job) -> this.managementService.deleteJob(job.getId()));
		this.lifecycle = new Lifecycle(this.runtimeService, this.taskService, this.identityService);
	}

	@AfterEach
	void stopMailServer() {
		if (this.greenMail != null) {
			this.greenMail.stop();
		}
	}

	@Test
	void shouldMailTheGroupOfANewTaskAndTheSubmitterWhenRegisteredOrReturned() throws Exception {
		startMailServer(SMTP_PORT);
		ProcessInstance accepted = this.lifecycle.submit(PieceFixtures.piece().title("关于邮件通知测试的建议"));
		runMailJobs();
		MimeMessage taskMail = only(mailsTo("liqiang@minyi.example"));
		assertThat(taskMail.getSubject()).contains("【待办】登记分类").contains("关于邮件通知测试的建议");
		String taskId = this.lifecycle.task(accepted.getId()).getId();
		assertThat(body(taskMail)).contains("/camunda/app/tasklist/default/#/?task=" + taskId);

		this.lifecycle.complete("liqiang", accepted.getId(), PieceFixtures.accept(false));
		runMailJobs();
		String number = this.pieces.findByProcessInstanceId(accepted.getId()).orElseThrow().registrationNumber();
		assertThat(mailsTo("wangfang@minyi.example")).extracting(MimeMessage::getSubject)
			.contains("【信息反馈】" + number + "《关于邮件通知测试的建议》");

		ProcessInstance returned = this.lifecycle.submit(PieceFixtures.piece().title("关于退回修改通知的建议"));
		Map<String, Object> ret = PieceFixtures.accept(false);
		ret.put(PieceProcess.REGISTRATION_DECISION, PieceProcess.RETURN);
		ret.put(PieceProcess.REGISTRATION_COMMENT, "请补充数据来源");
		this.lifecycle.complete("liqiang", returned.getId(), ret);
		runMailJobs();
		List<String> bodies = mailsTo("wangfang@minyi.example").stream().map(NotificationMailTest::body).toList();
		assertThat(bodies).anyMatch((body) -> body.contains("被退回修改") && body.contains("请补充数据来源"));
		assertThat(mailsTo("wangfang@minyi.example")).extracting(MimeMessage::getSubject)
			.anyMatch((subject) -> subject.startsWith("【待办】修改信息"));
	}

	@Test
	void shouldMailTheDepartmentBeforeTheDeadlineAndSupervisorsWhenOverdue() throws Exception {
		startMailServer(SMTP_PORT);
		ProcessInstance followup = instructedCase();
		runMailJobs();
		this.greenMail.purgeEmailFromAllMailboxes();

		this.managementService.executeJob(timer(followup, FollowupProcess.TIMER_REMINDER).getId());
		this.managementService.executeJob(timer(followup, FollowupProcess.TIMER_OVERDUE).getId());
		runMailJobs();

		assertThat(mailsTo("wuhao@minyi.example")).extracting(MimeMessage::getSubject)
			.anyMatch((subject) -> subject.startsWith("【办理提醒】"))
			.anyMatch((subject) -> subject.startsWith("【超期督办】"));
		assertThat(mailsTo("zhengyu@minyi.example")).extracting(MimeMessage::getSubject)
			.anyMatch((subject) -> subject.startsWith("【超期督办】"))
			.anyMatch((subject) -> subject.startsWith("【待办】督办"));
		assertThat(mailsTo("qianyun@minyi.example")).as("another department is not told").isEmpty();
	}

	@Test
	void shouldCompleteTasksWhileTheMailServerIsDownAndDeliverExactlyOnceAfterTheIncident() throws Exception {
		ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece().title("关于邮件服务器故障的建议"));
		this.lifecycle.complete("liqiang", piece.getId(), PieceFixtures.accept(false));
		assertThat(this.lifecycle.task(piece.getId()).getTaskDefinitionKey()).isEqualTo(PieceProcess.TASK_EDIT);

		List<Job> jobs = mailJobs();
		assertThat(jobs).isNotEmpty();
		for (Job job : jobs) {
			for (int attempt = 0; attempt < 5; attempt++) {
				assertThatThrownBy(() -> this.managementService.executeJob(job.getId())).isNotNull();
			}
			assertThat(this.managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
		}
		assertThat(this.runtimeService.createIncidentQuery().configuration(jobs.get(0).getId()).count()).isOne();

		startMailServer(SMTP_PORT);
		for (Job job : jobs) {
			this.managementService.setJobRetries(job.getId(), 1);
			this.managementService.executeJob(job.getId());
		}
		runMailJobs();
		String number = this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().registrationNumber();
		assertThat(mailsTo("wangfang@minyi.example")).extracting(MimeMessage::getSubject)
			.containsOnlyOnce("【信息反馈】" + number + "《关于邮件服务器故障的建议》");
		assertThat(this.runtimeService.createIncidentQuery().configuration(jobs.get(0).getId()).count()).isZero();
	}

	@Test
	void shouldDeliverTwoHundredNotificationsExactlyOnceThroughAServerThatDropsEveryThirdConnection() throws Exception {
		startMailServer(SMTP_PORT + 2);
		try (DroppingProxy proxy = new DroppingProxy(SMTP_PORT, SMTP_PORT + 2, 3)) {
			for (int i = 0; i < 200; i++) {
				this.notificationService.notify("feedback", List.of("wangfang", "zhaolei"), null,
						Map.of("number", "第" + i + "号", "title", "批量通知", "message", "第" + i + "条"), null,
						Set.of(NotificationRecipient.Channel.MAIL));
			}
			runMailJobs();
			assertThat(proxy.dropped()).isPositive();
			assertThat(mailJobs()).as("every mail job succeeded in the end")
				.extracting((job) -> job.getRetries() + " " + job.getExceptionMessage())
				.isEmpty();
		}
		for (String user : List.of("wangfang@minyi.example", "zhaolei@minyi.example")) {
			List<String> subjects = mailsTo(user).stream().map(NotificationMailTest::subject).toList();
			assertThat(subjects).hasSize(200).doesNotHaveDuplicates();
		}
	}

	/**
	 * The mail server down for ten minutes of simulated time while pieces keep moving:
	 * every minute a piece is submitted and registered and the due mail jobs run, as the
	 * job executor would run them, and fail. Once the server is back, the jobs with
	 * retries left go out at their next due time; those that ran out (incidents) go out
	 * when an operator retries them. Every mail arrives, exactly once.
	 */
	@Test
	void shouldLoseNoMailWhenTheServerIsDownForTenMinutesOfSimulatedTime() throws Exception {
		Date start = ClockUtil.getCurrentTime();
		List<Long> pieceIds = new ArrayList<>();
		long incidents;
		List<String> jobIds;
		try {
			for (int minute = 0; minute < 10; minute++) {
				ClockUtil.setCurrentTime(new Date(start.getTime() + TimeUnit.MINUTES.toMillis(minute)));
				ProcessInstance piece = this.lifecycle.submit(PieceFixtures.piece().title("关于邮件中断十分钟的建议" + minute));
				this.lifecycle.complete("liqiang", piece.getId(), PieceFixtures.accept(false));
				pieceIds.add(this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().id());
				assertThat(runDueMailJobs()).as("minute %d: nothing goes out", minute).isZero();
			}
			incidents = mailJobs().stream().filter((job) -> job.getRetries() == 0).count();
			jobIds = mailJobs().stream().map(Job::getId).toList();
			assertThat(incidents).as("the first pieces' mails ran out of retries").isPositive();

			startMailServer(SMTP_PORT);
			for (int minute = 10; minute < 15; minute++) {
				ClockUtil.setCurrentTime(new Date(start.getTime() + TimeUnit.MINUTES.toMillis(minute)));
				runDueMailJobs();
			}
			assertThat(mailJobs()).as("only the incidents wait, for an operator")
				.hasSize((int) incidents)
				.allMatch((job) -> job.getRetries() == 0);
			for (Job incident : mailJobs()) {
				this.managementService.setJobRetries(incident.getId(), 1);
				this.managementService.executeJob(incident.getId());
			}
		}
		finally {
			ClockUtil.reset();
		}
		assertThat(mailJobs()).isEmpty();
		String ids = String.join(",", pieceIds.stream().map(String::valueOf).toList());
		List<Map<String, Object>> mails = this.jdbc.queryForList("SELECT n.subject, r.email, r.accepted_at"
				+ " FROM minyi_notification n JOIN minyi_notification_recipient r ON r.notification_id = n.id"
				+ " WHERE r.channel = 'MAIL' AND n.piece_id IN (" + ids + ")");
		assertThat(mails).as("a task mail and a feedback mail per piece at least").hasSizeGreaterThanOrEqualTo(2 * 10);
		for (Map<String, Object> mail : mails) {
			assertThat(mail.get("accepted_at")).as(mail.toString()).isNotNull();
			assertThat(mailsTo((String) mail.get("email"))).extracting(NotificationMailTest::subject)
				.as(mail.toString())
				.containsOnlyOnce((String) mail.get("subject"));
		}
		Map<Integer, Long> attempts = jobIds.stream()
			.collect(java.util.stream.Collectors.groupingBy((id) -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = ? AND JOB_EXCEPTION_MSG_ IS NOT NULL",
					Integer.class, id), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
		System.out.printf("[NotificationMailTest] mail server down 10 simulated minutes: %d mails queued (failed"
				+ " attempts: jobs %s), %d became incidents and were retried by an operator, all %d delivered exactly once%n",
				mails.size(), attempts, incidents, mails.size());
	}

	/**
	 * The mail jobs due now (simulated time), run once each as the job executor would;
	 * how many succeeded.
	 */
	private int runDueMailJobs() {
		int sent = 0;
		for (Job job : this.managementService.createJobQuery().executable().list()) {
			if (MailJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType())) {
				try {
					this.managementService.executeJob(job.getId());
					sent++;
				}
				catch (RuntimeException ex) {
					// A failed attempt: the job is due again a minute later while retries
					// last.
				}
			}
		}
		return sent;
	}

	/**
	 * Runs the mail jobs as the job executor and an operator would: in varying order,
	 * failed attempts retried while retries last, and a job whose retries ran out (an
	 * incident) given one more retry.
	 */
	private void runMailJobs() {
		java.util.Random order = new java.util.Random(42);
		for (int round = 0; round < 20; round++) {
			List<Job> remaining = mailJobs();
			if (remaining.isEmpty()) {
				return;
			}
			remaining.stream()
				.filter((job) -> job.getRetries() == 0)
				.forEach((incident) -> this.managementService.setJobRetries(incident.getId(), 1));
			List<Job> runnable = new java.util.ArrayList<>(remaining);
			java.util.Collections.shuffle(runnable, order);
			for (Job job : runnable) {
				try {
					this.managementService.executeJob(job.getId());
				}
				catch (RuntimeException ex) {
					// A failed attempt: the job keeps its remaining retries.
				}
			}
		}
	}

	private List<Job> mailJobs() {
		return this.managementService.createJobQuery()
			.list()
			.stream()
			.filter((job) -> MailJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType()))
			.toList();
	}

	private ProcessInstance instructedCase() {
		ProcessInstance piece = this.lifecycle.signedOff(PieceFixtures.piece().title("关于督办邮件的建议"));
		String number = this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().registrationNumber();
		this.lifecycle.publish(number);
		this.lifecycle.complete("liqiang", piece.getId(), Map.of(DispatchProcess.DIRECT_REPORT, true));
		Map<String, Object> instruction = new HashMap<>();
		instruction.put("leader", "district-mayor");
		instruction.put("instructedOn", LocalDate.now().toString());
		instruction.put("text", "请住建局研究办理。");
		instruction.put("leadDepartment", "housing-bureau");
		new Http(this.rest).post("liqiang", "/api/pieces/"
				+ this.pieces.findByProcessInstanceId(piece.getId()).orElseThrow().id() + "/instructions", instruction);
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(FollowupProcess.KEY)
			.processInstanceBusinessKey(number)
			.singleResult();
	}

	private Job timer(ProcessInstance followup, String activityId) {
		return this.managementService.createJobQuery()
			.processInstanceId(followup.getId())
			.activityId(activityId)
			.singleResult();
	}

	private void startMailServer(int port) {
		this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.greenMail.start();
	}

	private List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(this.greenMail.getReceivedMessages())
			.filter((message) -> GreenMailUtil.getAddressList(recipients(message)).contains(address))
			.toList();
	}

	private static jakarta.mail.Address[] recipients(MimeMessage message) {
		try {
			return message.getAllRecipients();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String body(MimeMessage message) {
		try {
			return (String) message.getContent();
		}
		catch (java.io.IOException | jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static <T> T only(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}

}
