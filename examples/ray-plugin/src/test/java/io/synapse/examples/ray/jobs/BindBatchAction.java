package io.synapse.examples.ray.jobs;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;

/** Returns a batch of bind-probe params exactly as they were bound. */
@PluginAction(name = "bind-batch", title = "Bind batch")
public final class BindBatchAction extends BaseAction<BindBatchParams, BindBatchParams> {

  @Override
  public BindBatchParams execute() {
    return params();
  }
}
