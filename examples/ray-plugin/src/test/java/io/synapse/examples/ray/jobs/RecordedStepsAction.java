package io.synapse.examples.ray.jobs;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.StepAction;
import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.StepResult;

/**
 * A step workflow whose steps write {@code run <step>} to a file and whose rollbacks write
 * {@code rollback <step> cancelled=<ctx().isCancelled()>}, for the cancellation tests of every mode.
 */
@PluginAction(name = "recorded-steps", title = "Recorded steps")
public final class RecordedStepsAction extends StepAction<RecordedStepsParams, RecordedSteps, Integer> {

  @Override
  protected void registerSteps(StepRegistry<RecordedSteps> registry) {
    for (int i = 1; i <= params().steps(); i++) {
      registry.register(step("s" + i));
    }
  }

  @Override
  protected RecordedSteps createContext(RuntimeContext runtime) {
    return new RecordedSteps(runtime, params());
  }

  @Override
  protected Integer result(RecordedSteps context) {
    return params().steps();
  }

  private static Step<RecordedSteps> step(String name) {
    return new Step<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public StepResult execute(RecordedSteps context) throws InterruptedException {
        context.record("run " + name);
        context.runtime().setProgress(1, 2, name);
        long until = System.currentTimeMillis() + context.params.stepMillis();
        while (System.currentTimeMillis() < until) {
          if (context.params.ignoreCancel()) {
            try {
              Thread.sleep(50);
            } catch (InterruptedException ignored) {
              // Ignores the cancel on purpose: it must be stopped by force.
            }
          } else {
            Thread.sleep(Math.max(1, until - System.currentTimeMillis()));
          }
        }
        context.runtime().setProgress(2, 2, name);
        return StepResult.ok();
      }

      @Override
      public void rollback(RecordedSteps context, StepResult result) {
        context.record("rollback " + name + " cancelled=" + context.runtime().isCancelled());
      }
    };
  }
}
