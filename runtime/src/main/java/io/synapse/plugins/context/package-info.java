/**
 * What a running action sees: its {@link io.synapse.plugins.context.RuntimeContext} (logger, progress,
 * metrics, environment, job id, working directory, language) and the settings an executor builds one from
 * ({@link io.synapse.plugins.context.ContextSettings}).
 *
 * <p>Public API for plugin authors and executors. Events and sinks live in {@code events}, the
 * environment and redaction in {@code environment}.
 */
package io.synapse.plugins.context;
