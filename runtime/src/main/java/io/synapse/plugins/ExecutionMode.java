package io.synapse.plugins;

import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.internal.EnumValues;
import java.util.Locale;

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
    return EnumValues.parse(values(), ExecutionMode::value, mode, "unknown_mode", "execution mode", "mode");
  }
}
