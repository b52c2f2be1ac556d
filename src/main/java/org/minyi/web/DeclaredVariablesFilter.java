package org.minyi.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.rest.dto.PatchVariablesDto;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.dto.runtime.StartProcessInstanceDto;
import org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto;
import org.camunda.bpm.engine.rest.dto.task.TaskBpmnErrorDto;
import org.camunda.bpm.engine.rest.dto.task.TaskEscalationDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.minyi.common.RuleViolation;
import org.minyi.engine.Privileged;
import org.minyi.taskform.FormSubmissions;
import org.minyi.taskform.StartRequest;
import org.minyi.taskform.SubmittedValue;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP side of the task form's {@link FormSubmissions}: a user who may complete a
 * task may set through engine-rest (and Tasklist's copy of it under
 * {@code /camunda/api/engine}) only the variables the task's Camunda Form lets them set,
 * and likewise for the task's variables, a BPMN error or escalation thrown from it and a
 * start form. This filter finds which task or start a request is about and what it sends;
 * the task form decides.
 * <p>
 * Runs after the authentication filters (it checks only requests of an authenticated
 * user) and reads the body with engine-rest's own object mapper into engine-rest's own
 * request classes, so what is checked is what the engine gets; the body is then replayed.
 * A refusal is 400 in engine-rest's error shape with {@code UNDECLARED_VARIABLE} (or
 * {@code READONLY_VARIABLE}, {@code BUSINESS_KEY_NOT_ALLOWED},
 * {@code START_OPTION_NOT_ALLOWED}, {@code TASK_ACTION_NOT_ALLOWED}), before anything is
 * changed.
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

	private final RepositoryService repositoryService;

	private final FormSubmissions formSubmissions;

	DeclaredVariablesFilter(ObjectMapper answerMapper, IdentityService identityService,
			RepositoryService repositoryService, FormSubmissions formSubmissions) {
		this.answerMapper = answerMapper;
		this.identityService = identityService;
		this.repositoryService = repositoryService;
		this.formSubmissions = formSubmissions;
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
		RuleViolation violation = null;
		if (body.length > MAX_BODY) {
			violation = new RuleViolation("REQUEST_TOO_LARGE", "请求内容过大", 413);
		}
		else {
			try {
				Privileged.run(this.identityService, () -> check(method, path, body));
			}
			catch (RuleViolation refused) {
				violation = refused;
			}
		}
		if (violation != null) {
			refuse(response, violation);
			return;
		}
		chain.doFilter(new ReplayedRequest(request, body), response);
	}

	/**
	 * engine-rest's user is set by its authentication filter, which runs before this one.
	 * The webapps' filters are registered by Camunda's initializer, after this one: their
	 * user is in the session.
	 */
	private boolean authenticated(HttpServletRequest request) {
		if (this.identityService.getCurrentAuthentication() != null) {
			return true;
		}
		HttpSession session = request.getSession(false);
		return session != null && !request.getServletPath().startsWith("/engine-rest")
				&& !AuthenticationUtil.getAuthsFromSession(session).getAuthentications().isEmpty();
	}

	private void check(String method, List<String> path, byte[] body) {
		if (is(path.get(0), "task")) {
			checkTask(method, path, body);
		}
		else {
			checkStart(method, path, body);
		}
	}

	/**
	 * {@code task/{id}/complete|submit-form|resolve|bpmnError|bpmnEscalation},
	 * {@code task/{id}/variables|localVariables} and
	 * {@code task/{id}/variables|localVariables/{name}[/data]}.
	 */
	private void checkTask(String method, List<String> path, byte[] body) {
		String action = path.get(2).toLowerCase(Locale.ROOT);
		boolean completion = COMPLETIONS.contains(action) && path.size() == 3;
		boolean thrown = THROWN.contains(action) && path.size() == 3;
		boolean variables = VARIABLE_COLLECTIONS.contains(action) && path.size() <= 5;
		if (!completion && !thrown && !variables) {
			return;
		}
		Optional<FormSubmissions.TaskRequest> found = this.formSubmissions.task(path.get(1));
		if (found.isEmpty()) {
			return;
		}
		FormSubmissions.TaskRequest task = found.get();
		if (thrown) {
			boolean error = "bpmnerror".equals(action);
			TaskBpmnErrorDto errorDto = error ? read(body, TaskBpmnErrorDto.class) : null;
			TaskEscalationDto escalationDto = error ? null : read(body, TaskEscalationDto.class);
			String code = error ? ((errorDto == null) ? null : errorDto.getErrorCode())
					: ((escalationDto == null) ? null : escalationDto.getEscalationCode());
			task.checkThrown(error, code, submitted(error ? ((errorDto == null) ? null : errorDto.getVariables())
					: ((escalationDto == null) ? null : escalationDto.getVariables())));
		}
		else if (completion) {
			CompleteTaskDto dto = read(body, CompleteTaskDto.class);
			if (dto != null) {
				task.checkCompletion(submitted(dto.getVariables()));
			}
		}
		else if (path.size() == 3) {
			PatchVariablesDto dto = read(body, PatchVariablesDto.class);
			if (dto != null) {
				task.checkVariables(submitted(dto.getModifications()), dto.getDeletions());
			}
		}
		else if (path.size() == 4 && "PUT".equals(method)) {
			VariableValueDto dto = read(body, VariableValueDto.class);
			if (dto != null) {
				task.checkVariables(submitted(Map.of(path.get(3), dto)), null);
			}
		}
		else {
			task.checkEditable(path.get(3));
		}
	}

	/**
	 * {@code process-definition/{id}/start|submit-form} and
	 * {@code process-definition/key/{key}[/tenant-id/{tenant}]/start|submit-form}.
	 */
	private void checkStart(String method, List<String> path, byte[] body) {
		String action = path.get(path.size() - 1).toLowerCase(Locale.ROOT);
		if (!"POST".equals(method) || !STARTS.contains(action)) {
			return;
		}
		ProcessDefinition definition = definition(path.subList(1, path.size() - 1));
		if (definition == null) {
			return;
		}
		StartProcessInstanceDto dto = read(body, StartProcessInstanceDto.class);
		if (dto == null) {
			return;
		}
		boolean withStartOptions = (dto.getStartInstructions() != null && !dto.getStartInstructions().isEmpty())
				|| dto.isSkipCustomListeners() || dto.isSkipIoMappings() || dto.getCaseInstanceId() != null;
		this.formSubmissions.checkStart(definition,
				new StartRequest(dto.getBusinessKey(), withStartOptions, submitted(dto.getVariables())));
	}

	/**
	 * The process definition named by {@code {id}} or
	 * {@code key/{key}[/tenant-id/{tenant}]}.
	 */
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
	 * The body as engine-rest reads it, {@code null} for none. One this cannot read is
	 * refused here: what is not checked must not reach the engine.
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

	/**
	 * engine-rest's variables as the task form reads them, in the order sent;
	 * {@code null} for none.
	 */
	private static Map<String, SubmittedValue> submitted(Map<String, VariableValueDto> variables) {
		if (variables == null) {
			return null;
		}
		Map<String, SubmittedValue> submitted = new LinkedHashMap<>();
		variables.forEach((name, value) -> submitted.put(name, (value == null) ? new SubmittedValue(null, null)
				: new SubmittedValue(value.getValue(), value.getType())));
		return submitted;
	}

}
