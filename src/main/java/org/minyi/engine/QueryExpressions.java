package org.minyi.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.query.Query;
import org.minyi.common.RuleViolation;

/**
 * Which expressions a task query may carry. Camunda 7.24 CE evaluates the expressions of
 * a task query's {@code or} branches without checking
 * {@code enableExpressionsInAdhocQueries}: any signed-in user could run code on the
 * server through engine-rest or Tasklist's API. Here no query from a client may carry an
 * expression at all, and a stored filter only the few Tasklist's filters use, matched
 * exactly.
 */
public final class QueryExpressions {

	public static final String CODE = "EXPRESSION_NOT_ALLOWED";

	private static final List<Pattern> STORED_FILTER_EXPRESSIONS = List.of(
			Pattern.compile("\\$\\{currentUser\\(\\)\\}"), Pattern.compile("\\$\\{currentUserGroups\\(\\)\\}"),
			Pattern.compile("\\$\\{now\\(\\)\\}"),
			Pattern.compile("\\$\\{dateTime\\(\\)(\\.(plus|minus)Days\\(\\d{1,4}\\))?(\\.withTimeAtStartOfDay\\(\\))?"
					+ "(\\.toDate\\(\\))?\\}"),
			// The application's own filter 即将到期: a due date within so many working days.
			Pattern.compile("\\$\\{deadlines\\.withinWorkingDays\\(\\d{1,3}\\)\\}"));

	private QueryExpressions() {
	}

	/** Whether a stored filter may carry this expression. */
	public static boolean allowedInStoredFilter(String expression) {
		return expression != null
				&& STORED_FILTER_EXPRESSIONS.stream().anyMatch((pattern) -> pattern.matcher(expression).matches());
	}

	/**
	 * A query a client sends (ad hoc, or extending a filter): no expression, in no
	 * branch.
	 */
	static void checkAdhoc(Query<?, ?> query) {
		List<String> found = expressions(query).stream().map(Criterion::name).distinct().toList();
		if (!found.isEmpty()) {
			throw adhocRefusal(found);
		}
	}

	/** A stored filter's query: only the expressions Tasklist's filters use. */
	static void checkStored(Query<?, ?> query) {
		List<String> refused = new ArrayList<>();
		for (Criterion criterion : expressions(query)) {
			if (!allowedInStoredFilter(criterion.expression())) {
				refused.add(criterion.name());
			}
		}
		if (!refused.isEmpty()) {
			throw storedRefusal(refused);
		}
	}

	/** The refusal of a client's query that names these criteria with expressions. */
	public static RuleViolation adhocRefusal(List<String> criteria) {
		return new RuleViolation(CODE, "查询条件中不允许使用表达式：" + String.join("、", criteria));
	}

	/**
	 * The refusal of a filter whose criteria use expressions other than the allowed ones.
	 */
	public static RuleViolation storedRefusal(List<String> criteria) {
		return new RuleViolation(CODE, "过滤器中只允许使用 ${currentUser()}、${currentUserGroups()}、${now()} 和按天计算的 "
				+ "${dateTime()}，不允许：" + String.join("、", criteria));
	}

	static RuleViolation quarantined() {
		return new RuleViolation(CODE, "此过滤器含有不允许的表达式，已停用；请管理员修改后重新保存");
	}

	/**
	 * A criterion set by an expression, such as {@code taskAssignee} by
	 * {@code ${currentUser()}}.
	 */
	private record Criterion(String name, String expression) {
	}

	/** Every branch's expressions; the first branch is the query itself. */
	private static List<Criterion> expressions(Query<?, ?> query) {
		List<Criterion> criteria = new ArrayList<>();
		List<? extends AbstractQuery<?, ?>> branches = List.of();
		if (query instanceof TaskQueryImpl task) {
			branches = task.getQueries().isEmpty() ? List.of(task) : task.getQueries();
		}
		else if (query instanceof AbstractQuery<?, ?> other) {
			branches = List.of(other);
		}
		for (AbstractQuery<?, ?> branch : branches) {
			branch.getExpressions().forEach((name, expression) -> criteria.add(new Criterion(name, expression)));
		}
		return criteria;
	}

}
