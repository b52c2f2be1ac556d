package org.minyi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.ProbeJob;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Application jobs against the engine's own jobs: scheduled in the caller's transaction,
 * run with their payload, and retried as a model's job with the same retry cycle is, down
 * to the incident.
 */
@MinyiIntegrationTest
class ApplicationJobsTest {

	private static final String MODEL = "application-jobs-test";

	@Autowired
	ApplicationJobs jobs;

	@Autowired
	ProbeJob probe;

	@Autowired
	ManagementService managementService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ProcessEngineConfigurationImpl engineConfiguration;

	@Autowired
	PlatformTransactionManager transactionManager;

	@BeforeEach
	void setUp() {
		this.probe.reset();
		probeJobs().forEach((job) -> this.managementService.deleteJob(job.getId()));
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		this.probe.reset();
		probeJobs().forEach((job) -> this.managementService.deleteJob(job.getId()));
		this.repositoryService.createDeploymentQuery()
			.deploymentName(MODEL)
			.list()
			.forEach((deployment) -> this.repositoryService.deleteDeployment(deployment.getId(), true));
	}

	@Test
	void shouldRunAJobScheduledOutsideACommandWithItsPayload() {
		this.jobs.schedule(ProbeJob.TYPE, "42");

		Job job = onlyProbeJob();
		assertThat(((JobEntity) job).getJobHandlerConfigurationRaw()).isEqualTo("42");
		assertThat(job.getRetries()).isEqualTo(ProbeJob.ATTEMPTS);
		assertThat(job.getProcessInstanceId()).isNull();
		assertThat(this.probe.payloads()).as("not run before the job executor runs it").isEmpty();

		this.managementService.executeJob(job.getId());
		assertThat(this.probe.payloads()).containsExactly("42");
		assertThat(probeJobs()).isEmpty();
	}

	@Test
	void shouldScheduleInTheCurrentCommandAndInTheCallersTransaction() {
		List<Integer> jobsOfTheCommand = new ArrayList<>();
		this.engineConfiguration.getCommandExecutorTxRequired().execute((context) -> {
			this.jobs.schedule(ProbeJob.TYPE, "in the command");
			// Jobs are cached under this type; asked for a subtype the cache finds none
			// (it compares the wrong class).
			jobsOfTheCommand.add((int) context.getDbEntityManager()
				.getCachedEntitiesByType(AcquirableJobEntity.class)
				.stream()
				.filter((job) -> ProbeJob.TYPE.equals(((JobEntity) job).getJobHandlerType()))
				.count());
			return null;
		});
		assertThat(jobsOfTheCommand).as("the job is the command's own").containsExactly(1);
		assertThat(onlyProbeJob()).isNotNull();

		assertThatThrownBy(() -> this.engineConfiguration.getCommandExecutorTxRequired().execute((context) -> {
			this.jobs.schedule(ProbeJob.TYPE, "rolled back with the command");
			throw new IllegalStateException("the cause fails");
		})).hasMessage("the cause fails");
		new TransactionTemplate(this.transactionManager).executeWithoutResult((transaction) -> {
			this.jobs.schedule(ProbeJob.TYPE, "rolled back with the caller");
			transaction.setRollbackOnly();
		});
		assertThat(probeJobs()).extracting((job) -> ((JobEntity) job).getJobHandlerConfigurationRaw())
			.containsExactly("in the command");
	}

	@Test
	void shouldRefuseATypeNoBeanRuns() {
		assertThatThrownBy(() -> this.jobs.schedule("minyi-no-such-job", "1"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * The probe's retries (3 attempts, 2 minutes apart) against a model's asynchronous
	 * service task with the retry cycle {@code R3/PT2M}: after each failed attempt the
	 * same retries left, the same due date, the exception kept and logged; at the end the
	 * same incident; an operator's retry runs it again.
	 */
	@Test
	void shouldRetryAsTheEnginesOwnRetryCycleDoes() {
		Date now = new Date(System.currentTimeMillis() / 1000 * 1000);
		ClockUtil.setCurrentTime(now);
		this.repositoryService.createDeployment()
			.name(MODEL)
			.addModelInstance(MODEL + ".bpmn", failingModel())
			.deploy();
		String modelJob = this.managementService.createJobQuery()
			.processInstanceId(this.runtimeService.startProcessInstanceByKey(MODEL).getId())
			.singleResult()
			.getId();
		this.probe.failing(true);
		this.jobs.schedule(ProbeJob.TYPE, "7");
		String probeJob = onlyProbeJob().getId();

		List<String> engine = new ArrayList<>();
		List<String> ours = new ArrayList<>();
		for (int attempt = 1; attempt <= ProbeJob.ATTEMPTS; attempt++) {
			engine.add(failedAttempt(modelJob, now));
			ours.add(failedAttempt(probeJob, now));
		}
		assertThat(ours).isEqualTo(engine).startsWith("2 retries left, due +120 s, exception kept, 1 logged");
		assertThat(this.probe.payloads()).containsExactly("7", "7", "7");
		assertThat(this.managementService.getJobExceptionStacktrace(probeJob)).contains("probe failed on 7");
		assertThat(incident(probeJob)).isEqualTo(incident(modelJob)).isEqualTo("failedJob, 1 open");

		this.probe.failing(false);
		this.managementService.setJobRetries(probeJob, 1);
		this.managementService.executeJob(probeJob);
		assertThat(probeJobs()).isEmpty();
		assertThat(this.runtimeService.createIncidentQuery().configuration(probeJob).count()).isZero();
	}

	/** One failed run of this job, and what the engine then holds of it. */
	private String failedAttempt(String jobId, Date now) {
		assertThatThrownBy(() -> this.managementService.executeJob(jobId)).isNotNull();
		Job job = this.managementService.createJobQuery().jobId(jobId).singleResult();
		long failures = this.historyService.createHistoricJobLogQuery().jobId(jobId).failureLog().count();
		return job.getRetries() + " retries left, due +" + (job.getDuedate().getTime() - now.getTime()) / 1000
				+ " s, exception " + ((job.getExceptionMessage() != null) ? "kept" : "lost") + ", " + failures
				+ " logged";
	}

	private String incident(String jobId) {
		List<Incident> incidents = this.runtimeService.createIncidentQuery().configuration(jobId).list();
		return String.join(" ", incidents.stream().map(Incident::getIncidentType).distinct().toList()) + ", "
				+ incidents.size() + " open";
	}

	private static BpmnModelInstance failingModel() {
		return Bpmn.createExecutableProcess(MODEL)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("fails")
			.camundaAsyncBefore()
			.camundaFailedJobRetryTimeCycle("R" + ProbeJob.ATTEMPTS + "/PT" + ProbeJob.INTERVAL.toMinutes() + "M")
			.camundaExpression("${noSuchBean}")
			.endEvent()
			.done();
	}

	private Job onlyProbeJob() {
		List<Job> probes = probeJobs();
		assertThat(probes).hasSize(1);
		return probes.get(0);
	}

	private List<Job> probeJobs() {
		return this.managementService.createJobQuery()
			.list()
			.stream()
			.filter((job) -> ProbeJob.TYPE.equals(((JobEntity) job).getJobHandlerType()))
			.toList();
	}

}
