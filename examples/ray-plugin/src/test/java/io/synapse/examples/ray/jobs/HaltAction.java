package io.synapse.examples.ray.jobs;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes its worker's process id to a file, reports progress, and then ends its own JVM: every attempt's
 * actor dies, so a TASK call of it uses up its retries. The progress comes well before the death, so a live
 * driver receives it before the error.
 */
@PluginAction(name = "halt", title = "Halt")
public final class HaltAction extends BaseAction<HaltParams, Integer> {

  @Override
  public Integer execute() throws IOException, InterruptedException {
    Files.writeString(Path.of(params().record()), ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    setProgress(1, 2, "halt");
    Thread.sleep(1500);
    Runtime.getRuntime().halt(137);
    return 0;
  }
}
