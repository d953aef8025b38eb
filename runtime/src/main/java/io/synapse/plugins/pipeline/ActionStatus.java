package io.synapse.plugins.pipeline;

import java.util.Locale;

/** The state of one action of a pipeline run (written in lower case: {@code completed}). */
public enum ActionStatus {
  /** Not started. */
  PENDING,
  /** Running now. */
  RUNNING,
  /** Completed; its result is recorded. */
  COMPLETED,
  /** Failed; its error is recorded. */
  FAILED,
  /** Completed by an earlier attempt of the run and not run again by a resume. */
  SKIPPED,
  /** Stopped by a cancellation. */
  CANCELLED;

  /** Whether the action's result is recorded (completed, or skipped on a resume after it completed). */
  public boolean isDone() {
    return this == COMPLETED || this == SKIPPED;
  }

  /** The stored form, {@code completed}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status whose stored form is {@code value}.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static ActionStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
