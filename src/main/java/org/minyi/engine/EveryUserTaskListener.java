package org.minyi.engine;

import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task listener on every user task of every model, so that a task an administrator adds
 * in Modeler is covered without repeating the listener in the model. A Spring bean of
 * this type is called for the events it names ({@link TaskListener#EVENTNAME_CREATE},
 * {@code assignment}, {@code complete} or {@code delete}), after the model's own
 * listeners, in the beans' {@link org.springframework.core.annotation.Order order}.
 */
public interface EveryUserTaskListener extends TaskListener {

	Set<String> events();

}
