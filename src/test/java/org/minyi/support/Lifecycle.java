package org.minyi.support;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.minyi.dispatch.DispatchProcess;
import org.minyi.piece.PieceProcess;

/**
 * Drives pieces through the lifecycle as the demo users would, for tests of the later
 * steps.
 */
public final class Lifecycle {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final Users users;

	public Lifecycle(RuntimeService runtimeService, TaskService taskService, IdentityService identityService) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.users = new Users(identityService);
	}

	public Users users() {
		return this.users;
	}

	public ProcessInstance submit(PieceFixtures piece) {
		return this.users.as("wangfang",
				() -> this.runtimeService.startProcessInstanceByKey(PieceProcess.KEY, piece.variables()));
	}

	/**
	 * A piece submitted, registered, edited and signed off by both levels: waiting for
	 * publication.
	 */
	public ProcessInstance signedOff(PieceFixtures piece) {
		ProcessInstance instance = submit(piece);
		Map<String, Object> accept = PieceFixtures.accept(false);
		accept.put(PieceProcess.CATEGORY, piece.build().categoryCode());
		accept.put(PieceProcess.SOURCE_TYPE, piece.build().sourceTypeCode());
		complete("liqiang", instance.getId(), accept);
		Map<String, Object> edit = new HashMap<>();
		edit.put(PieceProcess.EDIT_ACTION, PieceProcess.EDIT);
		edit.put(PieceProcess.EDITED_TITLE, piece.build().title());
		edit.put(PieceProcess.EDITED_SITUATION, piece.build().situation());
		edit.put(PieceProcess.EDITED_ANALYSIS, "问题（编辑稿）");
		edit.put(PieceProcess.EDITED_SUGGESTIONS, "建议（编辑稿）");
		complete("liqiang", instance.getId(), edit);
		while (true) {
			Task task = task(instance.getId());
			if (task == null || !task.getTaskDefinitionKey().startsWith("task_signoff")) {
				return instance;
			}
			String user = task.getTaskDefinitionKey().equals(PieceProcess.TASK_SIGNOFF_VICE_CHAIR) ? "sunli"
					: "chenjun";
			complete(user, instance.getId(), Map.of(PieceProcess.SIGNOFF_DECISION, PieceProcess.APPROVE));
		}
	}

	/**
	 * The info-section publishes these signed-off pieces in a new issue of 《社情民意》;
	 * returns that process.
	 */
	public ProcessInstance publish(String... registrationNumbers) {
		ProcessInstance bulletin = this.users.as("liqiang", () -> this.runtimeService
			.startProcessInstanceByKey(DispatchProcess.BULLETIN_KEY, Map.of(DispatchProcess.PUBLICATION, "bulletin")));
		complete("liqiang", bulletin.getId(),
				Map.of(DispatchProcess.PIECE_NUMBERS, String.join(",", registrationNumbers)));
		return bulletin;
	}

	/**
	 * A piece signed off, published in a new issue and sent directly to the leaders (专报):
	 * open for instructions.
	 */
	public ProcessInstance dispatched(PieceFixtures piece) {
		ProcessInstance instance = signedOff(piece);
		String number = this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult()
			.getBusinessKey();
		publish(number);
		complete("liqiang", instance.getId(), Map.of(DispatchProcess.DIRECT_REPORT, true));
		return instance;
	}

	/**
	 * Completes the one open task of the process instance or of the instance it called.
	 */
	public void complete(String userId, String processInstanceId, Map<String, Object> variables) {
		Task task = task(processInstanceId);
		this.users.run(userId, () -> this.taskService.complete(task.getId(), variables));
	}

	/**
	 * The open task of this instance or of the process it called (dispatch, follow-up).
	 */
	public Task task(String processInstanceId) {
		Task own = this.taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		if (own != null) {
			return own;
		}
		ProcessInstance called = this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(processInstanceId)
			.singleResult();
		return (called != null) ? task(called.getId()) : null;
	}

	public ProcessInstance calledInstance(String processInstanceId) {
		return this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(processInstanceId)
			.singleResult();
	}

}
