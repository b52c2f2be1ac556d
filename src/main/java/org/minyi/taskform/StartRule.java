package org.minyi.taskform;

/**
 * A rule of a capability about how a client may start its process, beyond its start form
 * (the business key of a piece is the application's). Checked before anything starts; a
 * broken rule throws {@link org.minyi.common.RuleViolation}.
 */
public interface StartRule {

	void check(String processDefinitionKey, StartRequest request);

}
