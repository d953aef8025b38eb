package io.synapse.plugins.pipeline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline runs of this process whose cancellation was asked for: set by the run's watcher when the
 * store says so (or at once by an in-process cancel), read by {@link PipelineContext#isCancelRequested()}.
 */
final class Cancellations {
  private static final Set<String> REQUESTED = ConcurrentHashMap.newKeySet();

  private Cancellations() {}

  static void request(String runId) {
    REQUESTED.add(runId);
  }

  static boolean isRequested(String runId) {
    return REQUESTED.contains(runId);
  }

  static void clear(String runId) {
    REQUESTED.remove(runId);
  }
}
