package org.minyi.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
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

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineUser;
import org.minyi.engine.Privileged;
import org.minyi.engine.QueryExpressions;
import org.minyi.identity.CurrentUser;
import org.minyi.identity.Role;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rules of engine-rest and Tasklist's copy of it that the engine's authorizations do not
 * express, checked before the request reaches a resource (and so before a body is read):
 * <ul>
 * <li>no expression in a task query (ad hoc, or extending a filter), and in a stored
 * filter only those Tasklist's filters use: the engine is guarded too
 * ({@code org.minyi.engine}), this answers first with
 * {@code EXPRESSION_NOT_ALLOWED};</li>
 * <li>jobs, incidents and job logs outside any process (mail, history cleanup) are the
 * administrator's: the engine shows them to every user and lets anyone delete them or set
 * their retries;</li>
 * <li>a user's name and e-mail are kept by administrators: the engine lets users rename
 * themselves;</li>
 * <li>a deployment upload is refused before its body is read when the user may not
 * deploy.</li>
 * </ul>
 */
class EngineRouteGuard extends OncePerRequestFilter {

	/** A task query or a filter definition: a few kilobytes. */
	private static final int MAX_QUERY_BODY = 256 * 1024;

	/** Criteria that tie a job, incident or job log query to a process. */
	private static final Set<String> PROCESS_SCOPE = Set.of("processinstanceid", "processinstanceids",
			"processinstanceidin", "processdefinitionid", "processdefinitionkey", "processdefinitionkeyin",
			"processdefinitionkeys", "executionid", "executionidin", "rootprocessinstanceid");

	/**
	 * Where the engine keeps what happens outside any process: mail jobs, history cleanup
	 * and their failures.
	 */
	private static final Set<String> PROCESSLESS = Set.of("job", "incident", "history/job-log", "history/incident");

