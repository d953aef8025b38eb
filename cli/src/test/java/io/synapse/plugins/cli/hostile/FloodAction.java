package io.synapse.plugins.cli.hostile;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.util.Collections;

/** Returns one line many times: cheap to hold, costly for the command line to print. */
@PluginAction(name = "flood", method = RunMethod.TASK)
public final class FloodAction extends BaseAction<FloodParams, FloodResult> {
  @Override
  public FloodResult execute() {
    return new FloodResult(Collections.nCopies(params().lines(), "the same line, printed again and again"));
  }
}
