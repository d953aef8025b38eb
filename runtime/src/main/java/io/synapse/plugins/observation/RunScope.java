package io.synapse.plugins.observation;

import io.synapse.plugins.events.PluginEvent;
import java.util.Map;

/**
 * One observed run, from {@link RunObserver#runStarted}. For a run this JVM executes, every call comes on the
 * run's thread except {@link #event}, which may come from any thread of the run. For a driver's run, {@link #finished}
 * may come from another thread than the start.
 */
public interface RunScope {
  /** A scope that does nothing. */
  RunScope NONE = new RunScope() {
    @Override
    public void finished(Throwable failure) {}
  };

  /** A step of the run's workflow starts, on the run's thread; the returned scope is finished when it ends. */
  default StepScope stepStarted(String step) {
    return StepScope.NONE;
  }

  /** The run reported {@code event} (already redacted). */
  default void event(PluginEvent event) {}

  /**
   * Adds to {@code carrier} what a remote run of this run must carry for the observer to continue it there (for
   * a trace, its W3C {@code traceparent}); the carrier travels in the remote protocol's request.
   */
  default void propagate(Map<String, String> carrier) {}

  /** The run ended: {@code failure} is the error it raised (as the caller sees it, secrets hidden), or null. */
  void finished(Throwable failure);
}