	private final ObjectMapper strictJson = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final ObjectMapper answerMapper;

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final ManagementService managementService;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	EngineRouteGuard(ObjectMapper answerMapper, IdentityService identityService,
			AuthorizationService authorizationService, ManagementService managementService,
			RuntimeService runtimeService, HistoryService historyService) {
		this.answerMapper = answerMapper;
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.managementService = managementService;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> path = EngineRoutes.resourcePath(request);
		if (path.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String method = request.getMethod().toUpperCase(Locale.ROOT);
		RuleViolation refusal = queryParameterRefusal(path, request);
		byte[] body = null;
		if (refusal == null && readsQueryBody(path, method)) {
			body = request.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
			refusal = (body.length > MAX_QUERY_BODY) ? new RuleViolation("REQUEST_TOO_LARGE", "请求内容过大", 413)
					: queryBodyRefusal(path, body);
		}
		if (refusal == null) {
			byte[] read = body;
			refusal = caller(request).map((caller) -> callerRefusal(path, method, request, caller, read)).orElse(null);
		}
		if (refusal != null) {
			refuse(response, refusal);
			return;
		}
		chain.doFilter((body != null) ? new ReplayedRequest(request, body) : request, response);
	}

	// Expressions

	/** Ad hoc task queries and extending queries in the query string. */
	private static RuleViolation queryParameterRefusal(List<String> path, HttpServletRequest request) {
		if (!isTaskQuery(path) && !isFilterExecution(path)) {
			return null;
		}
		List<String> named = request.getParameterMap()
			.keySet()
			.stream()
			.filter(EngineRouteGuard::isExpressionName)
			.toList();
		return named.isEmpty() ? null : expressionRefusal(named);
	}

	private static boolean readsQueryBody(List<String> path, String method) {
		return ("POST".equals(method)
				&& (isTaskQuery(path) || isFilterExecution(path) || isFilterCreation(path) || isProcesslessQuery(path)))
				|| ("PUT".equals(method) && path.size() == 2 && EngineRoutes.is(path.get(0), "filter"));
	}

	private RuleViolation queryBodyRefusal(List<String> path, byte[] body) {
		if (new String(body, StandardCharsets.UTF_8).isBlank()) {
			return null;
		}
		JsonNode json;
		try (JsonParser parser = this.strictJson.createParser(body)) {
			json = this.strictJson.readTree(parser);
		}
		catch (IOException | RuntimeException ex) {
			return new RuleViolation("MALFORMED_REQUEST", "请求内容不是有效的JSON或不符合接口格式");
		}
		if (isProcesslessQuery(path)) {
			return null;
		}
		List<String> named = new ArrayList<>();
		if (isTaskQuery(path) || isFilterExecution(path)) {
			collectExpressions(json, named, false);
			return named.isEmpty() ? null : expressionRefusal(named);
		}
		collectExpressions((json == null) ? null : json.get("query"), named, true);
		return named.isEmpty() ? null : QueryExpressions.storedRefusal(named);
	}

	/**
	 * Every field named like a query's expression criterion, at any depth; for a stored
	 * filter the refused ones.
	 */
	private static void collectExpressions(JsonNode node, List<String> named, boolean stored) {
		if (node == null) {
			return;
		}
		if (node.isArray()) {
			node.forEach((item) -> collectExpressions(item, named, stored));
			return;
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			JsonNode value = field.getValue();
			if (isExpressionName(field.getKey()) && !value.isNull()) {
				if (!stored || !value.isTextual() || !QueryExpressions.allowedInStoredFilter(value.asText())) {
					named.add(field.getKey());
				}
			}
			else {
				collectExpressions(value, named, stored);
			}
		}
	}

	private static boolean isExpressionName(String name) {
		return name.toLowerCase(Locale.ROOT).endsWith("expression");
	}

	private static RuleViolation expressionRefusal(List<String> named) {
		return QueryExpressions.adhocRefusal(named);
	}

	/** {@code task}, {@code task/count}. */
	private static boolean isTaskQuery(List<String> path) {
		return EngineRoutes.is(path.get(0), "task")
				&& (path.size() == 1 || (path.size() == 2 && EngineRoutes.is(path.get(1), "count")));
	}

	/** {@code filter/{id}/list|count|singleResult}. */
	private static boolean isFilterExecution(List<String> path) {
		return path.size() == 3 && EngineRoutes.is(path.get(0), "filter")
				&& Set.of("list", "count", "singleresult").contains(path.get(2).toLowerCase(Locale.ROOT));
	}

	private static boolean isFilterCreation(List<String> path) {
		return path.size() == 2 && EngineRoutes.is(path.get(0), "filter") && EngineRoutes.is(path.get(1), "create");
	}

	/**
	 * The query (list or count) of jobs, incidents or job logs, which may hold jobs
	 * outside any process.
	 */
	private static boolean isProcesslessQuery(List<String> path) {
		boolean history = EngineRoutes.is(path.get(0), "history") && path.size() >= 2;
		String kind = history ? "history/" + path.get(1).toLowerCase(Locale.ROOT)
				: path.get(0).toLowerCase(Locale.ROOT);
		List<String> rest = path.subList(history ? 2 : 1, path.size());
		return PROCESSLESS.contains(kind)
				&& (rest.isEmpty() || (rest.size() == 1 && EngineRoutes.is(rest.get(0), "count")));
	}

	// Per caller

	private RuleViolation callerRefusal(List<String> path, String method, HttpServletRequest request,
			CurrentUser caller, byte[] body) {
		if (caller.hasRole(Role.ADMIN)) {
			return null;
		}
		String resource = path.get(0).toLowerCase(Locale.ROOT);
		if ("user".equals(resource) && path.size() >= 2) {
			boolean profile = path.size() == 3 && EngineRoutes.is(path.get(2), "profile") && "PUT".equals(method);
			boolean deletion = path.size() == 2 && "DELETE".equals(method);
			if (profile || deletion) {
				return RuleViolation.forbidden("PROFILE_BY_ADMINISTRATOR", "用户的姓名、邮箱和账号由管理员维护");
			}
		}
		if ("deployment".equals(resource) && path.size() == 2 && EngineRoutes.is(path.get(1), "create")
				&& !Privileged.call(this.identityService, () -> this.authorizationService.isUserAuthorized(caller.id(),
						caller.groupIds(), Permissions.CREATE, Resources.DEPLOYMENT))) {
			return RuleViolation.forbidden("DEPLOYMENT_FORBIDDEN", "只有管理员可以部署流程模型");
		}
		return processlessRefusal(path, method, request, body);
	}

	/**
	 * Jobs, incidents and job logs: a user other than an administrator reaches only those
	 * of a process.
	 */
	private RuleViolation processlessRefusal(List<String> path, String method, HttpServletRequest request,
			byte[] body) {
		String resource = path.get(0).toLowerCase(Locale.ROOT);
		boolean history = "history".equals(resource) && path.size() >= 2;
		String kind = history ? "history/" + path.get(1).toLowerCase(Locale.ROOT) : resource;
		List<String> rest = path.subList(history ? 2 : 1, path.size());
		if (!PROCESSLESS.contains(kind) && !"job-definition".equals(kind)) {
			return null;
		}
		if ("job-definition".equals(kind)
				|| (!rest.isEmpty() && Set.of("retries", "suspended").contains(rest.get(0).toLowerCase(Locale.ROOT)))) {
			return "GET".equals(method) ? null
					: RuleViolation.forbidden("JOB_ADMINISTRATION_FORBIDDEN", "只有管理员可以批量管理作业");
		}
		if (rest.isEmpty() || (rest.size() == 1 && EngineRoutes.is(rest.get(0), "count"))) {
			return processScoped(request, body) ? null
					: RuleViolation.forbidden("PROCESS_SCOPE_REQUIRED", "请按流程实例或流程定义查询作业和事件");
		}
		String id = rest.get(0);
		boolean inProcess = Privileged.call(this.identityService, () -> switch (kind) {
			case "job" -> inProcess(this.managementService.createJobQuery().jobId(id).singleResult());
			case "incident" -> inProcess(this.runtimeService.createIncidentQuery().incidentId(id).singleResult());
			case "history/job-log" ->
				inProcess(this.historyService.createHistoricJobLogQuery().logId(id).singleResult());
			default -> this.historyService.createHistoricIncidentQuery()
				.incidentId(id)
				.list()
				.stream()
				.allMatch((incident) -> incident.getProcessDefinitionId() != null);
		});
		return inProcess ? null : RuleViolation.notFound("NOT_FOUND", "对象不存在或无权查看");
	}

	private static boolean inProcess(Job job) {
		return job == null || job.getProcessDefinitionKey() != null;
	}

	private static boolean inProcess(Incident incident) {
		return incident == null || incident.getProcessDefinitionId() != null;
	}

	private static boolean inProcess(HistoricJobLog log) {
		return log == null || log.getProcessDefinitionKey() != null;
	}

	/**
	 * Whether a query names a process instance, definition or execution, in its
	 * parameters or body.
	 */
	private boolean processScoped(HttpServletRequest request, byte[] body) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (PROCESS_SCOPE.contains(parameter.getKey().toLowerCase(Locale.ROOT)) && parameter.getValue().length > 0
					&& !parameter.getValue()[0].isBlank()) {
				return true;
			}
		}
		if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
			return false;
		}
		try {
			JsonNode json = this.strictJson.readTree(body);
			Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				JsonNode value = field.getValue();
				if (PROCESS_SCOPE.contains(field.getKey().toLowerCase(Locale.ROOT)) && !value.isNull()
						&& !(value.isTextual() && value.asText().isBlank()) && !(value.isArray() && value.isEmpty())) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	// Who calls

	/**
	 * engine-rest's user is set by its authentication filter, which runs before this one;
	 * the webapps' filters run after it, so their user is read from the session.
	 */
	private Optional<CurrentUser> caller(HttpServletRequest request) {
		Optional<CurrentUser> engineRestUser = EngineUser.current(this.identityService)
			.map((user) -> new CurrentUser(user.id(), user.groupIds()));
		if (engineRestUser.isPresent()) {
			return engineRestUser;
		}
		HttpSession session = request.getSession(false);
		if (session == null || request.getServletPath().startsWith("/engine-rest")) {
			return Optional.empty();
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		return authentications.getAuthentications()
			.stream()
			.filter(UserAuthentication.class::isInstance)
			.map(UserAuthentication.class::cast)
			.findFirst()
			.map((user) -> new CurrentUser(user.getIdentityId(),
					(user.getGroupIds() == null) ? List.of() : List.copyOf(user.getGroupIds())));
	}

	private void refuse(HttpServletResponse response, RuleViolation violation) throws IOException {
		ErrorAnswers.Answer answer = ErrorAnswers.of(violation).orElseThrow();
		response.setStatus(answer.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.answerMapper.writeValue(response.getWriter(), EngineRestConfiguration.body(answer));
	}

}
