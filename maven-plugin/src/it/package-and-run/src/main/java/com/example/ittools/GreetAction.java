package com.example.ittools;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;

/** Greets someone, a few times. */
@PluginAction(name = "greet")
public final class GreetAction extends BaseAction<GreetParams, Greeting> {
  @Override
  public Greeting execute() {
    setProgress(1, 1);
    return new Greeting(("hello " + params().name() + " ").repeat(params().times()).strip(), ProcessHandle.current().pid());
  }
}
