package io.synapse.benchmarks.plugin;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;

/** Counts its items: the action behind the binding figures. */
@PluginAction(name = "train", title = "Train")
public final class TrainAction extends BaseAction<TrainParams, Integer> {
  @Override
  public Integer execute() {
    return params().items().size();
  }
}
