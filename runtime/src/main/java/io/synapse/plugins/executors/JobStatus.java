package io.synapse.plugins.executors;

/** The state of a job ({@link JobHandle#status()}), as Ray's Job Submission API reports it. */
public enum JobStatus {
  /** Submitted; the entrypoint has not started yet (runtime environment being set up, or waiting for resources). */
  PENDING,
  /** The entrypoint is running. */
  RUNNING,
  /** Stopped on request ({@link JobHandle#cancel()}). */
  STOPPED,
  /** The entrypoint exited with status 0. */
  SUCCEEDED,
  /** The entrypoint failed or could not start. */
  FAILED;

  /** Whether the job has ended (STOPPED, SUCCEEDED or FAILED). */
  public boolean isTerminal() {
    return this == STOPPED || this == SUCCEEDED || this == FAILED;
  }
}
