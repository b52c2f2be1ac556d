package org.minyi.taskform;

/**
 * A variable as a client submits it: the value and the name of its type, {@code null}
 * when the client names none (engine-rest's {@code {"value": ..., "type": ...}}).
 */
public record SubmittedValue(Object value, String type) {

}
