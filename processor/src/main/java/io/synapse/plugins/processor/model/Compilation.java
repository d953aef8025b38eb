package io.synapse.plugins.processor.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from one compilation: the plugin (absent when only {@code @Params} records were
 * found) and every params and result record, sorted by qualified name.
 */
public record Compilation(Optional<PluginModel> plugin, List<ActionModel> actions, List<RecordModel> records) {

  /** The records by qualified name, in the same order. */
  public Map<String, RecordModel> recordsByName() {
    Map<String, RecordModel> byName = new LinkedHashMap<>();
    for (RecordModel record : records) {
      byName.put(record.qualifiedName(), record);
    }
    return byName;
  }
}
