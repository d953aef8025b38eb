package io.synapse.plugins.kits.client;

import java.util.Map;

/**
 * One item an export reads: an assignment, a ground-truth event or a task.
 *
 * @param id the item id
 * @param data its annotation data (any JSON value; null when the platform has none)
 * @param files its files by key
 */
public record ExportRow(long id, Object data, Map<String, FileRef> files) {
  /** Copies the files. */
  public ExportRow {
    files = files == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
  }

  /** The primary file, else the first, if any. */
  public java.util.Optional<FileRef> primaryFile() {
    return files.values().stream().filter(FileRef::primary).findFirst().or(() -> files.values().stream().findFirst());
  }
}
