package io.synapse.plugins.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/** The run store holds no pipeline run with that id. {@code details()} hold {@code run_id} and {@code store}. */
public final class RunNotFoundError extends PluginError {
  private static final long serialVersionUID = 1L;

  /** An error for {@code runId}, unknown to the store described as {@code store}. */
  public RunNotFoundError(String runId, String store) {
    super("pipeline_run_not_found", "No pipeline run '" + runId + "' in the run store " + store, details(runId, store));
  }

  private static Map<String, Object> details(String runId, String store) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("run_id", runId);
    details.put("store", store);
    return details;
  }
}
