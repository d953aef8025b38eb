package io.synapse.plugins.kits.tasks;

import io.synapse.plugins.Params;
import java.util.List;
import java.util.Map;

/**
 * What an {@link AddTaskDataAction} gives.
 *
 * @param status {@code SUCCEEDED} (failed tasks are listed, not fatal)
 * @param message a summary
 * @param totalTasks how many tasks were selected
 * @param successCount how many were annotated
 * @param failedCount how many failed
 * @param failures one entry per failed task: {@code task_id} and {@code error}
 */
@Params
public record AddTaskDataResult(String status, String message, int totalTasks, int successCount, int failedCount,
    List<Map<String, Object>> failures) {}
