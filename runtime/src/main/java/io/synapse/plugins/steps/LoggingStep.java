package io.synapse.plugins.steps;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logs a step's start, end, skip and rollback as structured events in the step's category:
 * {@code step_started}, {@code step_finished} ({@code success}), {@code step_failed}
 * ({@code exception}: the class only, since messages may hold secrets), {@code step_skipped} and
 * {@code step_rolled_back}.
 *
 * @param <C> the context the steps share
 */
public final class LoggingStep<C extends StepContext> extends ForwardingStep<C> {

  /** Logs around {@code delegate}. */
  public LoggingStep(Step<C> delegate) {
    super(delegate);
  }

  @Override
  public boolean canSkip(C context) throws Exception {
    boolean skip = super.canSkip(context);
    if (skip) {
      context.log("step_skipped", Map.of("step", name()));
    }
    return skip;
  }

  @Override
  public StepResult execute(C context) throws Exception {
    context.log("step_started", Map.of("step", name()));
    StepResult result;
    try {
      result = super.execute(context);
    } catch (Exception | Error e) {
      context.log("step_failed", Map.of("step", name(), "exception", e.getClass().getName()));
      throw e;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("step", name());
    data.put("success", result != null && result.success());
    context.log("step_finished", data);
    return result;
  }

  @Override
  public void rollback(C context, StepResult result) throws Exception {
    super.rollback(context, result);
    context.log("step_rolled_back", Map.of("step", name()));
  }
}
