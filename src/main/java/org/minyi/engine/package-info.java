/**
 * The one place that reaches inside the engine ({@code org.camunda.bpm.engine.impl}): command
 * interceptors, service decorators and deployers that the public API has no hook for, and small adapters
 * that hand the rest engine-free types (the FEEL engine, which deployed resource a form is). Everything
 * else in the application uses the engine's public API only, so that a move to a maintained Camunda 7 fork
 * stays a dependency change plus this package.
 */
package org.minyi.engine;
