package org.minyi.statistics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.minyi.engine.Privileged;
import org.springframework.stereotype.Component;

/** Points for an event, as the latest deployed {@code scoring} decision table says. */
@Component
class Scoring {

	static final String DECISION_KEY = "scoring";

	private final DecisionService decisionService;

	private final IdentityService identityService;

	private final RepositoryService repositoryService;

	/**
	 * Points by decision table version and (event, level, form): a deployed version never
	 * changes, so each is evaluated once, instead of once per fact with a decision
	 * instance in the history each time.
	 */
	private final Map<String, Double> points = new ConcurrentHashMap<>();

	Scoring(DecisionService decisionService, IdentityService identityService, RepositoryService repositoryService) {
		this.decisionService = decisionService;
		this.identityService = identityService;
		this.repositoryService = repositoryService;
	}

	/** A scorer with the table deployed now. */
	Scorer scorer() {
		String definitionId = Privileged.call(this.identityService, () -> {
			DecisionDefinition latest = this.repositoryService.createDecisionDefinitionQuery()
				.decisionDefinitionKey(DECISION_KEY)
				.latestVersion()
				.singleResult();
			return latest.getId();
		});
		return (eventType, level, form) -> this.points.computeIfAbsent(
				definitionId + "|" + eventType + "|" + level + "|" + form,
				(key) -> points(definitionId, eventType, level, form));
	}

	interface Scorer {

		double points(String eventType, String level, String form);

	}

	private double points(String definitionId, String eventType, String level, String form) {
		Number points = Privileged.call(this.identityService,
				() -> this.decisionService
					.evaluateDecisionTableById(definitionId,
							Variables.createVariables()
								.putValue("eventType", eventType)
								.putValue("level", level)
								.putValue("form", form))
					.getSingleResult()
					.getSingleEntry());
		return (points == null) ? 0 : points.doubleValue();
	}

}
