package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.kits.dataset.DatasetAction;
import io.synapse.plugins.kits.dataset.DatasetContext;
import io.synapse.plugins.steps.StepRegistry;

/** The dataset kit as is. */
@PluginAction(name = "dataset", method = RunMethod.TASK)
public final class Dataset extends DatasetAction {
  @Override
  protected void registerSteps(StepRegistry<DatasetContext> steps) {
    super.registerSteps(steps);
    Faults.inject(steps, ctx().env());
  }
}
