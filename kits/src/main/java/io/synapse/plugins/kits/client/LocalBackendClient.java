package io.synapse.plugins.kits.client;

import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.internal.KitJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A backend kept in a directory tree: datasets, models, storages, projects, data collections, files,
 * data units, tasks and jobs as JSON records with their files beside them (see {@link LocalStore}).
 * The kits' default when no Synapse backend is configured, so every kit runs end to end on one
 * machine; {@link LocalBackendSeeder} adds the records a platform would already have. Several JVMs
 * (TASK workers, JOB entrypoints) may share one tree.
 *
 * <p>{@link #runPlugin} runs the plugin in this JVM, LOCAL, with the environment this client was made
 * with, and records the run under {@code plugin_runs/}.
 */
public final class LocalBackendClient implements BackendClient {
  private static final Set<String> ROW_FILTERS = Set.of("project", "ground_truth_dataset_version",
      "ground_truth_dataset_versions", "category", "data_collection");

  /** Files above this size get multipart targets from the local backend (small, so tests see both shapes). */
  static final long MULTIPART_THRESHOLD = 256L * 1024;
  /** The part size of the local backend's multipart targets. */
  static final long MULTIPART_PART_SIZE = 100L * 1024;
  private final LocalStore store;
  private final LocalPresigned presigned;
  private final PluginRunnerHook plugins;

  /** Runs a plugin action for {@link #runPlugin}; the default runs it LOCAL in this JVM. */
  @FunctionalInterface
  public interface PluginRunnerHook {
    /** Runs {@code action} of plugin {@code code} with {@code params}; returns its result as a JSON-like value. */
    Object run(String code, String action, Map<String, Object> params);
  }

  /** A client of the tree at {@code root} (created when missing), running plugins LOCAL with an empty environment. */
  public LocalBackendClient(Path root) {
    this(root, LocalPluginRuns.inProcess(Map.of()));
  }

  /** A client of the tree at {@code root} running plugins with {@code plugins}. */
  public LocalBackendClient(Path root, PluginRunnerHook plugins) {
    this.store = new LocalStore(Objects.requireNonNull(root, "root"));
    this.presigned = new LocalPresigned(store.root(), MULTIPART_THRESHOLD, MULTIPART_PART_SIZE);
    this.plugins = Objects.requireNonNull(plugins, "plugins");
    try {
      Files.createDirectories(store.root());
    } catch (IOException e) {
      throw BackendError.storage("cannot create the local backend directory " + store.root() + ": " + e.getMessage(), e);
    }
  }

  /** The tree's root directory. */
  public Path root() {
    return store.root();
  }

  /** A seeder writing records into this tree. */
  public LocalBackendSeeder seeder() {
    return new LocalBackendSeeder(store);
  }

  @Override
  public String describe() {
    return "local:" + store.root();
  }

  @Override
  public GroundTruthVersion getGroundTruthVersion(long versionId) {
    Map<String, Object> json = store.require(LocalKinds.GT_VERSIONS, versionId);
    return new GroundTruthVersion(versionId, KitJson.str(json, "name"), KitJson.longOrNull(json, "ground_truth_dataset"));
  }

  @Override
  public long listGroundTruthEvents(long versionId, Map<String, String> filters, Consumer<GroundTruthEvent> each) {
    getGroundTruthVersion(versionId);
    Map<String, String> all = new LinkedHashMap<>(filters);
    all.put("ground_truth_dataset_version", Long.toString(versionId));
    List<Map<String, Object>> rows = matching(LocalKinds.GT_EVENTS, all);
    for (Map<String, Object> row : rows) {
      each.accept(Records.event(withFileUrls(row)));
    }
    return rows.size();
  }

  @Override
  public Path download(String url, Path target) {
    Path source = store.fileOf(url);
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw BackendError.storage("cannot copy " + store.root().relativize(source) + " to " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ModelRecord createModel(ModelCreate model, Path archive) {
    if (!Files.isRegularFile(archive)) {
      throw BackendError.invalid("model file " + archive + " does not exist", Map.of("file", archive.toString()));
    }
    for (Map<String, Object> existing : store.all(LocalKinds.MODELS)) {
      if (model.name().equals(existing.get("name"))) {
        throw BackendError.invalid("a model named '" + model.name() + "' exists already (id " + existing.get("id") + ")",
            Map.of("name", model.name()));
      }
    }
    long id = store.claim(LocalKinds.MODELS);
    Path dir = store.dir(LocalKinds.MODELS, id);
    try {
      Path file = dir.resolve(safeName(archive.getFileName().toString()));
      Files.copy(archive, file);
      Map<String, Object> json = model.toJson();
      json.put("id", id);
      json.put("path", store.root().relativize(file).toString());
      json.put("category", model.checkpoint() == null ? "base" : "fine-tuned");
      store.write(LocalKinds.MODELS, id, json);
      return getModel(id);
    } catch (IOException e) {
      abandon(dir);
      throw BackendError.storage("cannot store model " + model.name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ModelRecord getModel(long modelId) {
    Map<String, Object> json = store.require(LocalKinds.MODELS, modelId);
    json.put("file", urlOf(json));
    return Records.model(json);
  }

  @Override
  public void deleteModel(long modelId) {
    if (!store.delete(LocalKinds.MODELS, modelId)) {
      throw BackendError.notFound("model", modelId);
    }
  }

  @Override
  public StorageRecord getStorage(long storageId) {
    return Records.storage(store.require(LocalKinds.STORAGES, storageId));
  }

  @Override
  public Project getProject(long projectId) {
    return Records.project(store.require(LocalKinds.PROJECTS, projectId));
  }

  @Override
  public DataCollection getDataCollection(long collectionId) {
    return Records.collection(store.require(LocalKinds.COLLECTIONS, collectionId));
  }

  @Override
  public DataFile createDataFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw BackendError.invalid("file " + file + " does not exist", Map.of("file", file.toString()));
    }
    long id = store.claim(LocalKinds.DATA_FILES);
    Path dir = store.dir(LocalKinds.DATA_FILES, id);
    try {
      Path stored = dir.resolve(safeName(file.getFileName().toString()));
      Files.copy(file, stored);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("checksum", FileTrees.sha1(stored));
      json.put("size", Files.size(stored));
      json.put("path", store.root().relativize(stored).toString());
      store.write(LocalKinds.DATA_FILES, id, json);
      json.put("file", store.url(stored));
      return Records.dataFile(json);
    } catch (IOException e) {
      abandon(dir);
      throw BackendError.storage("cannot store " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<PresignedUpload.Target> requestPresignedUpload(List<PresignedUpload.FileInfo> files, int expirationSeconds) {
    return presigned.request(files);
  }

  @Override
  public String putPresigned(String url, Path file, long offset, long length, String contentType) {
    return presigned.put(url, file, offset, length);
  }

  @Override
  public List<PresignedUpload.Confirmed> confirmPresignedUpload(List<PresignedUpload.Uploaded> files) {
    return presigned.confirm(files, this::createDataFile);
  }

  @Override
  public boolean deleteDataFile(long fileId) {
    if (!store.delete(LocalKinds.DATA_FILES, fileId)) {
      throw BackendError.notFound("data file", fileId);
    }
    return true;
  }

  /** How many data files the tree holds (for checks after a rollback). */
  public int countDataFiles() {
    return store.all(LocalKinds.DATA_FILES).size();
  }

  @Override
  public List<DataUnit> createDataUnits(List<DataUnitCreate> units) {
    Map<String, Map<String, Object>> byChecksum = new LinkedHashMap<>();
    for (Map<String, Object> file : store.all(LocalKinds.DATA_FILES)) {
      byChecksum.putIfAbsent(KitJson.str(file, "checksum"), file);
    }
    for (DataUnitCreate unit : units) {
      getDataCollection(unit.dataCollection());
      for (Map.Entry<String, DataUnitCreate.DataUnitFile> file : unit.files().entrySet()) {
        if (!byChecksum.containsKey(file.getValue().checksum())) {
          throw BackendError.invalid("data unit file '" + file.getKey() + "' names no uploaded file (checksum "
              + file.getValue().checksum() + ")", Map.of("file", file.getKey()));
        }
      }
    }
    List<DataUnit> created = new ArrayList<>();
    for (DataUnitCreate unit : units) {
      long id = store.claim(LocalKinds.DATA_UNITS);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("data_collection", unit.dataCollection());
      Map<String, Object> files = new LinkedHashMap<>();
      unit.files().forEach((name, file) -> {
        Map<String, Object> stored = byChecksum.get(file.checksum());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", stored.get("path"));
        entry.put("file_name_original", Path.of(file.path()).getFileName().toString());
        entry.put("checksum", file.checksum());
        entry.put("size", stored.get("size"));
        entry.put("data_file", stored.get("id"));
        files.put(name, entry);
      });
      json.put("files", files);
      json.put("meta", unit.meta());
      json.put("groups", unit.groups());
      store.write(LocalKinds.DATA_UNITS, id, json);
      created.add(getDataUnit(id));
    }
    return created;
  }

  @Override
  public void deleteDataUnit(long unitId) {
    if (!store.delete(LocalKinds.DATA_UNITS, unitId)) {
      throw BackendError.notFound("data unit", unitId);
    }
  }

  /** How many data units the tree holds (for checks after a rollback). */
  public int countDataUnits() {
    return store.all(LocalKinds.DATA_UNITS).size();
  }

  @Override
  public DataUnit getDataUnit(long unitId) {
    return Records.dataUnit(withFileUrls(store.require(LocalKinds.DATA_UNITS, unitId)));
  }

  @Override
  public long listExportRows(ExportTarget target, Map<String, String> filters, Consumer<ExportRow> each) {
    String required = target.requiredFilter();
    if (!filters.containsKey(required)) {
      throw BackendError.invalid("a " + target.value() + " export needs the filter '" + required + "'",
          Map.of("target", target.value(), "missing", required));
    }
    String kind = switch (target) {
      case ASSIGNMENT -> LocalKinds.ASSIGNMENTS;
      case GROUND_TRUTH -> LocalKinds.GT_EVENTS;
      case TASK -> LocalKinds.TASKS;
    };
    if (target == ExportTarget.GROUND_TRUTH) {
      getGroundTruthVersion(Long.parseLong(filters.get(required)));
    }
    List<Map<String, Object>> rows = matching(kind, filters);
    for (Map<String, Object> row : rows) {
      Map<String, Object> json = target == ExportTarget.GROUND_TRUTH ? withFileUrls(row) : withUnitFiles(row);
      each.accept(Records.exportRow(json));
    }
    return rows.size();
  }

  @Override
  public List<Long> listTaskIds(long projectId, Map<String, String> filters) {
    getProject(projectId);
    Map<String, String> all = new LinkedHashMap<>(filters);
    all.put("project", Long.toString(projectId));
    List<Long> ids = new ArrayList<>();
    for (Map<String, Object> row : matching(LocalKinds.TASKS, all)) {
      ids.add(KitJson.requireLong(row, "id"));
    }
    return ids;
  }

  @Override
  public Task getTask(long taskId) {
    return Records.task(withUnitFiles(store.require(LocalKinds.TASKS, taskId)));
  }

  @Override
  public void annotateTaskData(long taskId, Map<String, Object> data, String schema) {
    if (schema != null && !Set.of("dm_schema_v1", "any").contains(schema)) {
      throw BackendError.invalid("schema must be dm_schema_v1 or any", Map.of("task", taskId));
    }
    Map<String, Object> task = store.require(LocalKinds.TASKS, taskId);
    task.put("data", data);
    store.write(LocalKinds.TASKS, taskId, task);
  }

  @Override
  public JobRecord getJob(String jobId) {
    return Records.job(store.require(LocalKinds.JOBS, jobIndex(jobId)));
  }

  @Override
  public JobRecord updateJob(String jobId, JobUpdate update) {
    long id = jobIndex(jobId);
    Map<String, Object> job = store.read(LocalKinds.JOBS, id).orElseGet(() -> {
      Map<String, Object> fresh = new LinkedHashMap<>();
      fresh.put("id", jobId);
      return fresh;
    });
    job.putAll(update.toJson());
    store.write(LocalKinds.JOBS, id, job);
    return Records.job(job);
  }

  @Override
  public void createLogs(List<JobLog> entries) {
    for (JobLog entry : entries) {
      store.appendLine(LocalKinds.JOBS, jobIndex(entry.job()), "logs.jsonl", entry.toJson());
    }
  }

  /** The log entries of a job, in the order they were added (for checks and the local dashboard). */
  public List<Map<String, Object>> jobLogs(String jobId) {
    return store.readLines(LocalKinds.JOBS, jobIndex(jobId), "logs.jsonl");
  }

  @Override
  public PluginRelease getPluginRelease(long releaseId) {
    return Records.release(store.require(LocalKinds.RELEASES, releaseId));
  }

  @Override
  public Object runPlugin(String pluginCode, PluginRun run) {
    Object result = plugins.run(pluginCode, run.action(), run.params());
    long id = store.claim(LocalKinds.PLUGIN_RUNS);
    Map<String, Object> record = new LinkedHashMap<>(run.toJson());
    record.put("id", id);
    record.put("plugin", pluginCode);
    record.put("result", result);
    store.write(LocalKinds.PLUGIN_RUNS, id, record);
    return result;
  }

  /** The plugin runs recorded so far, oldest first. */
  public List<Map<String, Object>> pluginRuns() {
    return store.all(LocalKinds.PLUGIN_RUNS);
  }

  // Job ids on the platform are strings (UUIDs); the tree keys them by a stable positive number.
  private static long jobIndex(String jobId) {
    if (jobId == null || jobId.isBlank()) {
      throw BackendError.invalid("a job id is required", Map.of());
    }
    if (jobId.matches("[1-9][0-9]{0,17}")) {
      return Long.parseLong(jobId);
    }
    return (jobId.hashCode() & 0x7fffffffL) + 1_000_000_000L;
  }

  private List<Map<String, Object>> matching(String kind, Map<String, String> filters) {
    for (String key : filters.keySet()) {
      if (!ROW_FILTERS.contains(key)) {
        throw BackendError.invalid("the local backend does not support the filter '" + key + "'; supported: "
            + new java.util.TreeSet<>(ROW_FILTERS), Map.of("filter", key));
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : store.all(kind)) {
      boolean keep = true;
      for (Map.Entry<String, String> filter : filters.entrySet()) {
        String key = filter.getKey().equals("ground_truth_dataset_versions") ? "ground_truth_dataset_version" : filter.getKey();
        if (!filter.getValue().equals(String.valueOf(row.get(key)))) {
          keep = false;
          break;
        }
      }
      if (keep) {
        rows.add(row);
      }
    }
    return rows;
  }

  private Map<String, Object> withUnitFiles(Map<String, Object> row) {
    Long unitId = KitJson.longOrNull(row, "data_unit");
    if (unitId == null) {
      return row;
    }
    Map<String, Object> unit = withFileUrls(store.require(LocalKinds.DATA_UNITS, unitId));
    Map<String, Object> copy = new LinkedHashMap<>(row);
    copy.put("data_unit", unit);
    return copy;
  }

  private Map<String, Object> withFileUrls(Map<String, Object> row) {
    Map<String, Object> copy = new LinkedHashMap<>(row);
    Map<String, Object> files = new LinkedHashMap<>();
    KitJson.asMap(row.get("files")).forEach((key, value) -> {
      Map<String, Object> file = KitJson.asMap(value);
      file.put("url", urlOf(file));
      files.put(key, file);
    });
    copy.put("files", files);
    return copy;
  }

  private String urlOf(Map<String, Object> json) {
    String path = KitJson.str(json, "path");
    return path == null ? null : store.url(store.root().resolve(path));
  }

  private static void abandon(Path dir) {
    try {
      FileTrees.deleteTree(dir);
    } catch (IOException ignored) {
      // A claimed directory without a record is not a record; leaving it is harmless.
    }
  }

  static String safeName(String name) {
    return FileTrees.safeFileName(name, "file");
  }
}
