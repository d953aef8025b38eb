package io.synapse.plugins.errors;

import java.util.Map;

/**
 * The action ran and failed. The cause (the action's own exception) is kept; {@code details()} names
 * the plugin, the action, the exception class and, where there is one, the job id.
 */
public final class ExecutionError extends PluginError {
  private static final long serialVersionUID = 1L;

  /** An execution failure with details and the action's exception. */
  public ExecutionError(String message, Map<String, ?> details, Throwable cause) {
    super("execution_error", message, details, cause);
  }
}
