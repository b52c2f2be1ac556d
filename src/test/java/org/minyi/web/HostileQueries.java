package org.minyi.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated expression payloads for the engine's query routes: an expression that would
 * create a file, in the body at some depth or in the query string, among ordinary
 * criteria. A task query (ad hoc, extending a filter, stored as a filter) must refuse
 * every one of them with {@code EXPRESSION_NOT_ALLOWED}; any other query takes a
 * criterion as plain text and must still answer without a 5xx or an engine class name.
 */
final class HostileQueries {

	/** The criteria of a task query that the engine evaluates as expressions. */
	static final List<String> TASK_EXPRESSION_FIELDS = List.of("assigneeExpression", "assigneeLikeExpression",
			"ownerExpression", "involvedUserExpression", "candidateUserExpression", "candidateGroupExpression",
			"candidateGroupsExpression", "dueDateExpression", "dueBeforeExpression", "dueAfterExpression",
			"followUpDateExpression", "followUpBeforeExpression", "followUpBeforeOrNotExistentExpression",
			"followUpAfterExpression", "createdOnExpression", "createdBeforeExpression", "createdAfterExpression",
			"processInstanceBusinessKeyExpression", "processInstanceBusinessKeyLikeExpression",
			"taskDefinitionKeyExpression", "AssigneeExpression", "CANDIDATEGROUPEXPRESSION");

	/**
	 * One query route: where it is, how it takes criteria, and whether it is a task
	 * query.
	 */
	record Route(String name, String method, String path, List<String> criteria, boolean taskQuery, boolean stored) {

		static Route task(String method, String path) {
			return new Route(method + " " + path, method, path, TASK_EXPRESSION_FIELDS, true, false);
		}

		static Route other(String method, String path, String... criteria) {
			return new Route(method + " " + path, method, path, List.of(criteria), false, false);
		}

	}

	/** A generated request: path with query string, and a JSON body or none. */
	record Request(String description, String path, String body) {
	}

	private final Path marker;

	HostileQueries(Path marker) {
		this.marker = marker;
	}

	/** Expressions an attacker would try, each creating the marker file if evaluated. */
	List<String> expressions() {
		String touch = "touch " + this.marker;
		String runtime = "\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)";
		return List.of("${" + runtime + ".exec(\"" + touch + "\")}", "#{" + runtime + ".exec(\"" + touch + "\")}",
				"${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('" + touch
						+ "')}",
				"  ${ " + runtime + ".exec(\"" + touch + "\") }  ",
				"${currentUser()}${" + runtime + ".exec(\"" + touch + "\")}",
				"${" + runtime + ".exec(\"" + touch + "\") == null ? currentUser() : currentUser()}",
				"${currentUserGroups()}", "${currentUser()}", "${now()}", "${dateTime().plusDays(1).toDate()}");
	}

	List<Request> generate(Route route, long seed, int count) {
		Random random = new Random(seed);
		List<String> expressions = expressions();
		List<Request> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String expression = expressions.get(random.nextInt(expressions.size()));
			String field = route.criteria().get(random.nextInt(route.criteria().size()));
			String paging = route.path().contains("?") ? "&" : "?";
			paging += (route.stored() || route.path().endsWith("count")) ? "" : "firstResult=0&maxResults=10";
			if ("GET".equals(route.method())) {
				String parameter = (random.nextInt(5) == 0) ? "sortBy" : field;
				String path = route.path() + paging + (paging.length() > 1 ? "&" : "") + parameter + "="
						+ URLEncoder.encode(expression, StandardCharsets.UTF_8)
						+ (parameter.equals("sortBy") ? "&sortOrder=asc" : "");
				requests.add(new Request(parameter + "=" + expression + " in the query string", path, null));
				continue;
			}
			Map<String, Object> criteria = new LinkedHashMap<>();
			criteria.put(field, expression);
			Object query = switch (random.nextInt(6)) {
				case 0 -> criteria;
				case 1 -> Map.of("orQueries", List.of(criteria));
				case 2 -> Map.of("orQueries", List.of(Map.of("taskName", "x"), criteria), "sorting",
						List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
				case 3 -> Map.of("orQueries", List.of(Map.of("orQueries", List.of(criteria))));
				case 4 -> Map.of(field, List.of(expression));
				default -> Map.of(field, Map.of("value", expression));
			};
			Object body = route.stored() ? Map.of("resourceType", "Task", "name", "恶意表达式探针" + i, "query", query)
					: query;
			requests.add(new Request(field + "=" + expression + " as " + shapeOf(query), route.path() + paging,
					HostileCorpus.json(body)));
		}
		return requests;
	}

	private static String shapeOf(Object query) {
		String json = HostileCorpus.json(query);
		return json.startsWith("{\"orQueries\":[{\"orQueries\"") ? "nested or branch"
				: json.startsWith("{\"orQueries\"") ? "or branch" : "top-level criterion";
	}

}
