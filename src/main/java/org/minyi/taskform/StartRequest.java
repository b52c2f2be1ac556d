package org.minyi.taskform;

import java.util.Map;

/**
 * A client's request to start a process instance, with its start form's variables.
 *
 * @param businessKey the business key the client asks for, {@code null} for none
 * @param withStartOptions whether the request names start instructions, skips listeners
 * or input/output mappings, or names a case instance
 * @param variables the submitted variables, in the order submitted
 */
public record StartRequest(String businessKey, boolean withStartOptions, Map<String, SubmittedValue> variables) {

}
