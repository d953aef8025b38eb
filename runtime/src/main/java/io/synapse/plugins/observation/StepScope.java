package io.synapse.plugins.observation;

/** One observed step of a workflow, from {@link RunScope#stepStarted}. */
public interface StepScope {
  /** A scope that does nothing. */
  StepScope NONE = failure -> { };

  /** The step ended: {@code failure} is what it failed with (a failed result's error, or what it threw), or null. */
  void finished(Throwable failure);
}
