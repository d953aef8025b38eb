package io.synapse.examples.ray;

/**
 * What the echo action saw where it ran.
 *
 * @param message the message
 * @param pid the process that ran the action
 * @param greeting the GREETING entry of the action's environment, if any
 * @param workerVariable the SYNAPSE_DEMO variable of the worker process, if any
 * @param jobId the run's job id, if any
 * @param startedAtMillis when the action started (epoch millis)
 * @param finishedAtMillis when it finished (epoch millis)
 */
public record Echo(String message, long pid, String greeting, String workerVariable, String jobId,
    long startedAtMillis, long finishedAtMillis) {}
