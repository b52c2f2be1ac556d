package org.minyi.taskform;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A rule of a capability that a form cannot express (a category that must exist in the
 * reference table, a merge target that must be a live piece, ...). Checked whenever a
 * task of {@link #taskDefinitionKeys()} is completed, whatever client completes it; a
 * broken rule throws {@link org.minyi.common.RuleViolation} and nothing changes.
 */
public interface TaskCompletionRule {

	java.util.Set<String> taskDefinitionKeys();

	void check(DelegateTask task);

}
