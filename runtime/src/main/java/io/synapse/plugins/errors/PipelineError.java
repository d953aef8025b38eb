package io.synapse.plugins.errors;

import java.util.Map;
import java.util.Optional;

/**
 * A pipeline run ended without its result: an action failed ({@value #FAILED}), the run was cancelled
 * ({@value #CANCELLED}), or it cannot go on as asked ({@value #RUN_ACTIVE}: another process holds the run;
 * {@value #DEFINITION_CHANGED}: the pipeline differs from the one the run started with). {@code details()}
 * hold {@code run_id}, {@code pipeline} and, for a failed or cancelled action, {@code action} and
 * {@code action_index}; the cause is the action's own typed error ({@link ValidationError},
 * {@link ExecutionError}, ...). What the earlier actions did stays recorded in the run store, and
 * {@code resume(runId)} continues from the failing action.
 */
public final class PipelineError extends PluginError {
  private static final long serialVersionUID = 1L;
  /** Error code: an action of the run failed. */
  public static final String FAILED = "pipeline_failed";
  /** Error code: the run was cancelled. */
  public static final String CANCELLED = "pipeline_cancelled";
  /** Error code: another live process is running the run. */
  public static final String RUN_ACTIVE = "pipeline_run_active";
  /** Error code: the pipeline's actions differ from those the run was started with. */
  public static final String DEFINITION_CHANGED = "pipeline_definition_changed";

  /** An error with {@code code}, a message, details and the cause. */
  public PipelineError(String code, String message, Map<String, ?> details, Throwable cause) {
    super(code, message, details, cause);
  }

  /** The run's id. */
  public String runId() {
    return String.valueOf(details().get("run_id"));
  }

  /** The action that failed or was cancelled, if the error is about one. */
  public Optional<String> action() {
    Object action = details().get("action");
    return action == null ? Optional.empty() : Optional.of(String.valueOf(action));
  }

  /** The index (from 0) of the action that failed or was cancelled, or -1. */
  public int actionIndex() {
    return details().get("action_index") instanceof Number index ? index.intValue() : -1;
  }
}
