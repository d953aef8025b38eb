package io.synapse.examples.ray.jobs;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reports step 1, then waits (up to two minutes) until a gate file exists, then reports the other steps a
 * few hundred milliseconds apart: a test opens the gate only after it received step 1, so step 1 provably
 * arrived while the call ran.
 */
@PluginAction(name = "gate", title = "Gate")
public final class GateAction extends BaseAction<GateParams, Integer> {

  @Override
  public Integer execute() throws InterruptedException {
    log("started", Map.of("pid", ProcessHandle.current().pid()));
    setProgress(1, params().steps(), "gate");
    long deadline = System.currentTimeMillis() + 120_000;
    while (!Files.exists(Path.of(params().gate())) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    for (int i = 2; i <= params().steps(); i++) {
      Thread.sleep(300);
      setProgress(i, params().steps(), "gate");
    }
    if (params().failAtEnd()) {
      throw new IllegalStateException("failed after its steps");
    }
    return params().steps();
  }
}
