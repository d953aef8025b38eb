package io.synapse.plugins.observation;

/**
 * Watches runs: implemented by tracing and logging integrations, listed in
 * {@code META-INF/services/io.synapse.plugins.observation.RunObserver} or given to {@link RunObservers#register}.
 * Its methods are called on the thread that starts the run; they must be thread-safe and must not throw (a failing
 * observer is logged and never fails the run).
 */
public interface RunObserver {

  /** A run starts; the returned scope hears its steps, events and end. */
  RunScope runStarted(RunInfo run);
}
