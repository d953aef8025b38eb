package io.synapse.plugins.pipeline;

import java.util.Locale;

/** The state of a pipeline run, as the run store records it (written in lower case: {@code running}). */
public enum RunStatus {
  /** Recorded, not started yet (a JOB run waiting for its job). */
  PENDING,
  /** An action is running, or about to. */
  RUNNING,
  /** Every action completed; the run's result is the last action's. */
  COMPLETED,
  /** An action failed; the actions before it stay completed, and a resume goes on from the failed one. */
  FAILED,
  /** Cancelled; a resume goes on from the action that was cancelled. */
  CANCELLED;

  /** Whether the run has ended (completed, failed or cancelled). */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /** The stored form, {@code running}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status whose stored form is {@code value}.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static RunStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
