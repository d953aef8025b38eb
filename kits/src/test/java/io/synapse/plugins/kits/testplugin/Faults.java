package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepContext;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.StepResult;

/** Inserts a step that throws after the step named by {@value #VARIABLE} in the run's environment. */
public final class Faults {
  /** The environment variable naming the step after which the fault is injected. */
  public static final String VARIABLE = "KITS_TEST_FAIL_AFTER";

  private Faults() {}

  static <C extends StepContext> void inject(StepRegistry<C> steps, PluginEnvironment env) {
    String after = env.get(VARIABLE).orElse(null);
    if (after != null) {
      steps.insertAfter(after, new Step<C>() {
        @Override
        public String name() {
          return "injected_fault";
        }

        @Override
        public StepResult execute(C context) {
          throw new IllegalStateException("injected fault after " + after);
        }
      });
    }
  }
}
