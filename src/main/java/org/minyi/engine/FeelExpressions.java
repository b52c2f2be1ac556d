package org.minyi.engine;

import java.util.Map;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The engine's own FEEL engine, for the FEEL conditions of Camunda Forms: the server
 * evaluates them as the engine's decisions do. The public API has no way to it but
 * through the engine's DMN configuration.
 */
@Component
public class FeelExpressions {

	private final FeelEngine feelEngine;

	/**
	 * Takes the built engine: its DMN configuration exists only once the engine is built.
	 */
	FeelExpressions(ProcessEngine processEngine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
			.getProcessEngineConfiguration();
		this.feelEngine = ((DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration()).getFeelEngine();
	}

	/**
	 * Whether the simple FEEL expression (without a leading {@code =}) is true over the
	 * variables.
	 */
	public boolean isTrue(String expression, Map<String, Object> variables) {
		Object value = this.feelEngine.evaluateSimpleExpression(expression,
				Variables.fromMap(variables).asVariableContext());
		return Boolean.TRUE.equals(value);
	}

}
