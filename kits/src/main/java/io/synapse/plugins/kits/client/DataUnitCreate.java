package io.synapse.plugins.kits.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data unit to create: the platform's {@code DataUnitCreateRequest}.
 *
 * @param dataCollection the collection it joins
 * @param files its files by specification name, each the uploaded file's checksum and the path it came from
 * @param meta free-form metadata
 * @param groups data group names, outermost first; empty for none
 */
public record DataUnitCreate(long dataCollection, Map<String, DataUnitFile> files, Map<String, Object> meta, List<String> groups) {
  /** Copies the parts. */
  public DataUnitCreate {
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** The request body. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("data_collection", dataCollection);
    Map<String, Object> fileJson = new LinkedHashMap<>();
    files.forEach((name, file) -> fileJson.put(name, Map.of("checksum", file.checksum(), "path", file.path())));
    json.put("files", fileJson);
    json.put("meta", meta);
    if (!groups.isEmpty()) {
      json.put("groups", groups);
    }
    return json;
  }

  /**
   * One file of a data unit to create.
   *
   * @param checksum the uploaded data file's checksum
   * @param path the path it was uploaded from (relative to the upload root)
   */
  public record DataUnitFile(String checksum, String path) {}
}
