package org.minyi.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.rest.dto.PatchVariablesDto;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.dto.runtime.StartProcessInstanceDto;
import org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto;
import org.camunda.bpm.engine.rest.dto.task.TaskBpmnErrorDto;
import org.camunda.bpm.engine.rest.dto.task.TaskEscalationDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.minyi.common.RuleViolation;
import org.minyi.engine.Privileged;
import org.minyi.piece.FormFields;
import org.minyi.piece.FormValidator;
import org.minyi.piece.PieceProcess;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user who may complete a task may set through engine-rest (and Tasklist's copy of it under
 * {@code /camunda/api/engine}) only the variables the task's Camunda Form lets them set: the form's
 * rules ({@code FormRules}) see only the merged variables, so without this a completion could carry
 * {@code registrationNumber}, {@code pieceId} or another step's decision. The same holds for a task's
 * variables written on their own, for a BPMN error or escalation thrown from a task (refused outright
 * where no boundary event catches it) and for the variables of a start form; a piece's business key is
 * the application's, and a start may not skip listeners or begin at another activity.
 * <p>
 * Runs after the authentication filters (it checks only requests of an authenticated user) and reads the
 * body with engine-rest's own object mapper into engine-rest's own request classes, so what it checks is
 * what the engine gets; the body is then replayed. A refusal is 400 in engine-rest's error shape with
 * {@code UNDECLARED_VARIABLE} (or {@code READONLY_VARIABLE}, {@code BUSINESS_KEY_NOT_ALLOWED},
 * {@code START_OPTION_NOT_ALLOWED}, {@code TASK_ACTION_NOT_ALLOWED}), before anything is changed.
 */
class DeclaredVariablesFilter extends OncePerRequestFilter {

	/** Larger bodies are refused: a form's variables are a few kilobytes. */
	private static final int MAX_BODY = 20 * 1024 * 1024;

	private static final Set<String> COMPLETIONS = Set.of("complete", "submit-form", "resolve");

	/** A BPMN error or escalation thrown from a task, with variables. */
	private static final Set<String> THROWN = Set.of("bpmnerror", "bpmnescalation");

	private static final Set<String> STARTS = Set.of("start", "submit-form");

	private static final Set<String> VARIABLE_COLLECTIONS = Set.of("variables", "localvariables");

	private final ObjectMapper engineRestMapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

	private final ObjectMapper answerMapper;

	private final IdentityService identityService;

	private final TaskService taskService;

	private final RepositoryService repositoryService;

	private final FormValidator formValidator;

