package io.synapse.plugins.errors;

import java.util.Map;

/**
 * No plugin matches the code, package or path given. {@code details().get("available")} lists the
 * plugin codes found on the class path when the lookup was by code.
 */
public final class PluginNotFoundError extends PluginError {
  private static final long serialVersionUID = 1L;

  /** A not-found error with details. */
  public PluginNotFoundError(String message, Map<String, ?> details) {
    super("plugin_not_found", message, details);
  }

  /** A not-found error with details and the I/O or loading failure behind it. */
  public PluginNotFoundError(String message, Map<String, ?> details, Throwable cause) {
    super("plugin_not_found", message, details, cause);
  }
}
