package io.synapse.benchmarks.plugin;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.util.Map;

/** The seeds' tutorial action: 100 items with progress, then metrics. */
@PluginAction(name = "process", title = "Process Files")
public final class ProcessAction extends BaseAction<ProcessParams, ProcessResult> {
  private static final int TOTAL_ITEMS = 100;

  @Override
  public ProcessResult execute() {
    log("process_start", Map.of("input", params().inputPath()));
    for (int i = 0; i < TOTAL_ITEMS; i++) {
      setProgress(i + 1, TOTAL_ITEMS);
      if (params().verbose()) {
        log("item_processed", Map.of("index", i));
      }
    }
    setMetrics(Map.of("items_processed", TOTAL_ITEMS), "process");
    return new ProcessResult("completed", params().outputPath(), TOTAL_ITEMS);
  }
}
