package io.synapse.plugins.kits.client;

import java.util.Map;

/**
 * A data unit: one item of a data collection.
 *
 * @param id the unit id
 * @param dataCollection its collection, or null when the platform did not say
 * @param files its files by specification name
 * @param meta its metadata
 */
public record DataUnit(long id, Long dataCollection, Map<String, FileRef> files, Map<String, Object> meta) {
  /** Copies the parts. */
  public DataUnit {
    files = files == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
  }
}
