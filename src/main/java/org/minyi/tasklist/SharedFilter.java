package org.minyi.tasklist;

import java.util.List;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.task.TaskQuery;
import org.minyi.identity.Role;

/**
 * A Tasklist filter shared with role groups, found by its name.
 *
 * @param criteria narrows a task query already sorted by due date
 * @param priority Tasklist lists filters by priority, lowest first
 */
public record SharedFilter(String name, String description, int priority, UnaryOperator<TaskQuery> criteria,
		List<Role> audience) {
}
