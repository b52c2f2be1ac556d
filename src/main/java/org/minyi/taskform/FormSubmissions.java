package org.minyi.taskform;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.minyi.common.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * What a client (engine-rest, Tasklist) may send with a task or a start: only the
 * variables the Camunda Form lets its user set. The form's rules ({@link FormRules}) see
 * only the merged variables, so without this a completion could carry
 * {@code registrationNumber}, {@code pieceId} or another step's decision. The same holds
 * for a task's variables written on their own, for a BPMN error or escalation thrown from
 * a task (refused outright where no boundary event catches it) and for the variables of a
 * start form; a start may not skip listeners or begin at another activity, and the
 * capabilities' {@link StartRule}s hold. A broken rule throws {@link RuleViolation}
 * ({@code UNDECLARED_VARIABLE}, {@code READONLY_VARIABLE},
 * {@code START_OPTION_NOT_ALLOWED}, {@code TASK_ACTION_NOT_ALLOWED}, ...), before
 * anything is changed. Called by the HTTP boundary on the application's behalf.
 */
@Component
public class FormSubmissions {

	private final TaskService taskService;

	private final RepositoryService repositoryService;

	private final TaskForms taskForms;

	private final List<StartRule> startRules;

	FormSubmissions(TaskService taskService, RepositoryService repositoryService, TaskForms taskForms,
			List<StartRule> startRules) {
		this.taskService = taskService;
		this.repositoryService = repositoryService;
		this.taskForms = taskForms;
		this.startRules = startRules;
	}

	/**
	 * The checks of a request on a task; empty for no such task, which the engine answers
	 * itself.
	 */
	public Optional<TaskRequest> task(String taskId) {
		Task task = this.taskService.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			return Optional.empty();
		}
		return Optional.of(new TaskRequest(task, this.taskForms.taskFormFields(taskId)));
	}

	/**
	 * A start of the process definition: no start options, the start rules, the start
	 * form's variables.
	 */
	public void checkStart(ProcessDefinition definition, StartRequest request) {
		if (request.withStartOptions()) {
			throw new RuleViolation("START_OPTION_NOT_ALLOWED", "启动流程时不允许指定起始环节、跳过监听器或输入输出映射");
		}
		this.startRules.forEach((rule) -> rule.check(definition.getKey(), request));
		DeclaredVariables declared = new DeclaredVariables(this.taskForms.startFormFields(definition.getId()));
		declared.check(request.variables(), (name) -> null);
		declared.refuseProblems();
	}

	/** A request on an open task, checked against its form. */
	public final class TaskRequest {

		private final Task task;

		private final DeclaredVariables declared;

		private final Function<String, TypedValue> current;

		private TaskRequest(Task task, FormFields fields) {
			this.task = task;
			this.declared = new DeclaredVariables(fields);
			this.current = (name) -> FormSubmissions.this.taskService.getVariableTyped(task.getId(), name, false);
		}

		/**
		 * {@code complete}, {@code submit-form} or {@code resolve} with these variables.
		 */
		public void checkCompletion(Map<String, SubmittedValue> variables) {
			this.declared.check(variables, this.current);
			this.declared.refuseProblems();
		}

		/**
		 * A BPMN error (or escalation) with this code and these variables: only one a
		 * boundary event of the task catches. Uncaught, the engine ends the task's
		 * execution (an error) or goes on (an escalation): either way the piece would
		 * leave its path without a trace of a decision.
		 */
		public void checkThrown(boolean error, String code, Map<String, SubmittedValue> variables) {
			if (!caughtByBoundaryEvent(error, code)) {
				throw new RuleViolation("TASK_ACTION_NOT_ALLOWED",
						"此环节没有处理该" + (error ? "错误" : "升级") + "代码（" + code + "）的分支，不能通过接口抛出");
			}
			checkCompletion(variables);
		}

		/** Variables written (and deleted) on the task on their own. */
		public void checkVariables(Map<String, SubmittedValue> modifications, Collection<String> deletions) {
			this.declared.check(modifications, this.current);
			if (deletions != null) {
				deletions.forEach(this.declared::checkEditable);
			}
			this.declared.refuseProblems();
		}

		/**
		 * A variable deleted, or its value written as a file: only a field the user may
		 * change.
		 */
		public void checkEditable(String name) {
			this.declared.checkEditable(name);
			this.declared.refuseProblems();
		}

		/**
		 * Whether a boundary event of this very task catches the code: an error boundary
		 * event catches its error's code, or every error when it names none; an
		 * escalation boundary event likewise.
		 */
		private boolean caughtByBoundaryEvent(boolean error, String code) {
			BpmnModelInstance model = FormSubmissions.this.repositoryService
				.getBpmnModelInstance(this.task.getProcessDefinitionId());
			return model.getModelElementsByType(BoundaryEvent.class)
				.stream()
				.filter((event) -> event.getAttachedTo() != null
						&& this.task.getTaskDefinitionKey().equals(event.getAttachedTo().getId()))
				.flatMap((event) -> event.getEventDefinitions().stream())
				.anyMatch((definition) -> error ? catchesError(definition, code) : catchesEscalation(definition, code));
		}

	}

	private static boolean catchesError(EventDefinition definition, String code) {
		if (!(definition instanceof ErrorEventDefinition errorDefinition)) {
			return false;
		}
		return errorDefinition.getError() == null || errorDefinition.getError().getErrorCode() == null
				|| errorDefinition.getError().getErrorCode().equals(code);
	}

	private static boolean catchesEscalation(EventDefinition definition, String code) {
		if (!(definition instanceof EscalationEventDefinition escalationDefinition)) {
			return false;
		}
		return escalationDefinition.getEscalation() == null
				|| escalationDefinition.getEscalation().getEscalationCode() == null
				|| escalationDefinition.getEscalation().getEscalationCode().equals(code);
	}

}
