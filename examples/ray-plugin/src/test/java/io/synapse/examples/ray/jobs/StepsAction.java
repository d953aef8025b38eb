package io.synapse.examples.ray.jobs;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.util.Map;

/** Reports progress step by step, logs its secret (which the runtime hides) and fails on request. */
@PluginAction(name = "steps", title = "Steps")
public final class StepsAction extends BaseAction<StepsParams, Steps> {

  @Override
  public Steps execute() throws InterruptedException {
    ctx().logMessage("starting with token " + params().token());
    for (int i = 1; i <= params().steps(); i++) {
      if (params().stepMillis() > 0) {
        Thread.sleep(params().stepMillis());
      }
      setProgress(i, params().steps(), "steps");
    }
    if (params().fail()) {
      throw new IllegalStateException("failed on purpose with token " + params().token());
    }
    long chars = params().payload().stream().mapToLong(String::length).sum();
    log("done", Map.of("steps", params().steps()));
    return new Steps(params().steps(), chars, ProcessHandle.current().pid(), ctx().jobId(),
        ctx().env().getStr("REGION", null), System.getenv("REGION"));
  }
}
