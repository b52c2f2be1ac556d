package org.minyi.statistics;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.Variables;
import org.minyi.common.Privileged;
import org.springframework.stereotype.Component;

/** Points for an event, as the latest deployed {@code scoring} decision table says. */
@Component
class Scoring {

	static final String DECISION_KEY = "scoring";

	private final DecisionService decisionService;

	private final IdentityService identityService;

	Scoring(DecisionService decisionService, IdentityService identityService) {
		this.decisionService = decisionService;
		this.identityService = identityService;
	}

	/** A scorer that asks the table once per distinct (event, level, form) it is given. */
	Scorer scorer() {
		Map<String, Double> cache = new HashMap<>();
		return (eventType, level, form) -> cache.computeIfAbsent(eventType + "|" + level + "|" + form,
				(key) -> points(eventType, level, form));
	}

	interface Scorer {

		double points(String eventType, String level, String form);

	}

	private double points(String eventType, String level, String form) {
		Number points = Privileged.call(this.identityService,
				() -> this.decisionService
					.evaluateDecisionTableByKey(DECISION_KEY,
							Variables.createVariables()
								.putValue("eventType", eventType)
								.putValue("level", level)
								.putValue("form", form))
					.getSingleResult()
					.getSingleEntry());
		return (points == null) ? 0 : points.doubleValue();
	}

}
