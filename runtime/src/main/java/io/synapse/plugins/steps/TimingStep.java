package io.synapse.plugins.steps;

import java.util.Map;

/**
 * Records how long a step's {@code execute} took, as the metric {@code duration_ms} in the step's
 * category, whether it succeeded or failed.
 *
 * @param <C> the context the steps share
 */
public final class TimingStep<C extends StepContext> extends ForwardingStep<C> {

  /** Times {@code delegate}. */
  public TimingStep(Step<C> delegate) {
    super(delegate);
  }

  @Override
  public StepResult execute(C context) throws Exception {
    long start = System.nanoTime();
    try {
      return super.execute(context);
    } finally {
      double millis = (System.nanoTime() - start) / 1_000_000.0;
      context.setMetrics(Map.of("duration_ms", millis));
    }
  }
}
