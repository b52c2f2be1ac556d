package org.minyi.piece;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds {@link TaskCompletionListener} to every user task the engine parses, on creation (a stale decision
 * cleared) and on completion (the rules), so no model has to repeat it and no task escapes it. The listener is looked up when a task completes: it needs engine
 * services, and the engine is not built yet when this plugin runs.
 */
@Component
class TaskListenersPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<TaskCompletionListener> completionListener;

	TaskListenersPlugin(ObjectProvider<TaskCompletionListener> completionListener) {
		this.completionListener = completionListener;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPreBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPreBPMNParseListeners());
		}
		TaskListener onCreate = (task) -> this.completionListener.getObject().clearDecisionAndComment(task);
		TaskListener onComplete = (task) -> this.completionListener.getObject().notify(task);
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				definition.addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
				definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
			}

		});
		configuration.setCustomPreBPMNParseListeners(listeners);
	}

}