	DeclaredVariablesFilter(ObjectMapper answerMapper, IdentityService identityService, TaskService taskService,
			RepositoryService repositoryService, FormValidator formValidator) {
		this.answerMapper = answerMapper;
		this.identityService = identityService;
		this.taskService = taskService;
		this.repositoryService = repositoryService;
		this.formValidator = formValidator;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> path = EngineRoutes.resourcePath(request);
		String method = request.getMethod().toUpperCase(Locale.ROOT);
		boolean checked = !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)
				&& path.size() >= 3 && (is(path.get(0), "task") || is(path.get(0), "process-definition"))
				&& authenticated(request);
		if (!checked) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		RuleViolation violation;
		if (body.length > MAX_BODY) {
			violation = new RuleViolation("REQUEST_TOO_LARGE", "请求内容过大", 413);
		}
		else {
			try {
				violation = Privileged.call(this.identityService, () -> check(method, path, body));
			}
			catch (RuleViolation malformed) {
				violation = malformed;
			}
		}
		if (violation != null) {
			refuse(response, violation);
			return;
		}
		chain.doFilter(new ReplayedRequest(request, body), response);
	}

	/**
	 * engine-rest's user is set by its authentication filter, which runs before this one. The webapps'
	 * filters are registered by Camunda's initializer, after this one: their user is in the session.
	 */
	private boolean authenticated(HttpServletRequest request) {
		if (this.identityService.getCurrentAuthentication() != null) {
			return true;
		}
		HttpSession session = request.getSession(false);
		return session != null && !request.getServletPath().startsWith("/engine-rest")
				&& !AuthenticationUtil.getAuthsFromSession(session).getAuthentications().isEmpty();
	}

	private RuleViolation check(String method, List<String> path, byte[] body) {
		if (is(path.get(0), "task")) {
			return checkTask(method, path, body);
		}
		return checkStart(method, path, body);
	}

	/**
	 * {@code task/{id}/complete|submit-form|resolve|bpmnError|bpmnEscalation},
	 * {@code task/{id}/variables|localVariables} and
	 * {@code task/{id}/variables|localVariables/{name}[/data]}.
	 */
	private RuleViolation checkTask(String method, List<String> path, byte[] body) {
		String taskId = path.get(1);
		String action = path.get(2).toLowerCase(Locale.ROOT);
		boolean completion = COMPLETIONS.contains(action) && path.size() == 3;
		boolean thrown = THROWN.contains(action) && path.size() == 3;
		boolean variables = VARIABLE_COLLECTIONS.contains(action) && path.size() <= 5;
		if (!completion && !thrown && !variables) {
			return null;
		}
		Task task = this.taskService.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			return null;
		}
		Problems problems = new Problems(this.formValidator.taskFormFields(taskId));
		Function<String, TypedValue> current = (name) -> this.taskService.getVariableTyped(taskId, name, false);
		if (thrown) {
			boolean error = "bpmnerror".equals(action);
			TaskBpmnErrorDto errorDto = error ? read(body, TaskBpmnErrorDto.class) : null;
			TaskEscalationDto escalationDto = error ? null : read(body, TaskEscalationDto.class);
			String code = error ? ((errorDto == null) ? null : errorDto.getErrorCode())
					: ((escalationDto == null) ? null : escalationDto.getEscalationCode());
			if (!caughtByBoundaryEvent(task, error, code)) {
				// Uncaught, the engine ends the task's execution (an error) or goes on (an escalation):
				// either way the piece would leave its path without a trace of a decision.
				return new RuleViolation("TASK_ACTION_NOT_ALLOWED",
						"此环节没有处理该" + (error ? "错误" : "升级") + "代码（" + code + "）的分支，不能通过接口抛出");
			}
			problems.check(error ? ((errorDto == null) ? null : errorDto.getVariables())
					: ((escalationDto == null) ? null : escalationDto.getVariables()), current);
		}
		else if (completion) {
			CompleteTaskDto dto = read(body, CompleteTaskDto.class);
			if (dto == null) {
				return null;
			}
			problems.check(dto.getVariables(), current);
		}
		else if (path.size() == 3) {
			PatchVariablesDto dto = read(body, PatchVariablesDto.class);
			if (dto == null) {
				return null;
			}
			problems.check(dto.getModifications(), current);
			if (dto.getDeletions() != null) {
				dto.getDeletions().forEach(problems::checkEditable);
			}
		}
		else if (path.size() == 4 && "PUT".equals(method)) {
			VariableValueDto dto = read(body, VariableValueDto.class);
			if (dto == null) {
				return null;
			}
			problems.check(Map.of(path.get(3), dto), current);
		}
		else {
			// Deleting a variable, or its value as a file: only a field the user may change.
			problems.checkEditable(path.get(3));
		}
		return problems.violation();
	}

	/**
	 * Whether a boundary event of this very task catches the code: an error boundary event catches its
	 * error's code, or every error when it names none; an escalation boundary event likewise.
	 */
	private boolean caughtByBoundaryEvent(Task task, boolean error, String code) {
		BpmnModelInstance model = this.repositoryService.getBpmnModelInstance(task.getProcessDefinitionId());
		return model.getModelElementsByType(BoundaryEvent.class)
			.stream()
			.filter((event) -> event.getAttachedTo() != null
					&& task.getTaskDefinitionKey().equals(event.getAttachedTo().getId()))
			.flatMap((event) -> event.getEventDefinitions().stream())
			.anyMatch((definition) -> error ? catchesError(definition, code) : catchesEscalation(definition, code));
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

	/**
	 * {@code process-definition/{id}/start|submit-form} and
	 * {@code process-definition/key/{key}[/tenant-id/{tenant}]/start|submit-form}.
	 */
	private RuleViolation checkStart(String method, List<String> path, byte[] body) {
		String action = path.get(path.size() - 1).toLowerCase(Locale.ROOT);
		if (!"POST".equals(method) || !STARTS.contains(action)) {
			return null;
		}
		ProcessDefinition definition = definition(path.subList(1, path.size() - 1));
		if (definition == null) {
			return null;
		}
		StartProcessInstanceDto dto = read(body, StartProcessInstanceDto.class);
		if (dto == null) {
			return null;
		}
		if ((dto.getStartInstructions() != null && !dto.getStartInstructions().isEmpty()) || dto.isSkipCustomListeners()
				|| dto.isSkipIoMappings() || dto.getCaseInstanceId() != null) {
			return new RuleViolation("START_OPTION_NOT_ALLOWED", "启动流程时不允许指定起始环节、跳过监听器或输入输出映射");
		}
		if (PieceProcess.KEY.equals(definition.getKey()) && dto.getBusinessKey() != null
				&& !dto.getBusinessKey().isEmpty()) {
			return new RuleViolation("BUSINESS_KEY_NOT_ALLOWED", "业务标识（登记编号）由系统生成，不能在提交时指定");
		}
		Problems problems = new Problems(this.formValidator.startFormFields(definition.getId()));
		problems.check(dto.getVariables(), (name) -> null);
		return problems.violation();
	}

	/** The process definition named by {@code {id}} or {@code key/{key}[/tenant-id/{tenant}]}. */
	private ProcessDefinition definition(List<String> name) {
		ProcessDefinitionQuery query = this.repositoryService.createProcessDefinitionQuery();
		if (name.size() == 1) {
			return query.processDefinitionId(name.get(0)).singleResult();
		}
		if ((name.size() == 2 || name.size() == 4) && is(name.get(0), "key")) {
			query.processDefinitionKey(name.get(1)).latestVersion();
			if (name.size() == 4) {
				query.tenantIdIn(name.get(3));
			}
			else {
				query.withoutTenantId();
			}
			return query.list().stream().findFirst().orElse(null);
		}
		return null;
	}

	/**
	 * The body as engine-rest reads it, {@code null} for none. One this cannot read is refused here: what
	 * is not checked must not reach the engine.
	 */
	private <T> T read(byte[] body, Class<T> type) {
		if (new String(body, StandardCharsets.UTF_8).isBlank()) {
			return null;
		}
		try {
			return this.engineRestMapper.readValue(body, type);
		}
		catch (IOException | RuntimeException ex) {
			throw new RuleViolation("MALFORMED_REQUEST", "请求内容不是有效的JSON或不符合接口格式");
		}
	}

	private void refuse(HttpServletResponse response, RuleViolation violation) throws IOException {
		ErrorAnswers.Answer answer = ErrorAnswers.of(violation).orElseThrow();
		response.setStatus(answer.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.answerMapper.writeValue(response.getWriter(), EngineRestConfiguration.body(answer));
	}

	private static boolean is(String segment, String name) {
		return segment.equalsIgnoreCase(name);
	}

	/** The variables a request would set, checked against the form's fields. */
	private static final class Problems {

		private final FormFields fields;

		private final Set<String> undeclared = new LinkedHashSet<>();

		private final Set<String> changed = new LinkedHashSet<>();

		Problems(FormFields fields) {
			this.fields = fields;
		}

		/** A field the user may change; a read-only one only when sent back with its value unchanged. */
		void check(Map<String, VariableValueDto> variables, Function<String, TypedValue> current) {
			if (variables == null) {
				return;
			}
			variables.forEach((name, value) -> {
				if (this.fields.isEditable(name)) {
					return;
				}
				if (!this.fields.isReadonly(name)) {
					this.undeclared.add(name);
				}
				else if (!unchanged(value, current.apply(name))) {
					this.changed.add(name);
				}
			});
		}

		void checkEditable(String name) {
			if (this.fields.isReadonly(name)) {
				this.changed.add(name);
			}
			else if (!this.fields.isEditable(name)) {
				this.undeclared.add(name);
			}
		}

		RuleViolation violation() {
			List<String> messages = new ArrayList<>();
			if (!this.undeclared.isEmpty()) {
				messages.add("表单中没有这些字段，不能提交：" + String.join("、", this.undeclared));
			}
			if (!this.changed.isEmpty()) {
				messages.add("只读字段不能修改：" + String.join("、",
						this.changed.stream().map((name) -> "「" + this.fields.label(name) + "」（" + name + "）").toList()));
			}
			if (messages.isEmpty()) {
				return null;
			}
			String code = this.undeclared.isEmpty() ? "READONLY_VARIABLE" : "UNDECLARED_VARIABLE";
			return new RuleViolation(code, String.join("；", messages));
		}

		/**
		 * Tasklist submits a read-only field with the value it showed: the variable's own (text as the
		 * browser keeps it, with line breaks as {@code \n}), or empty text for a variable not set.
		 */
		private static boolean unchanged(VariableValueDto submitted, TypedValue current) {
			Object value = (submitted == null) ? null : submitted.getValue();
			String type = (submitted == null) ? null : submitted.getType();
			Object now = (current == null) ? null : current.getValue();
			if (now == null) {
				return (value == null || "".equals(value)) && (type == null || is(type, "String") || is(type, "Null"));
			}
			if (type != null && !is(type, current.getType().getName())) {
				return false;
			}
			if (now instanceof String text) {
				return value instanceof String sent && lines(sent).equals(lines(text));
			}
			if (now instanceof Number number) {
				return value instanceof Number sent
						&& new BigDecimal(sent.toString()).compareTo(new BigDecimal(number.toString())) == 0;
			}
			return now instanceof Boolean && now.equals(value);
		}

		private static String lines(String text) {
			return text.replace("\r\n", "\n").replace('\r', '\n');
		}

	}

}
