package org.minyi.engine;

import java.util.Set;

import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * An execution listener on the start or end ({@link ExecutionListener#EVENTNAME_START},
 * {@code end}) of every process instance of every model, as a Spring bean of this type.
 */
public interface EveryProcessListener extends ExecutionListener {

	Set<String> events();

}
