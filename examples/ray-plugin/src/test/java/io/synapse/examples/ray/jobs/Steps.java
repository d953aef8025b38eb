package io.synapse.examples.ray.jobs;

/**
 * Result of the steps action.
 *
 * @param steps steps done
 * @param payloadChars total length of the payload strings
 * @param pid the process that ran the action
 * @param jobId the run's job id
 * @param region the REGION entry of the action's environment, if any
 * @param processRegion the REGION variable of the process, if any
 */
public record Steps(int steps, long payloadChars, long pid, String jobId, String region, String processRegion) {}
