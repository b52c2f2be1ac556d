package org.minyi.piece;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Revokes a process instance's own read grants when it ends, in every model: they are for Cockpit and
 * engine-rest while the instance runs, and the record of an ended piece is read from the application's
 * tables. Left behind, they would pile up with the years, and the engine reads the whole authorization
 * table's groups on every authorization-checked command.
 */
@Component
class InstanceGrantsPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<PieceAuthorizations> authorizations;

	InstanceGrantsPlugin(ObjectProvider<PieceAuthorizations> authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		ExecutionListener onEnd = (execution) -> this.authorizations.getObject()
			.revokeFor(execution.getProcessInstanceId());
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
				processDefinition.addListener(ExecutionListener.EVENTNAME_END, onEnd);
			}

		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

}
