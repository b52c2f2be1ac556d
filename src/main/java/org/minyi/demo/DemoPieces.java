package org.minyi.demo;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.minyi.identity.DatabaseMode;
import org.minyi.identity.IdentityProperties;
import org.minyi.identity.Role;
import org.minyi.intake.PieceSubmission;
import org.minyi.piece.PieceProcess;
import org.minyi.piece.PieceRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sample pieces, started through the real process as the demo submitters, once, when demo
 * data is on (and {@code minyi.demo-data.sample-pieces} is not false: the tests want the
 * demo users only).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class DemoPieces implements ApplicationRunner {

	private static final List<PieceSubmission> SAMPLES = List.of(
			new PieceSubmission("关于优化老旧小区加装电梯审批流程的建议", "urban", "我区现有2000年前建成的老旧小区412个，群众加装电梯意愿强烈，已有86个小区提出申请。",
					"审批涉及规划、住建、市场监管等多个部门，材料重复提交，平均办理时间超过90天。", "建议推行“一窗受理、并联审批”，编制办事指南，将办理时间压缩至30天以内。", "member",
					"民进区委会", null, null, "zhaolei", "normal", "public"),
			new PieceSubmission("关于汛期前加快排查城区易涝点的紧急建议", "urban", "近期气象部门预测今年主汛期降雨偏多，城区仍有17处易涝点未完成改造。",
					"部分易涝点改造工程进度滞后，应急排水设备配备不足。", "建议汛期前完成排查，对未完工点位落实临时排涝措施和专人值守。", "member", "九三学社区委会", null, null,
					null, "urgent", "public"),
			new PieceSubmission("关于规范校外培训机构预收费监管的建议", "science-education-culture-health-sports",
					"部分校外培训机构一次性预收一年以上费用，近一年涉及退费纠纷投诉120余起。", "资金监管账户覆盖率低，跨部门信息共享不畅。",
					"建议全面推行预收费资金第三方存管，建立教育、市场监管、金融部门联合监管机制。", "participating-unit", "区工商联", null, null, null, "normal",
					"public"));

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final PieceRepository pieces;

	private final IdentityProperties properties;

	private final Environment environment;

	DemoPieces(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
			PieceRepository pieces, IdentityProperties properties, Environment environment) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.identityService = identityService;
		this.pieces = pieces;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean wanted = this.properties.demoData().enabledFor(DatabaseMode.of(this.environment))
				&& this.environment.getProperty("minyi.demo-data.sample-pieces", Boolean.class, true);
		if (!wanted || this.pieces.count() > 0) {
			return;
		}
		ProcessInstance first = start("wangfang", SAMPLES.get(0));
		start("wangfang", SAMPLES.get(1));
		start("zhaolei", SAMPLES.get(2));
		// One piece already registered, so the editor has a task too.
		as("liqiang", Role.INFO_SECTION,
				() -> this.taskService.complete(
						this.taskService.createTaskQuery().processInstanceId(first.getId()).singleResult().getId(),
						Map.of(PieceProcess.REGISTRATION_DECISION, PieceProcess.ACCEPT, PieceProcess.NEEDS_VERIFICATION,
								false, PieceProcess.CATEGORY, "urban", PieceProcess.SOURCE_TYPE, "member")));
	}

	private ProcessInstance start(String userId, PieceSubmission submission) {
		ProcessInstance[] started = new ProcessInstance[1];
		as(userId, Role.SUBMITTER, () -> started[0] = this.runtimeService.startProcessInstanceByKey(PieceProcess.KEY,
				submission.toVariables()));
		return started[0];
	}

	private void as(String userId, Role role, Runnable work) {
		this.identityService.setAuthentication(userId, List.of(role.groupId()));
		try {
			work.run();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

}
