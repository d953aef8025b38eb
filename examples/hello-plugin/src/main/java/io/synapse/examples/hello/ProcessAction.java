package io.synapse.examples.hello;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.util.Map;

/** Process files with progress tracking. */
@PluginAction(
    name = "process",
    title = "Process Files",
    description = "Process input files with batch processing",
    method = ExecutionMode.TASK)
public final class ProcessAction extends BaseAction<ProcessParams, ProcessResult> {
  /** How many items the simulated input holds. */
  static final int TOTAL_ITEMS = 100;

  @Override
  public ProcessResult execute() {
    log("process_start", Map.of("input", params().inputPath(), "batch_size", params().batchSize()));
    for (int i = 0; i < TOTAL_ITEMS; i++) {
      setProgress(i + 1, TOTAL_ITEMS);
      if (params().verbose()) {
        log("item_processed", Map.of("index", i));
      }
    }
    setMetrics(Map.of("items_processed", TOTAL_ITEMS, "batches", (TOTAL_ITEMS + params().batchSize() - 1) / params().batchSize()),
        "process");
    return new ProcessResult("completed", params().outputPath(), TOTAL_ITEMS);
  }
}
