package io.synapse.plugins;

import io.synapse.plugins.errors.PluginError;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Where an action runs. */
public enum ExecutionMode {
  /** In the calling JVM, synchronously. */
  LOCAL,
  /** On a warm pool of Ray actors (needs {@code synapse-plugins-ray}). */
  TASK,
  /** As a Ray Job, fully isolated; returns the job id (needs {@code synapse-plugins-ray}). */
  JOB;

  /** The lower-case value used on command lines ({@code --mode local}). */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code local}, {@code task} or {@code job} in any case.
   *
   * @throws PluginError (code {@code unknown_mode}) naming the valid modes for anything else
   */
  public static ExecutionMode of(String mode) {
    if (mode != null) {
      String wanted = mode.trim();
      for (ExecutionMode candidate : values()) {
        if (candidate.name().equalsIgnoreCase(wanted)) {
          return candidate;
        }
      }
    }
    String valid = Arrays.stream(values()).map(ExecutionMode::value).collect(Collectors.joining(", "));
    throw new PluginError(
        "unknown_mode",
        "Unknown execution mode '" + mode + "': use one of " + valid,
        Map.of("mode", String.valueOf(mode), "valid", valid));
  }
}
