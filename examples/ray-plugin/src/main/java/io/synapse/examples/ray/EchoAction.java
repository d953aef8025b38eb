package io.synapse.examples.ray;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;

/** Answers with where and when it ran: for checking pools, environments and failures. */
@PluginAction(name = "echo", title = "Echo")
public final class EchoAction extends BaseAction<EchoParams, Echo> {

  @Override
  public Echo execute() throws InterruptedException {
    long started = System.currentTimeMillis();
    if (params().sleepMillis() > 0) {
      Thread.sleep(params().sleepMillis());
    }
    if (params().fail()) {
      throw new IllegalArgumentException("asked to fail: " + params().message());
    }
    setProgress(1, 1);
    return new Echo(params().message(), ProcessHandle.current().pid(), ctx().env().getStr("GREETING", null),
        System.getenv("SYNAPSE_DEMO"), ctx().jobId(), started, System.currentTimeMillis());
  }
}
