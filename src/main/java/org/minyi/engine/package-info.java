/**
 * The one place that reaches inside the engine ({@code org.camunda.bpm.engine.impl}):
 * command interceptors, service decorators, deployers and managers that the public API
 * has no hook for. Everything else in the application uses the engine's public API only,
 * so that a move to a maintained Camunda 7 fork stays a dependency change plus this
 * package. It knows no capability: capabilities use it, never the reverse
 * ({@code org.minyi.common} only).
 *
 * <p>
 * Pieces that replace an engine internal, each switched back to the engine's own by its
 * property and compared with the engine's own answer by its test:
 * <ul>
 * <li>{@link org.minyi.engine.GrantedTaskQueryPlugin} (with
 * {@code granted-task-query.xml}): the engine's {@code TaskManager}, MyBatis
 * configuration and {@code AuthorizationCheck}, to answer checked task queries without
 * the engine's per-task join on the grants;
 * {@code minyi.engine.granted-task-query.enabled}; {@code GrantedTaskQueryPluginTest}
 * (the engine's list and count statements, every kind of grant).</li>
 * <li>{@link org.minyi.engine.AuthorizedGroupsPlugin}: the engine's
 * {@code AuthorizationManager} and the command's connection, to find a user's groups with
 * grants by index probes instead of reading the whole authorization table;
 * {@code minyi.engine.authorized-groups-probe.enabled};
 * {@code AuthorizedGroupsPluginTest} (the engine's own manager).</li>
 * <li>{@link org.minyi.engine.ManagerOverride}: the engine's session factories, by which
 * the two above replace the engine's manager in every command.</li>
 * <li>{@link org.minyi.engine.PasswordPolicyPlugin}: the engine's configuration, to turn
 * its default password policy on, and {@code IdentityServiceImpl}, to save the
 * application's own users without it; {@code minyi.engine.password-policy.enabled} (off
 * unless set; identity sets it for PostgreSQL); {@code PasswordPolicyPluginTest} (the
 * engine's own policy check, on an in-memory engine of its own).</li>
 * </ul>
 * {@code EngineSwitchesTest} shows each property switching its piece.
 *
 * <p>
 * Hooks the public API lacks: {@link org.minyi.engine.QueryExpressionGuardPlugin},
 * {@link org.minyi.engine.QueryExpressions} and
 * {@link org.minyi.engine.GuardedFilterService} (no client expression in a task query or
 * filter; {@code QueryExpressionGuardTest}), {@link org.minyi.engine.RuleViolationPlugin}
 * (a broken rule answered 400 by every engine client),
 * {@link org.minyi.engine.CommandFailureLog} (one log line per refused command;
 * {@code CommandFailureLogTest}), {@link org.minyi.engine.ModelScriptPolicy} (no scripts
 * in deployed models, {@code minyi.engine.scripts-allowed}),
 * {@link org.minyi.engine.ModelWideListenersPlugin} with
 * {@link org.minyi.engine.EveryUserTaskListener} and
 * {@link org.minyi.engine.EveryProcessListener} (listeners on every model), and the small
 * facades {@link org.minyi.engine.EngineTime} (the engine's clock),
 * {@link org.minyi.engine.EngineUser} (the current engine user),
 * {@link org.minyi.engine.Privileged} (engine calls on the application's behalf) and
 * {@link org.minyi.engine.EngineFailures} (failures only the engine's internal exception
 * types tell apart), {@link org.minyi.engine.FeelExpressions} (the FEEL engine) and
 * {@link org.minyi.engine.DeployedForms} (which deployed resource a task's or start
 * event's form is).
 *
 * <p>
 * Application jobs: a capability's {@link org.minyi.engine.ApplicationJob} bean runs the
 * jobs of its type that {@link org.minyi.engine.ApplicationJobs} schedules in the current
 * transaction, with its own retries ({@link org.minyi.engine.ApplicationJobsPlugin},
 * {@link org.minyi.engine.ApplicationJobRetries}; {@code ApplicationJobsTest} against the
 * engine's own retry cycle).
 */
package org.minyi.engine;
