package io.synapse.examples.ray.jobs;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;

/** Reports progress as fast as it can, {@code count} times: what a loop reporting every item does. */
@PluginAction(name = "flood", title = "Flood")
public final class FloodAction extends BaseAction<FloodParams, Integer> {

  @Override
  public Integer execute() {
    for (int i = 1; i <= params().count(); i++) {
      setProgress(i, params().count(), "flood");
    }
    return params().count();
  }
}
