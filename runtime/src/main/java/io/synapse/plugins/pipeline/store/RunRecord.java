package io.synapse.plugins.pipeline.store;

import io.synapse.plugins.pipeline.ActionStatus;
import io.synapse.plugins.pipeline.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One pipeline run as the run store records it: what a resume needs on any machine that reaches the store,
 * and what {@code synapse pipeline status} shows.
 *
 * @param runId the run's id
 * @param plugin the plugin code
 * @param pipeline the pipeline's name
 * @param kind {@code declared} ({@code @PluginPipeline}, params merged) or {@code typed} (built in code)
 * @param mode the mode it last ran in ({@code local}, {@code task}, {@code job})
 * @param status its state
 * @param initialParams the initial params in wire form, secret values masked
 * @param maskedKeys the initial params' keys whose values were secret and are not stored (a resume needs them again)
 * @param result the last action's result in wire form, once completed
 * @param error the error that ended it ({@code code}, {@code message}, {@code action}, {@code action_index}), or null
 * @param createdAt when it was recorded
 * @param updatedAt when it last changed
 * @param owner the process running it ({@code host/pid/nonce}), or null when none does
 * @param leaseUntil until when the owner's claim holds unless renewed, or null
 * @param cancelRequested whether a cancellation was asked for
 * @param jobId the Ray job running it (JOB mode), or null
 * @param actions every action, in pipeline order
 */
public record RunRecord(
    String runId,
    String plugin,
    String pipeline,
    String kind,
    String mode,
    RunStatus status,
    Map<String, Object> initialParams,
    List<String> maskedKeys,
    Object result,
    Map<String, Object> error,
    Instant createdAt,
    Instant updatedAt,
    String owner,
    Instant leaseUntil,
    boolean cancelRequested,
    String jobId,
    List<ActionRecord> actions) {

  /** Checks the parts that are always there; copies the lists. */
  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(initialParams, "initialParams");
    maskedKeys = List.copyOf(maskedKeys);
    actions = List.copyOf(actions);
  }

  /** The action names, in pipeline order. */
  public List<String> actionNames() {
    return actions.stream().map(ActionRecord::action).toList();
  }

  /**
   * Overall progress from 0 to 1: each done action counts 1, the running one its own progress. It never goes
   * down while the run goes on.
   */
  public double progress() {
    if (actions.isEmpty()) {
      return 0;
    }
    double done = 0;
    for (ActionRecord action : actions) {
      done += action.status().isDone() ? 1 : Math.max(0, Math.min(1, action.progress()));
    }
    return done / actions.size();
  }

  /** How many actions are done (completed or skipped). */
  public int completedActions() {
    return (int) actions.stream().filter(a -> a.status().isDone()).count();
  }

  /** The action running now, if one is. */
  public java.util.Optional<ActionRecord> currentAction() {
    return actions.stream().filter(a -> a.status() == ActionStatus.RUNNING).findFirst();
  }
}
