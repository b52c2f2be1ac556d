package org.minyi.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Adds the {@link EveryUserTaskListener} and {@link EveryProcessListener} beans to every
 * model the engine parses, by a parse listener, which the public API has no counterpart
 * for. The beans are looked up when an event first fires: they need engine services, and
 * the engine is built before them.
 */
@Component
class ModelWideListenersPlugin extends AbstractProcessEnginePlugin {

	private static final List<String> TASK_EVENTS = List.of(TaskListener.EVENTNAME_CREATE,
			TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

	private static final List<String> PROCESS_EVENTS = List.of(ExecutionListener.EVENTNAME_START,
			ExecutionListener.EVENTNAME_END);

	private final Supplier<List<EveryUserTaskListener>> taskListeners;

	private final Supplier<List<EveryProcessListener>> processListeners;

	ModelWideListenersPlugin(ObjectProvider<EveryUserTaskListener> taskListeners,
			ObjectProvider<EveryProcessListener> processListeners) {
		this.taskListeners = SingletonSupplier.of(() -> taskListeners.orderedStream().toList());
		this.processListeners = SingletonSupplier.of(() -> processListeners.orderedStream().toList());
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPreBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPreBPMNParseListeners());
		}
		TaskListener onTask = this::notifyTask;
		ExecutionListener onProcess = this::notifyProcess;
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
					.getTaskDefinition();
				TASK_EVENTS.forEach((event) -> definition.addTaskListener(event, onTask));
			}

			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
				PROCESS_EVENTS.forEach((event) -> processDefinition.addListener(event, onProcess));
			}

		});
		configuration.setCustomPreBPMNParseListeners(listeners);
	}

	private void notifyTask(DelegateTask task) {
		for (EveryUserTaskListener listener : this.taskListeners.get()) {
			if (listener.events().contains(task.getEventName())) {
				listener.notify(task);
			}
		}
	}

	private void notifyProcess(DelegateExecution execution) throws Exception {
		for (EveryProcessListener listener : this.processListeners.get()) {
			if (listener.events().contains(execution.getEventName())) {
				listener.notify(execution);
			}
		}
	}

}
