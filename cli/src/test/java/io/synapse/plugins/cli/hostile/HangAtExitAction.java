package io.synapse.plugins.cli.hostile;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.NoParams;

/** Registers a shutdown hook that never ends (a cluster client that hangs at exit), then returns. */
@PluginAction(name = "hang-at-exit", method = RunMethod.TASK)
public final class HangAtExitAction extends BaseAction<NoParams, String> {
  @Override
  public String execute() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          // Hangs on regardless, as a native call would.
        }
      }
    }, "hanging-exit-hook"));
    return "done";
  }
}
