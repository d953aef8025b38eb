package io.synapse.plugins.steps;

/** Wrappers adding behaviour to a step without changing its name, weight or skip logic. */
public final class Steps {
  private Steps() {}

  /** {@code step}, logging its start, end, skip and rollback (see {@link LoggingStep}). */
  public static <C extends StepContext> Step<C> logged(Step<C> step) {
    return new LoggingStep<>(step);
  }

  /** {@code step}, recording its duration as a metric (see {@link TimingStep}). */
  public static <C extends StepContext> Step<C> timed(Step<C> step) {
    return new TimingStep<>(step);
  }
}
