package io.synapse.plugins.kits.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job update: the platform's {@code UpdateJobRequest}; null fields are left out.
 *
 * @param status the new status ({@code RUNNING}, {@code SUCCEEDED}, ...), or null
 * @param progressRecord the progress record, or null
 * @param metricsRecord the metrics record, or null
 * @param result the job's result, or null
 */
public record JobUpdate(String status, Map<String, Object> progressRecord, Map<String, Object> metricsRecord, Object result) {
  private static final java.util.Set<String> STATUSES = java.util.Set.of("PENDING", "RUNNING", "STOPPED", "SUCCEEDED", "FAILED");

  /** Checks the status. */
  public JobUpdate {
    if (status != null && !STATUSES.contains(status)) {
      throw new IllegalArgumentException("job status must be one of " + new java.util.TreeSet<>(STATUSES));
    }
  }

  /** The request body. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    if (status != null) {
      json.put("status", status);
    }
    if (progressRecord != null) {
      json.put("progress_record", progressRecord);
    }
    if (metricsRecord != null) {
      json.put("metrics_record", metricsRecord);
    }
    if (result != null) {
      json.put("result", result);
    }
    return json;
  }
}
