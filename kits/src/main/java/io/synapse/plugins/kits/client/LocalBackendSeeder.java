package io.synapse.plugins.kits.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the records a platform would already hold into a local backend tree: storages, projects,
 * data collections, ground-truth datasets and their events, data units, tasks, assignments and
 * plugin releases. Files are copied into the tree. For examples, tests and trying kits without a
 * platform; get one from {@link LocalBackendClient#seeder()}.
 */
public final class LocalBackendSeeder {
  private final LocalStore store;

  LocalBackendSeeder(LocalStore store) {
    this.store = store;
  }

  /** A {@code file_system} storage at {@code location}. */
  public StorageRecord storage(String name, Path location) {
    long id = store.claim(LocalKinds.STORAGES);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("name", name);
    json.put("category", "internal");
    json.put("provider", "file_system");
    json.put("configuration", Map.of("location", location.toAbsolutePath().normalize().toString()));
    json.put("is_default", false);
    store.write(LocalKinds.STORAGES, id, json);
    return Records.storage(json);
  }

  /** An {@code http} storage publishing to {@code baseUrl} with {@code headers} (which may hold credentials). */
  public StorageRecord httpStorage(String name, String baseUrl, Map<String, String> headers) {
    long id = store.claim(LocalKinds.STORAGES);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("name", name);
    json.put("category", "external");
    json.put("provider", "http");
    json.put("configuration", Map.of("base_url", baseUrl, "headers", headers, "timeout", 30));
    json.put("is_default", false);
    store.write(LocalKinds.STORAGES, id, json);
    return Records.storage(json);
  }

  /** A data collection with {@code specifications}. */
  public DataCollection dataCollection(String name, List<FileSpecification> specifications) {
    long id = store.claim(LocalKinds.COLLECTIONS);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("name", name);
    json.put("file_specifications", specifications.stream().map(FileSpecification::toJson).toList());
    store.write(LocalKinds.COLLECTIONS, id, json);
    return Records.collection(json);
  }

  /** A project over data collection {@code dataCollection} (null for none) with an annotation configuration. */
  public Project project(String title, Long dataCollection, Map<String, Object> configuration) {
    long id = store.claim(LocalKinds.PROJECTS);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("title", title);
    json.put("data_collection", dataCollection);
    json.put("configuration", configuration);
    store.write(LocalKinds.PROJECTS, id, json);
    return Records.project(json);
  }

  /** A ground-truth dataset version. */
  public GroundTruthVersion groundTruthVersion(String name) {
    long id = store.claim(LocalKinds.GT_VERSIONS);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("name", name);
    json.put("ground_truth_dataset", id);
    store.write(LocalKinds.GT_VERSIONS, id, json);
    return new GroundTruthVersion(id, name, id);
  }

  /**
   * A ground-truth event of version {@code versionId}: DM v2 annotation {@code data} and its files
   * (key to source file, copied into the tree); the first key is the primary file.
   *
   * @param category the split ({@code train}, {@code validation}, {@code test}), or null
   */
  public GroundTruthEvent groundTruthEvent(long versionId, String category, Map<String, Object> data, Map<String, Path> files) {
    store.require(LocalKinds.GT_VERSIONS, versionId);
    long id = store.claim(LocalKinds.GT_EVENTS);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("ground_truth_dataset_version", versionId);
    json.put("category", category);
    json.put("data", data);
    json.put("files", copyFiles(LocalKinds.GT_EVENTS, id, files));
    store.write(LocalKinds.GT_EVENTS, id, json);
    return Records.event(withUrls(json));
  }

  /** A data unit of {@code dataCollection} with its files (specification name to source file; the first is primary). */
  public DataUnit dataUnit(long dataCollection, Map<String, Path> files, Map<String, Object> meta) {
    store.require(LocalKinds.COLLECTIONS, dataCollection);
    long id = store.claim(LocalKinds.DATA_UNITS);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("data_collection", dataCollection);
    json.put("files", copyFiles(LocalKinds.DATA_UNITS, id, files));
    json.put("meta", meta);
    store.write(LocalKinds.DATA_UNITS, id, json);
    return Records.dataUnit(withUrls(json));
  }

  /** A task of {@code project} on data unit {@code dataUnit} with task {@code data}. */
  public Task task(long project, long dataUnit, Map<String, Object> data) {
    return row(LocalKinds.TASKS, project, dataUnit, data);
  }

  /** An assignment of {@code project} on data unit {@code dataUnit} with annotation {@code data}. */
  public Task assignment(long project, long dataUnit, Map<String, Object> data) {
    return row(LocalKinds.ASSIGNMENTS, project, dataUnit, data);
  }

  /** A release of plugin {@code code}, with its config. */
  public PluginRelease pluginRelease(String code, String version, Map<String, Object> config) {
    long id = store.claim(LocalKinds.RELEASES);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("version", version);
    Map<String, Object> withCode = new LinkedHashMap<>(config);
    withCode.put("code", code);
    json.put("config", withCode);
    json.put("plugin", Map.of("code", code));
    store.write(LocalKinds.RELEASES, id, json);
    return Records.release(json);
  }

  private Task row(String kind, long project, long dataUnit, Map<String, Object> data) {
    store.require(LocalKinds.PROJECTS, project);
    store.require(LocalKinds.DATA_UNITS, dataUnit);
    long id = store.claim(kind);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("project", project);
    json.put("data_unit", dataUnit);
    json.put("data", data);
    store.write(kind, id, json);
    return new Task(id, project, data, null);
  }

  private Map<String, Object> copyFiles(String kind, long id, Map<String, Path> files) {
    Map<String, Object> json = new LinkedHashMap<>();
    boolean first = true;
    Path dir = store.dir(kind, id);
    for (Map.Entry<String, Path> file : files.entrySet()) {
      Path source = file.getValue();
      Path target = dir.resolve(file.getKey() + "__" + LocalBackendClient.safeName(source.getFileName().toString()));
      try {
        Files.copy(source, target);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", store.root().relativize(target).toString());
        entry.put("file_name_original", source.getFileName().toString());
        entry.put("file_type", isImage(source) ? "image" : "data");
        entry.put("is_primary", first);
        entry.put("checksum", io.synapse.plugins.kits.internal.FileTrees.sha1(target));
        entry.put("size", Files.size(target));
        json.put(file.getKey(), entry);
      } catch (IOException e) {
        throw BackendError.storage("cannot copy " + source + " into the local backend: " + e.getMessage(), e);
      }
      first = false;
    }
    return json;
  }

  private Map<String, Object> withUrls(Map<String, Object> json) {
    Map<String, Object> copy = new LinkedHashMap<>(json);
    Map<String, Object> files = new LinkedHashMap<>();
    io.synapse.plugins.kits.internal.KitJson.asMap(json.get("files")).forEach((key, value) -> {
      Map<String, Object> file = io.synapse.plugins.kits.internal.KitJson.asMap(value);
      file.put("url", store.url(store.root().resolve(String.valueOf(file.get("path")))));
      files.put(key, file);
    });
    copy.put("files", files);
    return copy;
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".bmp")
        || name.endsWith(".webp") || name.endsWith(".gif");
  }
}
