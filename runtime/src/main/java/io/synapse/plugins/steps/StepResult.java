package io.synapse.plugins.steps;

import io.synapse.plugins.errors.PluginError;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one step reported.
 *
 * @param success whether the step succeeded (true for a skipped step)
 * @param skipped whether the step was skipped because {@link Step#canSkip} said so
 * @param data what the step produced, for later steps and for the action's result; empty when none
 * @param error why the step failed; null on success
 * @param rollbackData what {@link Step#rollback} needs to undo the step (created files, record ids);
 *     empty when none
 * @param timestamp when the result was made
 */
public record StepResult(
    boolean success,
    boolean skipped,
    Map<String, Object> data,
    Throwable error,
    Map<String, Object> rollbackData,
    Instant timestamp) {

  /** Checks consistency and copies the maps (insertion order kept). */
  public StepResult {
    Objects.requireNonNull(timestamp, "timestamp");
    if (success && error != null) {
      throw new IllegalArgumentException("a successful step result has no error");
    }
    if (!success && error == null) {
      throw new IllegalArgumentException("a failed step result needs its error");
    }
    if (skipped && !success) {
      throw new IllegalArgumentException("a skipped step result is a success");
    }
    data = copy(data);
    rollbackData = copy(rollbackData);
  }

  /** A success without data. */
  public static StepResult ok() {
    return ok(Map.of());
  }

  /** A success with {@code data}. */
  public static StepResult ok(Map<String, ?> data) {
    return ok(data, Map.of());
  }

  /** A success with {@code data} and what its rollback needs. */
  public static StepResult ok(Map<String, ?> data, Map<String, ?> rollbackData) {
    return new StepResult(true, false, copy(data), null, copy(rollbackData), Instant.now());
  }

  /** A failure caused by {@code error}. */
  public static StepResult failure(Throwable error) {
    return new StepResult(false, false, Map.of(), Objects.requireNonNull(error, "error"), Map.of(), Instant.now());
  }

  /** A failure explained by {@code reason}; its error is a {@link PluginError} with code {@code step_failed}. */
  public static StepResult failure(String reason) {
    return failure(new PluginError("step_failed", Objects.requireNonNull(reason, "reason"), Map.of()));
  }

  /** The result of a step that was skipped. */
  public static StepResult skippedStep() {
    return new StepResult(true, true, Map.of(), null, Map.of(), Instant.now());
  }

  /** This result with {@code rollbackData} as what its rollback needs. */
  public StepResult withRollbackData(Map<String, ?> newRollbackData) {
    return new StepResult(success, skipped, data, error, copy(newRollbackData), timestamp);
  }

  private static Map<String, Object> copy(Map<String, ?> map) {
    return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
