package io.synapse.plugins.errors;

import java.util.Map;

/**
 * The run was cancelled before it finished: its future was cancelled, its job stopped, or its executor
 * asked to cancel it. What ran was told ({@code ctx().isCancelled()}, its thread interrupted), and a step
 * workflow rolled back the steps that had run; {@code details()} names the plugin, the action and the job
 * id where known, and for a step workflow the steps rolled back ({@code rolled_back}). The cause is what
 * the action threw as it stopped, if anything.
 */
public final class CancelledError extends PluginError {
  private static final long serialVersionUID = 1L;

  /** The error's code. */
  public static final String CODE = "cancelled";

  /** A cancellation with details. */
  public CancelledError(String message, Map<String, ?> details) {
    super(CODE, message, details);
  }

  /** A cancellation with details and what the action threw as it stopped. */
  public CancelledError(String message, Map<String, ?> details, Throwable cause) {
    super(CODE, message, details, cause);
  }
}
