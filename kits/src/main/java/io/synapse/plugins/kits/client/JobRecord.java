package io.synapse.plugins.kits.client;

import java.util.Map;

/**
 * A platform job.
 *
 * @param id the job id
 * @param status {@code PENDING}, {@code RUNNING}, {@code STOPPED}, {@code SUCCEEDED} or {@code FAILED}
 * @param raw the whole record as the platform sent it
 */
public record JobRecord(String id, String status, Map<String, Object> raw) {
  /** Copies the record. */
  public JobRecord {
    raw = raw == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
  }
}
