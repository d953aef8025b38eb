package io.synapse.plugins.kits.client;

import java.util.Map;

/**
 * One ground-truth event of a dataset version: an annotated data unit.
 *
 * @param id the event id
 * @param category its split category ({@code train}, {@code validation}, {@code test}), or null
 * @param data the annotation data (DM JSON, or {@code annotations}/{@code annotationsData})
 * @param files the unit's files by key ({@code image_1}, {@code data_meta_1}, ...)
 */
public record GroundTruthEvent(long id, String category, Map<String, Object> data, Map<String, FileRef> files) {
  /** Copies the parts. */
  public GroundTruthEvent {
    data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    files = files == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
  }
}
