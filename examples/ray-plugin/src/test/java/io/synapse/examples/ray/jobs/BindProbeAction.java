package io.synapse.examples.ray.jobs;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;

/** Returns the params exactly as they were bound, so that tests can compare bindings across modes. */
@PluginAction(name = "bind-probe", title = "Bind probe")
public final class BindProbeAction extends BaseAction<BindProbeParams, BindProbeParams> {

  @Override
  public BindProbeParams execute() {
    return params();
  }
}
