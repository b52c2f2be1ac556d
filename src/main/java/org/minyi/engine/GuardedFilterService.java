package org.minyi.engine;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.filter.FilterQuery;
import org.camunda.bpm.engine.query.Query;

/**
 * The engine's filter service with the expression rule of {@link QueryExpressions}: a
 * saved filter carries only the allowed expressions, a query extending a filter none. The
 * engine evaluates a filter's merged query inside its own command, out of reach of a
 * command interceptor, so the rule is checked here, where engine-rest and Tasklist's API
 * hand over the extending query. Filters saved before this rule existed are checked once
 * at start-up; one that breaks it is refused until an administrator saves it again.
 */
final class GuardedFilterService implements FilterService {

	private final FilterService engine;

	private final Set<String> quarantined;

	GuardedFilterService(FilterService engine, Set<String> quarantined) {
		this.engine = engine;
		this.quarantined = quarantined;
	}

	@Override
	public Filter newTaskFilter() {
		return this.engine.newTaskFilter();
	}

	@Override
	public Filter newTaskFilter(String filterName) {
		return this.engine.newTaskFilter(filterName);
	}

	@Override
	public FilterQuery createFilterQuery() {
		return this.engine.createFilterQuery();
	}

	@Override
	public FilterQuery createTaskFilterQuery() {
		return this.engine.createTaskFilterQuery();
	}

	@Override
	public Filter saveFilter(Filter filter) {
		if (filter != null && filter.getQuery() != null) {
			QueryExpressions.checkStored(filter.getQuery());
		}
		Filter saved = this.engine.saveFilter(filter);
		this.quarantined.remove(saved.getId());
		return saved;
	}

	@Override
	public Filter getFilter(String filterId) {
		return this.engine.getFilter(filterId);
	}

	@Override
	public void deleteFilter(String filterId) {
		this.engine.deleteFilter(filterId);
	}

	@Override
	public <T> List<T> list(String filterId) {
		checkStored(filterId);
		return this.engine.list(filterId);
	}

	@Override
	public <T, Q extends Query<?, T>> List<T> list(String filterId, Q extendingQuery) {
		check(filterId, extendingQuery);
		return this.engine.list(filterId, extendingQuery);
	}

	@Override
	public <T> List<T> listPage(String filterId, int firstResult, int maxResults) {
		checkStored(filterId);
		return this.engine.listPage(filterId, firstResult, maxResults);
	}

	@Override
	public <T, Q extends Query<?, T>> List<T> listPage(String filterId, Q extendingQuery, int firstResult,
			int maxResults) {
		check(filterId, extendingQuery);
		return this.engine.listPage(filterId, extendingQuery, firstResult, maxResults);
	}

	@Override
	public <T> T singleResult(String filterId) {
		checkStored(filterId);
		return this.engine.singleResult(filterId);
	}

	@Override
	public <T, Q extends Query<?, T>> T singleResult(String filterId, Q extendingQuery) {
		check(filterId, extendingQuery);
		return this.engine.singleResult(filterId, extendingQuery);
	}

	@Override
	public Long count(String filterId) {
		checkStored(filterId);
		return this.engine.count(filterId);
	}

	@Override
	public Long count(String filterId, Query<?, ?> extendingQuery) {
		check(filterId, extendingQuery);
		return this.engine.count(filterId, extendingQuery);
	}

	private void check(String filterId, Query<?, ?> extendingQuery) {
		checkStored(filterId);
		if (extendingQuery != null) {
			QueryExpressions.checkAdhoc(extendingQuery);
		}
	}

	private void checkStored(String filterId) {
		if (filterId != null && this.quarantined.contains(filterId)) {
			throw QueryExpressions.quarantined();
		}
	}

}
