/**
 * Action events as SLF4J records ({@link io.synapse.plugins.slf4j.Slf4jSink}) and the run in the MDC
 * ({@link io.synapse.plugins.slf4j.Slf4jMdcObserver}, a run observer found with {@link java.util.ServiceLoader}).
 */
package io.synapse.plugins.slf4j;
