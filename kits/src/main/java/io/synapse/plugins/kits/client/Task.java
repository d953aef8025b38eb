package io.synapse.plugins.kits.client;

import java.util.Map;

/**
 * An annotation task.
 *
 * @param id the task id
 * @param project its project, or null when the platform did not say
 * @param data its current task data
 * @param dataUnit its data unit (with files when expanded), or null
 */
public record Task(long id, Long project, Map<String, Object> data, DataUnit dataUnit) {
  /** Copies the data. */
  public Task {
    data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
  }
}
