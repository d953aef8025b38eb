package io.synapse.plugins.kits.client;

import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.internal.KitJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Synapse backend over HTTP, with the endpoints and payload shapes of the platform's v1 API
 * (and its v2 API for the two deletes v1 lacks). Token auth, timeouts and retries are those of
 * {@link HttpSettings}; every failure is a {@link BackendError}. Thread-safe.
 */
public final class HttpBackendClient implements BackendClient {
  private static final int PAGE_SIZE = 100;
  /** Files above this size are uploaded in chunks ({@code chunked_upload/}), as the platform client does. */
  static final long CHUNKED_UPLOAD_THRESHOLD = 50L * 1024 * 1024;

  private final HttpSettings settings;
  private final HttpTransport transport;

  /** A client with {@code settings}. */
  public HttpBackendClient(HttpSettings settings) {
    this(settings, duration -> Thread.sleep(duration.toMillis()));
  }

  HttpBackendClient(HttpSettings settings, HttpTransport.Sleeper sleeper) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.transport = new HttpTransport(settings, sleeper);
  }

  /** The settings (tokens masked in their {@code toString}). */
  public HttpSettings settings() {
    return settings;
  }

  @Override
  public String describe() {
    return settings.baseUrl().toString();
  }

  @Override
  public String toString() {
    return "HttpBackendClient[" + settings + "]";
  }

  @Override
  public GroundTruthVersion getGroundTruthVersion(long versionId) {
    Map<String, Object> json = object("GET", "ground_truth_dataset_versions/" + versionId + "/", Map.of(), null);
    return new GroundTruthVersion(KitJson.requireLong(json, "id"), KitJson.str(json, "name"),
        KitJson.longOrNull(json, "ground_truth_dataset"));
  }

  @Override
  public long listGroundTruthEvents(long versionId, Map<String, String> filters, Consumer<GroundTruthEvent> each) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("fields", List.of("category", "files", "data"));
    query.put("expand", List.of("data"));
    query.put("ground_truth_dataset_versions", versionId);
    query.putAll(filters);
    return pages("sdk/ground_truth_events/", query, row -> each.accept(Records.event(row)));
  }

  @Override
  public Path download(String url, Path target) {
    return transport.download(url, target);
  }

  @Override
  public ModelRecord createModel(ModelCreate model, Path archive) {
    if (!Files.isRegularFile(archive)) {
      throw BackendError.invalid("model file " + archive + " does not exist", Map.of("file", archive.toString()));
    }
    Object uploadId = chunkedUpload(archive);
    Map<String, Object> body = model.toJson();
    body.put("chunked_upload", uploadId);
    return Records.model(object("POST", "models/", Map.of(), HttpTransport.Body.json(body)));
  }

  @Override
  public ModelRecord getModel(long modelId) {
    return Records.model(object("GET", "models/" + modelId + "/", Map.of(), null));
  }

  @Override
  public void deleteModel(long modelId) {
    transport.json("DELETE", "v2/models/" + modelId + "/", Map.of(), null, Map.of());
  }

  @Override
  public StorageRecord getStorage(long storageId) {
    return Records.storage(object("GET", "storages/" + storageId + "/", Map.of("with_configuration", "true"), null));
  }

  @Override
  public Project getProject(long projectId) {
    return Records.project(object("GET", "projects/" + projectId + "/", Map.of(), null));
  }

  @Override
  public DataCollection getDataCollection(long collectionId) {
    return Records.collection(object("GET", "data_collections/" + collectionId + "/", Map.of("expand", "file_specifications"), null));
  }

  @Override
  public DataFile createDataFile(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw BackendError.invalid("file " + file + " cannot be read: " + e.getMessage(), Map.of("file", file.toString()));
    }
    Map<String, Object> json;
    if (size > CHUNKED_UPLOAD_THRESHOLD) {
      Object uploadId = chunkedUpload(file);
      json = object("POST", "data_files/", Map.of(), HttpTransport.Body.json(Map.of("chunked_upload", uploadId)));
    } else {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw BackendError.invalid("file " + file + " cannot be read: " + e.getMessage(), Map.of("file", file.toString()));
      }
      Multipart parts = new Multipart().file("file", file.getFileName().toString(), bytes);
      json = object("POST", "data_files/", Map.of(), HttpTransport.Body.multipart(parts));
    }
    return Records.dataFile(json);
  }

  @Override
  public List<PresignedUpload.Target> requestPresignedUpload(List<PresignedUpload.FileInfo> files, int expirationSeconds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("files", files.stream().map(PresignedUpload.FileInfo::toJson).toList());
    body.put("expiration", expirationSeconds);
    String path = "data_files/presigned_upload/upload/";
    Map<String, Object> json = object("POST", path, Map.of(), HttpTransport.Body.json(body));
    List<PresignedUpload.Target> targets = new ArrayList<>();
    try {
      for (Object item : KitJson.asList(json.get("files"))) {
        targets.add(PresignedUpload.Target.fromJson(KitJson.asMap(item)));
      }
    } catch (IllegalArgumentException e) {
      throw BackendError.badResponse("POST", "/" + path, e.getMessage());
    }
    if (targets.size() != files.size()) {
      throw BackendError.badResponse("POST", "/" + path, "asked for " + files.size() + " targets, got " + targets.size());
    }
    return targets;
  }

  @Override
  public String putPresigned(String url, Path file, long offset, long length, String contentType) {
    return transport.putOnce(url, file, offset, length, contentType);
  }

  @Override
  public List<PresignedUpload.Confirmed> confirmPresignedUpload(List<PresignedUpload.Uploaded> files) {
    String path = "data_files/presigned_upload/confirm_upload/";
    Map<String, Object> json = object("POST", path, Map.of(),
        HttpTransport.Body.json(Map.of("files", files.stream().map(PresignedUpload.Uploaded::toJson).toList())));
    List<PresignedUpload.Confirmed> confirmed = new ArrayList<>();
    try {
      for (Object item : KitJson.asList(json.get("results"))) {
        confirmed.add(PresignedUpload.Confirmed.fromJson(KitJson.asMap(item)));
      }
    } catch (IllegalArgumentException e) {
      throw BackendError.badResponse("POST", "/" + path, e.getMessage());
    }
    return confirmed;
  }

  @Override
  public boolean deleteDataFile(long fileId) {
    return false;
  }

  @Override
  public List<DataUnit> createDataUnits(List<DataUnitCreate> units) {
    if (units.isEmpty()) {
      return List.of();
    }
    Object body = units.size() == 1 ? units.get(0).toJson() : units.stream().map(DataUnitCreate::toJson).toList();
    Object answer = transport.json("POST", "data_units/", Map.of(), HttpTransport.Body.json(body), Map.of());
    List<DataUnit> created = new ArrayList<>();
    List<Object> rows = answer instanceof List<?> list ? new ArrayList<>(list)
        : answer instanceof Map<?, ?> map && map.get("results") instanceof List<?> results ? new ArrayList<>(results)
        : answer == null ? List.of() : List.of(answer);
    for (Object row : rows) {
      created.add(Records.dataUnit(KitJson.asMap(row)));
    }
    if (created.size() != units.size()) {
      throw BackendError.badResponse("POST", "/data_units/", "asked for " + units.size() + " data units, the answer lists " + created.size());
    }
    return created;
  }

  @Override
  public void deleteDataUnit(long unitId) {
    transport.json("DELETE", "v2/data-units/" + unitId + "/", Map.of(), null, Map.of());
  }

  @Override
  public DataUnit getDataUnit(long unitId) {
    return Records.dataUnit(object("GET", "data_units/" + unitId + "/", Map.of("expand", "files"), null));
  }

  @Override
  public long listExportRows(ExportTarget target, Map<String, String> filters, Consumer<ExportRow> each) {
    if (!filters.containsKey(target.requiredFilter())) {
      throw BackendError.invalid("a " + target.value() + " export needs the filter '" + target.requiredFilter() + "'",
          Map.of("target", target.value(), "missing", target.requiredFilter()));
    }
    Map<String, Object> query = new LinkedHashMap<>(filters);
    switch (target) {
      case TASK -> query.put("expand", List.of("data_unit"));
      case GROUND_TRUTH -> {
        query.put("ground_truth_dataset_versions", query.remove("ground_truth_dataset_version"));
        query.put("expand", "data");
      }
      case ASSIGNMENT -> query.put("expand", "data");
    }
    return pages(target.path(), query, row -> each.accept(Records.exportRow(row)));
  }

  @Override
  public List<Long> listTaskIds(long projectId, Map<String, String> filters) {
    Map<String, Object> query = new LinkedHashMap<>(filters);
    query.put("fields", "id");
    query.put("project", projectId);
    List<Long> ids = new ArrayList<>();
    pages("sdk/tasks/", query, row -> ids.add(KitJson.requireLong(row, "id")));
    return ids;
  }

  @Override
  public Task getTask(long taskId) {
    return Records.task(object("GET", "tasks/" + taskId + "/", Map.of("fields", "id,data,data_unit", "expand", "data_unit"), null));
  }

  @Override
  public void annotateTaskData(long taskId, Map<String, Object> data, String schema) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", "submit");
    body.put("data", data);
    transport.json("PUT", "tasks/" + taskId + "/annotate_task_data/", schema == null ? Map.of() : Map.of("schema", schema),
        HttpTransport.Body.json(body), Map.of());
  }

  @Override
  public JobRecord getJob(String jobId) {
    return Records.job(object("GET", "jobs/" + segment(jobId) + "/", Map.of(), null));
  }

  @Override
  public JobRecord updateJob(String jobId, JobUpdate update) {
    return Records.job(object("PATCH", "jobs/" + segment(jobId) + "/", Map.of(), HttpTransport.Body.json(update.toJson())));
  }

  @Override
  public void createLogs(List<JobLog> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Object body = entries.size() == 1 ? entries.get(0).toJson() : entries.stream().map(JobLog::toJson).toList();
    transport.json("POST", "logs/", Map.of(), HttpTransport.Body.json(body), Map.of());
  }

  @Override
  public PluginRelease getPluginRelease(long releaseId) {
    return Records.release(object("GET", "plugin_releases/" + releaseId + "/", Map.of(), null));
  }

  @Override
  public Object runPlugin(String pluginCode, PluginRun run) {
    return transport.json("POST", "plugins/" + segment(pluginCode) + "/run/", Map.of(), HttpTransport.Body.json(run.toJson()), Map.of());
  }

  /**
   * Uploads {@code file} in chunks ({@code PUT chunked_upload/} with {@code Content-Range}, then
   * {@code POST} of the MD5 to the upload's URL) and returns the upload's id.
   */
  Object chunkedUpload(Path file) {
    long total;
    String md5;
    try {
      total = Files.size(file);
      md5 = FileTrees.md5(file);
    } catch (IOException e) {
      throw BackendError.invalid("file " + file + " cannot be read: " + e.getMessage(), Map.of("file", file.toString()));
    }
    String url = "chunked_upload/";
    Object uploadId = null;
    long offset = 0;
    byte[] buffer = new byte[(int) Math.min(settings.chunkSize(), Math.max(total, 1))];
    try (InputStream in = Files.newInputStream(file)) {
      while (offset < total) {
        int read = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, total - offset));
        byte[] chunk = read == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, read);
        Multipart parts = new Multipart().field("filename", file.getFileName().toString()).file("file", file.getFileName().toString(), chunk);
        Map<String, Object> answer = object("PUT", url, Map.of(), HttpTransport.Body.multipart(parts),
            Map.of("Content-Range", "bytes " + offset + "-" + (offset + read - 1) + "/" + total));
        uploadId = answer.get("id");
        String next = KitJson.str(answer, "url");
        Long newOffset = KitJson.longOrNull(answer, "offset");
        if (uploadId == null || next == null || newOffset == null || newOffset != offset + read) {
          throw BackendError.badResponse("PUT", "/chunked_upload/", "a chunk answer needs id, url and the new offset " + (offset + read));
        }
        url = next;
        offset = newOffset;
      }
    } catch (IOException e) {
      throw BackendError.invalid("file " + file + " cannot be read: " + e.getMessage(), Map.of("file", file.toString()));
    }
    if (uploadId == null) {
      throw BackendError.invalid("file " + file + " is empty; the platform does not take empty uploads", Map.of("file", file.toString()));
    }
    object("POST", url, Map.of(), HttpTransport.Body.json(Map.of("md5", md5)));
    return uploadId;
  }

  private long pages(String path, Map<String, Object> query, Consumer<Map<String, Object>> each) {
    Map<String, Object> first = new LinkedHashMap<>(query);
    first.putIfAbsent("page_size", PAGE_SIZE);
    Map<String, Object> page = object("GET", path, first, null);
    Long count = KitJson.longOrNull(page, "count");
    int seen = 0;
    int pages = 0;
    while (true) {
      for (Object row : KitJson.asList(page.get("results"))) {
        each.accept(KitJson.asMap(row));
        seen++;
      }
      String next = KitJson.str(page, "next");
      if (next == null || next.isBlank()) {
        break;
      }
      if (++pages > 1_000_000) {
        throw BackendError.badResponse("GET", "/" + path, "more than a million pages");
      }
      page = object("GET", next, Map.of(), null);
    }
    return count == null ? seen : count;
  }

  private Map<String, Object> object(String method, String path, Map<String, ?> query, HttpTransport.Body body) {
    return object(method, path, query, body, Map.of());
  }

  private Map<String, Object> object(String method, String path, Map<String, ?> query, HttpTransport.Body body, Map<String, String> headers) {
    Object answer = transport.json(method, path, query, body, headers);
    if (!(answer instanceof Map<?, ?>)) {
      throw BackendError.badResponse(method, "/" + path.replaceFirst("^https?://[^/]+/", ""), "expected a JSON object, got " + KitJson.kind(answer));
    }
    try {
      return KitJson.asMap(answer);
    } catch (IllegalArgumentException e) {
      throw BackendError.badResponse(method, "/" + path, e.getMessage());
    }
  }

  private static String segment(String value) {
    if (value == null || value.isBlank() || !value.matches("[A-Za-z0-9._@-]+")) {
      throw BackendError.invalid("'" + (value == null ? "" : value.replaceAll("[^A-Za-z0-9._@-]", "?")) + "' is not a valid id or code",
          Map.of());
    }
    return value;
  }

}
