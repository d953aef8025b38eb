package io.synapse.plugins.observation;

import io.synapse.plugins.ExecutionMode;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What an observer is told about a run when it starts.
 *
 * @param plugin the plugin code
 * @param action the action name
 * @param mode the mode the run was asked for: LOCAL, or TASK/JOB both on the driver and where the action runs
 * @param role whether this JVM runs the action or hands it to a cluster
 * @param jobId the run's job id, or null
 * @param carried the context a driver carried to this run (empty for runs that started here)
 * @param params the params as the action sees them, written as JSON-like values, computed on first use; only for
 *     observers that record them, and only those not listed in {@code secretValues}
 * @param secretValues the values of the run's secrets ({@code @Secret} params), which must never be recorded
 */
public record RunInfo(String plugin, String action, ExecutionMode mode, Role role, String jobId,
    Map<String, String> carried, Supplier<Map<String, Object>> params, Set<String> secretValues) {

  /** Where a run's action executes relative to this JVM. */
  public enum Role {
    /** This JVM runs the action (LOCAL runs, TASK actors, JOB entrypoints). */
    EXECUTOR,
    /** This JVM hands the action to a cluster and waits for it (the driver of a TASK or JOB run). */
    DRIVER
  }

  /** Checks and copies the parts. */
  public RunInfo {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(role, "role");
    carried = carried == null ? Map.of() : Map.copyOf(carried);
    params = params == null ? Map::of : params;
    secretValues = secretValues == null ? Set.of() : Set.copyOf(secretValues);
  }
}
