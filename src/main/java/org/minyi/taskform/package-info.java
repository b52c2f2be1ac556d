/**
 * The task form (任务表单), shared by every process: the Camunda Form of a user task or a
 * start event is the contract of what its user may submit, whatever the client (Tasklist,
 * engine-rest, the application's API). This capability owns the form's fields
 * ({@link org.minyi.taskform.FieldType}, one list), the rules the form declares, checked
 * on the server at every completion and start ({@link org.minyi.taskform.TaskForms}, each
 * deployed form parsed once), the decision and comment a model names
 * ({@link org.minyi.taskform.TaskProperties}), the capabilities' own completion and start
 * rules ({@link org.minyi.taskform.TaskCompletionRule},
 * {@link org.minyi.taskform.StartRule}), and what a request may carry with a task or a
 * start ({@link org.minyi.taskform.FormSubmissions}, which the HTTP boundary's
 * {@code web/DeclaredVariablesFilter} calls). It knows no capability: they plug their
 * rules in, and a piece's timeline records a completion after these checks.
 */
package org.minyi.taskform;
