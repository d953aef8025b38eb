/**
 * Run observation: the hook that tracing and logging integrations implement ({@link RunObserver}, found with
 * {@link java.util.ServiceLoader} or {@linkplain RunObservers#register registered}), told when a run and each of its
 * steps start and end, given the run's events, and able to carry a context (a trace parent) from a driver to the
 * TASK actor or JOB entrypoint that runs the action. The runtime knows no tracing library: a carried context is a
 * map of strings in the remote protocol. With no observer, nothing of this costs more than a check of an empty list.
 *
 * <p>Who may use it: integrations implement {@link RunObserver} (the {@code synapse-plugins-slf4j} and
 * {@code synapse-plugins-opentelemetry} modules do); the runtime's executors, its step orchestrator and the
 * backends' worker routine report to it through {@link RunObservers}. Plugin authors need none of it.
 */
package io.synapse.plugins.observation;
