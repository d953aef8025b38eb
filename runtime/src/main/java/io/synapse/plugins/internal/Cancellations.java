package io.synapse.plugins.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline runs of this process whose cancellation was asked for: set by the run's watcher when the
 * store says so (or at once by an in-process cancel), read by
 * {@link io.synapse.plugins.context.PipelineContext#isCancelRequested()}. The runtime's own: {@code context}
 * reads it, {@code pipeline} sets it.
 */
public final class Cancellations {
  private static final Set<String> REQUESTED = ConcurrentHashMap.newKeySet();

  private Cancellations() {}

  /** Marks {@code runId} as asked to cancel. */
  public static void request(String runId) {
    REQUESTED.add(runId);
  }

  /** Whether a cancellation of {@code runId} was asked for. */
  public static boolean isRequested(String runId) {
    return REQUESTED.contains(runId);
  }

  /** Forgets {@code runId} (its run ended). */
  public static void clear(String runId) {
    REQUESTED.remove(runId);
  }
}
