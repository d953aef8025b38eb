package io.synapse.plugins;

import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.internal.EnumValues;
import java.util.Locale;

/**
 * How the Synapse platform runs an action: config.yaml's {@code method}, with the platform's own
 * values. Not where this runtime runs it: that is the {@link ExecutionMode} a caller passes to
 * {@link PluginRunner#runPlugin} or the command line's {@code --mode}.
 */
public enum RunMethod {
  /** As a Ray Job. */
  JOB,
  /** As a Ray task on a warm actor (the default). */
  TASK,
  /** As a Ray Serve deployment. */
  SERVE,
  /** Behind the platform's REST API. */
  RESTAPI;

  /** The lower-case value config.yaml holds. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code job}, {@code task}, {@code serve} or {@code restapi} in any case.
   *
   * @throws PluginError (code {@code unknown_run_method}) naming the valid values for anything else
   */
  public static RunMethod of(String method) {
    return EnumValues.parse(values(), RunMethod::value, method, "unknown_run_method", "run method", "method");
  }
}
