package io.synapse.plugins.kits.client;

import io.synapse.plugins.kits.internal.KitJson;
import java.util.List;
import java.util.Map;

/** Reading the platform's JSON objects into the client's records, in one place for both clients. */
final class Records {
  private Records() {}

  static GroundTruthEvent event(Map<String, Object> json) {
    return new GroundTruthEvent(KitJson.requireLong(json, "id"), KitJson.str(json, "category"),
        KitJson.asMap(json.get("data")), FileRef.filesFromJson(json.get("files")));
  }

  static ModelRecord model(Map<String, Object> json) {
    return new ModelRecord(KitJson.requireLong(json, "id"), KitJson.str(json, "name"), KitJson.str(json, "file"),
        KitJson.str(json, "category"), KitJson.longOrNull(json, "checkpoint"), pluginCode(json.get("plugin")),
        KitJson.str(json, "version"), KitJson.asMap(json.get("configuration")));
  }

  private static String pluginCode(Object plugin) {
    if (plugin instanceof Map<?, ?> map) {
      Object code = map.get("code");
      return code == null ? null : String.valueOf(code);
    }
    return plugin == null ? null : String.valueOf(plugin);
  }

  static StorageRecord storage(Map<String, Object> json) {
    return new StorageRecord(KitJson.requireLong(json, "id"), KitJson.str(json, "name"), KitJson.str(json, "category"),
        KitJson.str(json, "provider"), KitJson.asMap(json.get("configuration")), KitJson.bool(json, "is_default", false));
  }

  static Project project(Map<String, Object> json) {
    return new Project(KitJson.requireLong(json, "id"), KitJson.str(json, "title"),
        KitJson.longOrNull(json, "data_collection"), KitJson.asMap(json.get("configuration")));
  }

  static DataCollection collection(Map<String, Object> json) {
    List<FileSpecification> specs = new java.util.ArrayList<>();
    for (Object item : KitJson.asList(json.get("file_specifications"))) {
      Map<String, Object> spec = KitJson.asMap(item);
      List<String> extensions = new java.util.ArrayList<>();
      for (Object extension : KitJson.asList(spec.get("extensions"))) {
        extensions.add(String.valueOf(extension));
      }
      specs.add(new FileSpecification(KitJson.str(spec, "name"), KitJson.bool(spec, "is_required", false),
          KitJson.bool(spec, "is_primary", false), KitJson.str(spec, "file_type"), List.copyOf(extensions)));
    }
    return new DataCollection(KitJson.requireLong(json, "id"), KitJson.str(json, "name"), List.copyOf(specs));
  }

  static DataFile dataFile(Map<String, Object> json) {
    return new DataFile(KitJson.requireLong(json, "id"), KitJson.str(json, "checksum"),
        KitJson.longOrNull(json, "size"), KitJson.str(json, "file"));
  }

  static DataUnit dataUnit(Map<String, Object> json) {
    return new DataUnit(KitJson.requireLong(json, "id"), KitJson.longOrNull(json, "data_collection"),
        FileRef.filesFromJson(json.get("files")), KitJson.asMap(json.get("meta")));
  }

  static Task task(Map<String, Object> json) {
    Object unit = json.get("data_unit");
    DataUnit dataUnit = unit instanceof Map<?, ?> map ? dataUnit(KitJson.asMap(map))
        : unit == null ? null : new DataUnit(KitJson.requireLong(json, "data_unit"), null, Map.of(), Map.of());
    return new Task(KitJson.requireLong(json, "id"), KitJson.longOrNull(json, "project"), KitJson.asMap(json.get("data")), dataUnit);
  }

  static ExportRow exportRow(Map<String, Object> json) {
    Object files = json.get("files");
    if (files == null && json.get("data_unit") instanceof Map<?, ?> unit) {
      files = unit.get("files");
    }
    if (files == null) {
      files = json.get("file");
    }
    Object id = json.containsKey("id") ? json.get("id") : json.get("pgh_id");
    Map<String, Object> withId = new java.util.LinkedHashMap<>(json);
    withId.put("id", id);
    return new ExportRow(KitJson.requireLong(withId, "id"), json.get("data"), FileRef.filesFromJson(files));
  }

  static JobRecord job(Map<String, Object> json) {
    return new JobRecord(KitJson.str(json, "id"), KitJson.str(json, "status"), json);
  }

  static PluginRelease release(Map<String, Object> json) {
    Map<String, Object> config = KitJson.asMap(json.get("config"));
    String code = KitJson.str(config, "code");
    if (code == null) {
      code = pluginCode(json.get("plugin"));
    }
    return new PluginRelease(KitJson.requireLong(json, "id"), code, KitJson.str(json, "version"), config);
  }
}
