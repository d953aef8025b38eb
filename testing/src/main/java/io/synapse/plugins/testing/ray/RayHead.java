package io.synapse.plugins.testing.ray;

/**
 * A running Ray head as tests see it: what to give a TASK executor ({@link #address()}) and a JOB
 * executor ({@link #dashboardUrl()}). {@link RayHeadExtension} injects it into test constructors,
 * methods and lifecycle methods.
 *
 * @param address the GCS address, {@code 127.0.0.1:PORT}
 * @param dashboardUrl the dashboard (Ray Jobs API) URL, {@code http://127.0.0.1:PORT}
 * @param processGroup the head's process group id, or 0 for a cluster this test run did not start
 */
public record RayHead(String address, String dashboardUrl, long processGroup) {}
