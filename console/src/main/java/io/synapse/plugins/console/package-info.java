/**
 * The local web console ({@code synapse console PLUGIN...}): an embedded HTTP server (the JDK's
 * {@code com.sun.net.httpserver}) that shows the given plugins' actions as forms built from their
 * generated params schemas, validates params with the actions' generated binders, runs them LOCAL, TASK
 * or JOB and streams their events to the browser as server-sent events. {@link
 * io.synapse.plugins.console.ConsoleServer} is the entry point; the rest is not API.
 */
package io.synapse.plugins.console;
