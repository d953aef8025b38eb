package io.synapse.examples.ray;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.NoParams;

/** Does nothing: measures the framework's own cost per call. */
@PluginAction(name = "noop", title = "No-op")
public final class NoopAction extends BaseAction<NoParams, String> {
  @Override
  public String execute() {
    return "ok";
  }
}
