/**
 * The one place that reaches inside the engine ({@code org.camunda.bpm.engine.impl}): command
 * interceptors, service decorators and deployers that the public API has no hook for. Everything else in
 * the application uses the engine's public API only, so that a move to a maintained Camunda 7 fork stays a
 * dependency change plus this package.
 * <p>
 * Application jobs: a capability's {@link org.minyi.engine.ApplicationJob} bean runs the jobs of its type
 * that {@link org.minyi.engine.ApplicationJobs} schedules in the current transaction, with its own retries.
 */
package org.minyi.engine;
