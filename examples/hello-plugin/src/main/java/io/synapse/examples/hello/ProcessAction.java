package io.synapse.examples.hello;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.action.BaseAction;
import java.util.Map;

/** Process files with progress tracking. */
@PluginAction(
    name = "process",
    title = "Process Files",
    description = "Process input files with batch processing",
    method = RunMethod.TASK)
public final class ProcessAction extends BaseAction<ProcessParams, ProcessResult> {
  /** How many items the simulated input holds. */
  static final int TOTAL_ITEMS = 100;

  @Override
  public ProcessResult execute() {
    logger().log(System.Logger.Level.INFO, "Processing {0} in batches of {1}", params().inputPath(), params().batchSize());
    log("process_start", Map.of("input", params().inputPath(), "batch_size", params().batchSize()));
    for (int i = 0; i < TOTAL_ITEMS; i++) {
      setProgress(i + 1, TOTAL_ITEMS);
      if (params().verbose()) {
        log("item_processed", Map.of("index", i));
      }
    }
    setMetrics(Map.of("items_processed", TOTAL_ITEMS, "batches", (TOTAL_ITEMS + params().batchSize() - 1) / params().batchSize()),
        "process");
    ctx().logMessage(Map.of("en", "Processed " + TOTAL_ITEMS + " items", "ko", TOTAL_ITEMS + "개 항목을 처리했습니다"));
    return new ProcessResult("completed", params().outputPath(), TOTAL_ITEMS);
  }
}
