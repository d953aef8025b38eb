/**
 * OpenTelemetry tracing of runs: {@link io.synapse.plugins.opentelemetry.OpenTelemetryRunObserver} (a run observer
 * found with {@link java.util.ServiceLoader}), configured by {@link io.synapse.plugins.opentelemetry.SynapseTelemetry},
 * with the attribute keys of {@link io.synapse.plugins.opentelemetry.SpanAttributes}.
 */
package io.synapse.plugins.opentelemetry;
