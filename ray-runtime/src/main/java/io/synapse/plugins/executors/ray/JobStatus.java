package io.synapse.plugins.executors.ray;

import io.synapse.plugins.errors.PluginError;
import java.util.Map;

/** The state of a Ray Job, as the Job Submission API reports it. */
public enum JobStatus {
  /** Submitted; the entrypoint has not started yet (runtime environment being set up, or waiting for resources). */
  PENDING,
  /** The entrypoint is running. */
  RUNNING,
  /** Stopped on request ({@link RayJobExecutor#stop(String)}). */
  STOPPED,
  /** The entrypoint exited with status 0. */
  SUCCEEDED,
  /** The entrypoint failed or could not start. */
  FAILED;

  /** Whether the job has ended (STOPPED, SUCCEEDED or FAILED). */
  public boolean isTerminal() {
    return this == STOPPED || this == SUCCEEDED || this == FAILED;
  }

  /**
   * Parses the API's status text.
   *
   * @throws PluginError (code {@code ray_dashboard_error}) for a status this version does not know
   */
  static JobStatus parse(Object text) {
    for (JobStatus status : values()) {
      if (status.name().equals(text)) {
        return status;
      }
    }
    throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard reported an unknown job status '" + text + "'",
        Map.of("status", String.valueOf(text)));
  }
}
