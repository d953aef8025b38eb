package io.synapse.plugins.executors.ray;

import io.synapse.plugins.executors.JobStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One Ray Job as {@link RayJobExecutor#list()} and {@link RayJobExecutor#getInfo(String)} report it.
 *
 * @param submissionId the id {@link RayJobExecutor#submit} returned
 * @param status its state
 * @param message Ray's status message (why it failed, for instance); may be null
 * @param entrypoint the command the job runs
 * @param metadata the job's metadata
 * @param startTime when it started, or null
 * @param endTime when it ended, or null while it runs
 */
public record JobInfo(String submissionId, JobStatus status, String message, String entrypoint, Map<String, String> metadata,
    Instant startTime, Instant endTime) {

  /** Copies the metadata. */
  public JobInfo {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
