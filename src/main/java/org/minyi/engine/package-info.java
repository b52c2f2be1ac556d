/**
 * The one place that reaches inside the engine ({@code org.camunda.bpm.engine.impl}): command
 * interceptors, service decorators and deployers that the public API has no hook for. Everything else in
 * the application uses the engine's public API only, so that a move to a maintained Camunda 7 fork stays a
 * dependency change plus this package.
 */
package org.minyi.engine;
