package com.acme.imagetools;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.NoParams;

/** Answers pong; an action without params. */
@PluginAction(name = "ping")
public final class PingAction extends BaseAction<NoParams, String> {
  @Override
  public String execute() {
    return "pong";
  }
}
