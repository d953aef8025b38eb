package io.synapse.plugins.pipeline.store;

import io.synapse.plugins.pipeline.ActionStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One action of a recorded pipeline run.
 *
 * @param index its position in the pipeline, from 0
 * @param action its name
 * @param status its state
 * @param progress how far it got, from 0 to 1 (1 once completed)
 * @param params the params it was given, in wire form (secret values masked), or null before it started
 * @param result its result in wire form, or null
 * @param accumulated the accumulated params after its result was merged in (wire form, secrets masked), or null
 * @param error its error ({@code code}, {@code message}, {@code details}), or null
 * @param startedAt when it last started, or null
 * @param finishedAt when it ended, or null
 * @param attempts how many times it was started (a resume of a failed run starts it again)
 */
public record ActionRecord(
    int index,
    String action,
    ActionStatus status,
    double progress,
    Map<String, Object> params,
    Object result,
    Map<String, Object> accumulated,
    Map<String, Object> error,
    Instant startedAt,
    Instant finishedAt,
    int attempts) {

  /** Checks the name and status. */
  public ActionRecord {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
  }

  /** A pending action that never ran. */
  public static ActionRecord pending(int index, String action) {
    return new ActionRecord(index, action, ActionStatus.PENDING, 0, null, null, null, null, null, null, 0);
  }
}
