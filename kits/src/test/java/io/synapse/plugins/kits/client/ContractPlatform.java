package io.synapse.plugins.kits.client;

import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.internal.KitJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Synapse backend's v1 API as the platform's Python client calls it, on loopback: the endpoints,
 * query parameters and request bodies that client sends, answered in the shapes it reads (pages of
 * {@code count}/{@code next}/{@code results}, file URLs on a separate media host, the chunked upload
 * protocol). The records live in a {@link LocalBackendClient} tree, so a kit run over HTTP and one on
 * the local backend see the same platform. Every request is checked (auth header, required query
 * parameters, request body keys as the platform's request models forbid extra ones); a request that
 * breaks the contract gets a 400 and is listed in {@link #violations()}.
 */
final class ContractPlatform implements AutoCloseable {
  static final String TOKEN = "syn_contract_token_3141592653";
  private static final Set<String> MODEL_KEYS = Set.of("name", "plugin", "version", "checkpoint", "chunked_upload", "configuration", "description");
  private static final Set<String> UNIT_KEYS = Set.of("data_collection", "files", "meta", "groups");
  private static final Set<String> JOB_KEYS = Set.of("status", "progress_record", "metrics_record", "console_logs", "result", "meta");
  private static final Set<String> RUN_KEYS = Set.of("agent", "action", "params", "storage_id", "job_id", "debug", "version", "language");

  final ContractServer api;
  final ContractServer media;
  final LocalBackendClient backend;
  final ContractUploads presigned;
  private final LocalStore store;
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Path> mediaFiles = new ConcurrentHashMap<>();
  private final Map<String, ByteArrayUpload> uploads = new ConcurrentHashMap<>();
  private final Path scratch;
  volatile int pageSize = 2;

  private static final class ByteArrayUpload {
    final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    String filename;
    boolean complete;
  }

  ContractPlatform(LocalBackendClient backend, Path scratch) throws IOException {
    this.backend = backend;
    this.store = new LocalStore(backend.root());
    this.scratch = Files.createDirectories(scratch);
    this.api = new ContractServer();
    this.media = new ContractServer();
    media.on("GET", "/media/([A-Za-z0-9]+)", (request, path) -> {
      Path file = mediaFiles.get(path.group(1));
      return file == null ? ContractServer.Response.json(404, Map.of("detail", "Not found.")) : ContractServer.Response.bytes(Files.readAllBytes(file));
    });
    routes();
    this.presigned = new ContractUploads(api, backend, scratch, this::reject);
  }

  URI url() {
    return api.url();
  }

  List<String> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  private void routes() {
    api.on("GET", "/ground_truth_dataset_versions/(\\d+)/", (r, m) -> object(r, LocalKinds.GT_VERSIONS, m.group(1)));
    api.on("GET", "/sdk/ground_truth_events/", (r, m) -> {
      if (!List.of("category", "files", "data").equals(r.query().get("fields")) && r.queryValue("fields") != null) {
        return reject(r, "fields must be category, files, data");
      }
      String version = r.queryValue("ground_truth_dataset_versions");
      if (version == null) {
        return reject(r, "ground_truth_dataset_versions is required");
      }
      Map<String, String> filters = new LinkedHashMap<>();
      filters.put("ground_truth_dataset_version", version);
      if (r.queryValue("category") != null) {
        filters.put("category", r.queryValue("category"));
      }
      return page(r, rows(LocalKinds.GT_EVENTS, filters, false));
    });
    api.on("GET", "/models/(\\d+)/", (r, m) -> object(r, LocalKinds.MODELS, m.group(1)));
    api.on("PUT", "/chunked_upload/([a-f0-9-]*)/?", (r, m) -> chunk(r, m.group(1)));
    api.on("POST", "/chunked_upload/([a-f0-9-]+)/", (r, m) -> finishUpload(r, m.group(1)));
    api.on("POST", "/models/", (r, m) -> createModel(r));
    api.on("DELETE", "/v2/models/(\\d+)/", (r, m) -> delete(r, () -> backend.deleteModel(Long.parseLong(m.group(1)))));
    api.on("GET", "/storages/(\\d+)/", (r, m) -> "true".equals(r.queryValue("with_configuration")) ? object(r, LocalKinds.STORAGES, m.group(1))
        : reject(r, "with_configuration=true is required"));
    api.on("GET", "/projects/(\\d+)/", (r, m) -> object(r, LocalKinds.PROJECTS, m.group(1)));
    api.on("GET", "/data_collections/(\\d+)/", (r, m) -> "file_specifications".equals(r.queryValue("expand"))
        ? object(r, LocalKinds.COLLECTIONS, m.group(1)) : reject(r, "expand=file_specifications is required"));
    api.on("POST", "/data_files/", (r, m) -> createDataFile(r));
    api.on("POST", "/data_units/", (r, m) -> createUnits(r));
    api.on("DELETE", "/v2/data-units/(\\d+)/", (r, m) -> delete(r, () -> backend.deleteDataUnit(Long.parseLong(m.group(1)))));
    api.on("GET", "/data_units/(\\d+)/", (r, m) -> object(r, LocalKinds.DATA_UNITS, m.group(1)));
    api.on("GET", "/sdk/assignments/", (r, m) -> exportRows(r, LocalKinds.ASSIGNMENTS, "data"));
    api.on("GET", "/sdk/tasks/", (r, m) -> "id".equals(r.queryValue("fields")) ? taskIds(r) : exportRows(r, LocalKinds.TASKS, "data_unit"));
    api.on("GET", "/tasks/(\\d+)/", (r, m) -> "data_unit".equals(r.queryValue("expand")) ? object(r, LocalKinds.TASKS, m.group(1))
        : reject(r, "expand=data_unit is required"));
    api.on("PUT", "/tasks/(\\d+)/annotate_task_data/", (r, m) -> annotate(r, Long.parseLong(m.group(1))));
    api.on("GET", "/jobs/([A-Za-z0-9-]+)/", (r, m) -> auth(r) ? ContractServer.Response.json(200, backend.getJob(m.group(1)).raw()) : denied());
    api.on("PATCH", "/jobs/([A-Za-z0-9-]+)/", (r, m) -> updateJob(r, m.group(1)));
    api.on("GET", "/plugin_releases/(\\d+)/", (r, m) -> object(r, LocalKinds.RELEASES, m.group(1)));
    api.on("POST", "/plugins/([a-z0-9_-]+)/run/", (r, m) -> runPlugin(r, m.group(1)));
  }

  private boolean auth(ContractServer.Request request) {
    return ("Token " + TOKEN).equals(request.header("Synapse-Access-Token"));
  }

  private static ContractServer.Response denied() {
    return ContractServer.Response.json(401, Map.of("detail", "Authentication credentials were not provided."));
  }

  private ContractServer.Response reject(ContractServer.Request request, String why) {
    violations.add(request.method() + " " + request.path() + ": " + why);
    return ContractServer.Response.json(400, Map.of("detail", why));
  }

  private ContractServer.Response object(ContractServer.Request request, String kind, String id) {
    if (!auth(request)) {
      return denied();
    }
    return store.read(kind, Long.parseLong(id)).map(json -> ContractServer.Response.json(200, present(kind, json)))
        .orElse(ContractServer.Response.json(404, Map.of("detail", "Not found.")));
  }

  /** A stored record as the platform answers it: paths become media URLs, ids of data units are expanded. */
  private Map<String, Object> present(String kind, Map<String, Object> json) {
    Map<String, Object> copy = new LinkedHashMap<>(json);
    if (kind.equals(LocalKinds.MODELS)) {
      copy.put("file", mediaUrl(String.valueOf(copy.remove("path"))));
    }
    if (copy.get("files") instanceof Map<?, ?> files) {
      Map<String, Object> out = new LinkedHashMap<>();
      files.forEach((key, value) -> {
        Map<String, Object> file = KitJson.asMap(value);
        file.put("url", mediaUrl(String.valueOf(file.remove("path"))));
        out.put(String.valueOf(key), file);
      });
      copy.put("files", out);
    }
    if ((kind.equals(LocalKinds.TASKS) || kind.equals(LocalKinds.ASSIGNMENTS)) && copy.get("data_unit") instanceof Number unit) {
      copy.put("data_unit", present(LocalKinds.DATA_UNITS, store.require(LocalKinds.DATA_UNITS, unit.longValue())));
    }
    return copy;
  }

  private String mediaUrl(String relative) {
    String key = io.synapse.plugins.kits.internal.KitPaths.hash(relative);
    mediaFiles.put(key, backend.root().resolve(relative));
    return media.url() + "/media/" + key;
  }

  private List<Map<String, Object>> rows(String kind, Map<String, String> filters, boolean unitFiles) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : store.all(kind)) {
      boolean keep = true;
      for (Map.Entry<String, String> filter : filters.entrySet()) {
        keep &= filter.getValue().equals(String.valueOf(row.get(filter.getKey())));
      }
      if (keep) {
        rows.add(present(kind, row));
      }
    }
    return rows;
  }

  private ContractServer.Response page(ContractServer.Request request, List<Map<String, Object>> rows) {
    if (!auth(request)) {
      return denied();
    }
    int size = Math.min(pageSize, Integer.parseInt(request.queryValue("page_size") == null ? "100" : request.queryValue("page_size")));
    int page = request.queryValue("page") == null ? 1 : Integer.parseInt(request.queryValue("page"));
    int from = (page - 1) * size;
    List<Map<String, Object>> results = rows.subList(Math.min(from, rows.size()), Math.min(from + size, rows.size()));
    String next = null;
    if (from + size < rows.size()) {
      StringBuilder query = new StringBuilder();
      request.query().forEach((key, values) -> {
        if (!key.equals("page")) {
          values.forEach(value -> query.append(key).append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        }
      });
      next = api.url() + request.path() + "?" + query + "page=" + (page + 1);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("count", rows.size());
    body.put("next", next);
    body.put("previous", null);
    body.put("results", results);
    return ContractServer.Response.json(200, body);
  }

  private ContractServer.Response exportRows(ContractServer.Request request, String kind, String expand) {
    String project = request.queryValue("project");
    if (project == null) {
      return reject(request, "project is required");
    }
    if (!expand.equals(request.queryValue("expand"))) {
      return reject(request, "expand=" + expand + " is required");
    }
    return page(request, rows(kind, Map.of("project", project), true));
  }

  private ContractServer.Response taskIds(ContractServer.Request request) {
    String project = request.queryValue("project");
    if (project == null) {
      return reject(request, "project is required");
    }
    List<Map<String, Object>> ids = new ArrayList<>();
    for (Map<String, Object> row : rows(LocalKinds.TASKS, Map.of("project", project), false)) {
      ids.add(Map.of("id", row.get("id")));
    }
    return page(request, ids);
  }

  private ContractServer.Response chunk(ContractServer.Request request, String id) throws IOException {
    if (!auth(request)) {
      return denied();
    }
    String range = request.header("Content-Range");
    if (range == null || !range.matches("bytes \\d+-\\d+/\\d+")) {
      return reject(request, "Content-Range bytes a-b/total is required");
    }
    Map<String, byte[]> parts = ContractServer.multipart(request);
    if (!parts.containsKey("file") || !parts.containsKey("filename")) {
      return reject(request, "a chunk needs the filename field and the file part");
    }
    String key = id.isEmpty() ? java.util.UUID.randomUUID().toString() : id;
    ByteArrayUpload upload = uploads.computeIfAbsent(key, k -> new ByteArrayUpload());
    long start = Long.parseLong(range.substring(6, range.indexOf('-')));
    if (start != upload.bytes.size()) {
      return reject(request, "chunk starts at " + start + " but the upload holds " + upload.bytes.size() + " bytes");
    }
    upload.bytes.write(parts.get("file"));
    upload.filename = new String(parts.get("filename"), StandardCharsets.UTF_8);
    return ContractServer.Response.json(200, Map.of("id", key, "url", api.url() + "/chunked_upload/" + key + "/", "offset", upload.bytes.size(),
        "filename", upload.filename));
  }

  private ContractServer.Response finishUpload(ContractServer.Request request, String id) throws Exception {
    ByteArrayUpload upload = uploads.get(id);
    if (upload == null) {
      return ContractServer.Response.json(404, Map.of("detail", "Not found."));
    }
    Map<String, Object> body = KitJson.asMap(request.json());
    Path file = scratch.resolve(id);
    Files.write(file, upload.bytes.toByteArray());
    if (!FileTrees.md5(file).equals(body.get("md5"))) {
      return reject(request, "md5 does not match the uploaded bytes");
    }
    upload.complete = true;
    return ContractServer.Response.json(200, Map.of("id", id, "file", upload.filename, "completed_at", "2026-01-01T00:00:00Z", "status", 2));
  }

  private ContractServer.Response createModel(ContractServer.Request request) throws Exception {
    if (!auth(request)) {
      return denied();
    }
    Map<String, Object> body = KitJson.asMap(request.json());
    for (String key : body.keySet()) {
      if (!MODEL_KEYS.contains(key)) {
        return reject(request, "ModelCreateRequest has no field " + key);
      }
    }
    ByteArrayUpload upload = uploads.get(String.valueOf(body.get("chunked_upload")));
    if (upload == null || !upload.complete) {
      return reject(request, "chunked_upload names no finished upload");
    }
    Path archive = scratch.resolve(upload.filename);
    Files.write(archive, upload.bytes.toByteArray());
    ModelRecord model = backend.createModel(new ModelCreate(String.valueOf(body.get("name")), (String) body.get("plugin"),
        (String) body.get("version"), KitJson.longOrNull(body, "checkpoint"), (String) body.get("description"),
        KitJson.asMap(body.get("configuration"))), archive);
    return ContractServer.Response.json(201, present(LocalKinds.MODELS, store.require(LocalKinds.MODELS, model.id())));
  }

  private ContractServer.Response createDataFile(ContractServer.Request request) throws Exception {
    if (!auth(request)) {
      return denied();
    }
    Map<String, byte[]> parts = ContractServer.multipart(request);
    if (!parts.containsKey("file") || !parts.containsKey("file.filename")) {
      return reject(request, "data_files needs a file part with a file name");
    }
    Path file = Files.createTempDirectory(scratch, "df").resolve(new String(parts.get("file.filename"), StandardCharsets.UTF_8));
    Files.write(file, parts.get("file"));
    DataFile created = backend.createDataFile(file);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", created.id());
    body.put("file", null);
    body.put("checksum", created.checksum());
    body.put("size", created.size());
    return ContractServer.Response.json(201, body);
  }

  private ContractServer.Response createUnits(ContractServer.Request request) {
    if (!auth(request)) {
      return denied();
    }
    Object body = request.json();
    List<Object> items = body instanceof List<?> list ? new ArrayList<>(list) : List.of(body);
    List<DataUnitCreate> units = new ArrayList<>();
    for (Object item : items) {
      Map<String, Object> unit = KitJson.asMap(item);
      for (String key : unit.keySet()) {
        if (!UNIT_KEYS.contains(key)) {
          return reject(request, "DataUnitCreateRequest has no field " + key);
        }
      }
      Map<String, DataUnitCreate.DataUnitFile> files = new LinkedHashMap<>();
      KitJson.asMap(unit.get("files")).forEach((name, value) -> {
        Map<String, Object> file = KitJson.asMap(value);
        files.put(name, new DataUnitCreate.DataUnitFile(String.valueOf(file.get("checksum")), String.valueOf(file.get("path"))));
      });
      @SuppressWarnings("unchecked")
      List<String> groups = (List<String>) unit.getOrDefault("groups", List.of());
      units.add(new DataUnitCreate(KitJson.requireLong(unit, "data_collection"), files, KitJson.asMap(unit.get("meta")), groups));
    }
    List<Object> created = new ArrayList<>();
    for (DataUnit unit : backend.createDataUnits(units)) {
      created.add(present(LocalKinds.DATA_UNITS, store.require(LocalKinds.DATA_UNITS, unit.id())));
    }
    return ContractServer.Response.json(201, created);
  }

  private ContractServer.Response annotate(ContractServer.Request request, long taskId) {
    if (!auth(request)) {
      return denied();
    }
    Map<String, Object> body = KitJson.asMap(request.json());
    if (!"submit".equals(body.get("action")) || !(body.get("data") instanceof Map<?, ?>) || body.size() != 2) {
      return reject(request, "annotate_task_data takes {action: submit, data: {...}}");
    }
    backend.annotateTaskData(taskId, KitJson.asMap(body.get("data")), request.queryValue("schema"));
    return ContractServer.Response.json(200, present(LocalKinds.TASKS, store.require(LocalKinds.TASKS, taskId)));
  }

  private ContractServer.Response updateJob(ContractServer.Request request, String id) {
    if (!auth(request)) {
      return denied();
    }
    Map<String, Object> body = KitJson.asMap(request.json());
    for (String key : body.keySet()) {
      if (!JOB_KEYS.contains(key)) {
        return reject(request, "UpdateJobRequest has no field " + key);
      }
    }
    return ContractServer.Response.json(200, backend.updateJob(id, new JobUpdate((String) body.get("status"),
        body.get("progress_record") == null ? null : KitJson.asMap(body.get("progress_record")),
        body.get("metrics_record") == null ? null : KitJson.asMap(body.get("metrics_record")), body.get("result"))).raw());
  }

  private ContractServer.Response runPlugin(ContractServer.Request request, String code) {
    if (!auth(request)) {
      return denied();
    }
    Map<String, Object> body = KitJson.asMap(request.json());
    for (String key : body.keySet()) {
      if (!RUN_KEYS.contains(key)) {
        return reject(request, "PluginRunRequest has no field " + key);
      }
    }
    return ContractServer.Response.json(200, backend.runPlugin(code, new PluginRun(String.valueOf(body.get("action")),
        KitJson.longOrNull(body, "agent"), (String) body.get("version"), KitJson.asMap(body.get("params")))));
  }

  private ContractServer.Response delete(ContractServer.Request request, Runnable delete) {
    if (!auth(request)) {
      return denied();
    }
    try {
      delete.run();
      return new ContractServer.Response(204, new byte[0], Map.of());
    } catch (BackendError e) {
      return ContractServer.Response.json(404, Map.of("detail", "Not found."));
    }
  }

  @Override
  public void close() {
    api.close();
    media.close();
    presigned.close();
  }
}
