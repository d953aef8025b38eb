package io.synapse.plugins.kits.export;

import io.synapse.plugins.kits.client.ExportTarget;
import java.util.Map;

/** What the export kit reads from an action's params record, which implements this interface ({@link ExportParams} does). */
public interface ExportRequest {
  /** The export's name: the export directory's name under {@link #path()}. */
  String name();

  /** The storage to write to (a {@code file_system} storage). */
  long storage();

  /** The directory under the storage's location. */
  String path();

  /** What to export. */
  ExportTarget target();

  /** The filter selecting the items ({@code project}, or {@code ground_truth_dataset_version}, and more). */
  Map<String, Object> filter();

  /** Whether each item's original file is saved next to its data file. */
  default boolean saveOriginalFile() {
    return true;
  }

  /** Extra export params handed to the hooks. */
  default Map<String, Object> extraParams() {
    return Map.of();
  }
}
