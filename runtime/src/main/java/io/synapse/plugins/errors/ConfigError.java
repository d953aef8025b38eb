package io.synapse.plugins.errors;

import java.util.Map;

/**
 * A plugin's configuration is wrong: a malformed or inconsistent {@code config.yaml}, a plugin
 * directory without jars, a config that disagrees with the compiled registry. {@code details()} names
 * the file and, where known, the line.
 */
public final class ConfigError extends PluginError {
  private static final long serialVersionUID = 1L;

  /** A configuration error with details. */
  public ConfigError(String message, Map<String, ?> details) {
    super("config_error", message, details);
  }

  /** A configuration error with details and its cause. */
  public ConfigError(String message, Map<String, ?> details, Throwable cause) {
    super("config_error", message, details, cause);
  }
}
