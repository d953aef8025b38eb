package io.synapse.plugins.errors;

import java.util.Map;

/**
 * A step of a step workflow failed and the steps that had run were rolled back. The cause is the
 * step's own error; {@code details()} names the step ({@code step}), the steps rolled back
 * ({@code rolled_back}) and those whose rollback failed ({@code rollback_failed}); each failed
 * rollback's exception is attached as suppressed.
 */
public final class StepError extends PluginError {
  private static final long serialVersionUID = 1L;

  private final String step;

  /** A failure of {@code step} with details and the step's error. */
  public StepError(String step, String message, Map<String, ?> details, Throwable cause) {
    super("step_failed", message, details, cause);
    this.step = step;
  }

  /** The name of the step that failed. */
  public String step() {
    return step;
  }
}
