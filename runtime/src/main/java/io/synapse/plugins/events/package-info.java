/**
 * Events an action reports ({@link io.synapse.plugins.events.PluginEvent}: progress, metrics, logs,
 * messages) and the sinks they go to ({@link io.synapse.plugins.events.EventSink}: console, terminal
 * progress bar, JSON lines, recording, throttling, composite).
 *
 * <p>Public API for callers, executors and sink modules; depends on nothing else in the runtime.
 */
package io.synapse.plugins.events;
