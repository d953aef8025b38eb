package io.synapse.benchmarks.plugin;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;

/** Does nothing with the tutorial's params: what is left is the runner's own cost. */
@PluginAction(name = "noop", title = "No-op")
public final class NoopAction extends BaseAction<ProcessParams, String> {
  @Override
  public String execute() {
    return params().outputPath();
  }
}
