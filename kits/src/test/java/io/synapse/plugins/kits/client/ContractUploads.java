package io.synapse.plugins.kits.client;

import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.internal.KitJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The platform's batched presigned upload and its job logs, on loopback: {@code data_files/presigned_upload/upload/}
 * answers targets on a separate storage server (single PUT URLs, or multipart parts above {@link #multipartThreshold}),
 * that server takes PUTs (with ETags, never the backend's token), {@code confirm_upload/} checks sizes, checksums and
 * ETags and creates the data files in the local tree; {@code logs/} takes one entry or a list. Request bodies are
 * checked key by key as the platform's request models are.
 */
final class ContractUploads implements AutoCloseable {
  private static final Set<String> UPLOAD_KEYS = Set.of("files", "expiration");
  private static final Set<String> FILE_INFO_KEYS = Set.of("filename", "size", "content_type");
  private static final Set<String> CONFIRM_KEYS = Set.of("file_key", "checksum", "size", "multipart");
  private static final Set<String> LOG_KEYS = Set.of("event", "data", "datetime", "job", "step", "level", "file");

  final ContractServer storage;
  volatile long multipartThreshold = 300L * 1024;
  volatile long partSize = 128L * 1024;
  /** File names whose PUT the storage refuses with an S3 error code (a real request error: never worth repeating). */
  final Set<String> refusedNames = ConcurrentHashMap.newKeySet();
  private final Set<String> refusedKeys = ConcurrentHashMap.newKeySet();
  /** When set, the upload endpoint answers as a tenant whose storage takes no presigned uploads. */
  volatile boolean unavailable;

  private final LocalBackendClient backend;
  private final Path scratch;
  private final BiFunction<ContractServer.Request, String, ContractServer.Response> reject;
  private final Map<String, Staged> staged = new ConcurrentHashMap<>();

  private static final class Staged {
    final long size;
    final Map<Integer, byte[]> parts = new ConcurrentHashMap<>();
    final String uploadId;

    Staged(long size, String uploadId) {
      this.size = size;
      this.uploadId = uploadId;
    }
  }

  ContractUploads(ContractServer api, LocalBackendClient backend, Path scratch,
      BiFunction<ContractServer.Request, String, ContractServer.Response> reject) throws IOException {
    this.storage = new ContractServer();
    this.backend = backend;
    this.scratch = scratch;
    this.reject = reject;
    api.on("POST", "/data_files/presigned_upload/upload/", (r, m) -> request(r));
    api.on("POST", "/data_files/presigned_upload/confirm_upload/", (r, m) -> confirm(r));
    api.on("POST", "/logs/", (r, m) -> logs(r));
    storage.on("PUT", "/bucket/([0-9a-f-]{36})/(\\d+)", (r, m) -> put(r, m.group(1), Integer.parseInt(m.group(2))));
  }

  private static boolean auth(ContractServer.Request request) {
    return ("Token " + ContractPlatform.TOKEN).equals(request.header("Synapse-Access-Token"));
  }

  private ContractServer.Response request(ContractServer.Request r) {
    if (!auth(r)) {
      return ContractServer.Response.json(401, Map.of("detail", "Authentication credentials were not provided."));
    }
    if (unavailable) {
      return ContractServer.Response.json(400, Map.of("detail", "Presigned upload is not supported for this storage provider."));
    }
    Map<String, Object> body = KitJson.asMap(r.json());
    if (!UPLOAD_KEYS.containsAll(body.keySet()) || !(body.get("expiration") instanceof Number)) {
      return reject.apply(r, "presigned upload request keys must be files and expiration (a number), got " + body.keySet());
    }
    List<Object> targets = new ArrayList<>();
    for (Object item : KitJson.asList(body.get("files"))) {
      Map<String, Object> file = KitJson.asMap(item);
      if (!FILE_INFO_KEYS.containsAll(file.keySet()) || !(file.get("filename") instanceof String) || !(file.get("size") instanceof Number)) {
        return reject.apply(r, "a presigned file needs filename and size (and only content_type besides), got " + file.keySet());
      }
      long size = ((Number) file.get("size")).longValue();
      String key = UUID.randomUUID().toString();
      if (refusedNames.contains(file.get("filename"))) {
        refusedKeys.add(key);
      }
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("filename", file.get("filename"));
      target.put("file_key", key);
      if (size > multipartThreshold) {
        List<Object> parts = new ArrayList<>();
        for (int n = 1; (long) (n - 1) * partSize < size; n++) {
          parts.add(Map.of("part_number", n, "presigned_url", storage.url() + "/bucket/" + key + "/" + n + "?X-Amz-Signature=secret" + n));
        }
        String uploadId = "upload-" + key.substring(0, 8);
        target.put("multipart", Map.of("upload_id", uploadId, "part_size", partSize, "parts", parts));
        staged.put(key, new Staged(size, uploadId));
      } else {
        target.put("presigned_url", storage.url() + "/bucket/" + key + "/0?X-Amz-Signature=secret");
        staged.put(key, new Staged(size, null));
      }
      targets.add(target);
    }
    return ContractServer.Response.json(200, Map.of("files", targets, "expires_at", "2026-12-01T23:59:59Z"));
  }

  private ContractServer.Response put(ContractServer.Request r, String key, int part) {
    if (r.header("Synapse-Access-Token") != null || r.header("Authorization") != null) {
      return reject.apply(r, "a presigned PUT must not carry the backend's credentials");
    }
    if (refusedKeys.contains(key)) {
      byte[] xml = "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>denied</Message></Error>".getBytes(StandardCharsets.UTF_8);
      return new ContractServer.Response(403, xml, Map.of("Content-Type", "application/xml"));
    }
    Staged upload = staged.get(key);
    if (upload == null) {
      return new ContractServer.Response(404, "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8), Map.of());
    }
    upload.parts.put(part, r.body());
    return new ContractServer.Response(200, new byte[0], Map.of("ETag", etag(key, part)));
  }

  private static String etag(String key, int part) {
    return "\"" + key.substring(0, 8) + "-" + part + "\"";
  }

  private ContractServer.Response confirm(ContractServer.Request r) throws IOException {
    if (!auth(r)) {
      return ContractServer.Response.json(401, Map.of("detail", "Authentication credentials were not provided."));
    }
    Map<String, Object> body = KitJson.asMap(r.json());
    if (!Set.of("files").equals(body.keySet())) {
      return reject.apply(r, "a confirmation's only key is files, got " + body.keySet());
    }
    List<Object> results = new ArrayList<>();
    int created = 0;
    for (Object item : KitJson.asList(body.get("files"))) {
      Map<String, Object> file = KitJson.asMap(item);
      if (!CONFIRM_KEYS.containsAll(file.keySet()) || file.get("file_key") == null || file.get("checksum") == null) {
        return reject.apply(r, "a confirmed file needs file_key and checksum (and size, multipart), got " + file.keySet());
      }
      String key = (String) file.get("file_key");
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("file_key", key);
      result.put("checksum", file.get("checksum"));
      String problem = check(key, file);
      if (problem == null) {
        Path bytes = assemble(key);
        DataFile made = backend.createDataFile(bytes);
        Files.deleteIfExists(bytes);
        result.put("data_file_id", made.id());
        result.put("success", true);
        created++;
      } else {
        result.put("data_file_id", null);
        result.put("success", false);
        result.put("error", problem);
      }
      results.add(result);
    }
    return ContractServer.Response.json(200, Map.of("results", results, "created_count", created, "failed_count", results.size() - created));
  }

  private String check(String key, Map<String, Object> file) throws IOException {
    Staged upload = staged.get(key);
    if (upload == null) {
      return "unknown file_key";
    }
    if (upload.uploadId != null) {
      Map<String, Object> multipart = file.get("multipart") == null ? Map.of() : KitJson.asMap(file.get("multipart"));
      if (!upload.uploadId.equals(multipart.get("upload_id"))) {
        return "multipart.upload_id does not match";
      }
      List<Object> parts = KitJson.asList(multipart.get("parts"));
      for (int i = 0; i < parts.size(); i++) {
        Map<String, Object> part = KitJson.asMap(parts.get(i));
        if (!Integer.valueOf(i + 1).equals(((Number) part.get("part_number")).intValue()) || !etag(key, i + 1).equals(part.get("etag"))) {
          return "multipart part " + (i + 1) + " has a wrong number or etag";
        }
      }
      if (parts.size() != upload.parts.size()) {
        return "multipart lists " + parts.size() + " parts, " + upload.parts.size() + " were uploaded";
      }
    }
    Path bytes = assemble(key);
    try {
      if (Files.size(bytes) != upload.size || !FileTrees.sha1(bytes).equals(file.get("checksum"))) {
        return "size or checksum does not match the stored object";
      }
      return null;
    } finally {
      Files.deleteIfExists(bytes);
    }
  }

  private Path assemble(String key) throws IOException {
    Staged upload = staged.get(key);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new java.util.TreeMap<>(upload.parts).values().forEach(out::writeBytes);
    Path file = Files.createDirectories(scratch.resolve("objects")).resolve(key + ".bin");
    Files.write(file, out.toByteArray());
    return file;
  }

  private ContractServer.Response logs(ContractServer.Request r) {
    if (!auth(r)) {
      return ContractServer.Response.json(401, Map.of("detail", "Authentication credentials were not provided."));
    }
    Object body = r.json();
    List<Object> items = body instanceof List<?> list ? new ArrayList<>(list) : List.of(body);
    if (body instanceof List<?> list && list.size() < 2) {
      return reject.apply(r, "a single log entry is sent as an object, not a list");
    }
    List<JobLog> entries = new ArrayList<>();
    for (Object item : items) {
      Map<String, Object> entry = KitJson.asMap(item);
      if (!LOG_KEYS.containsAll(entry.keySet()) || entry.get("event") == null || entry.get("job") == null || entry.get("datetime") == null) {
        return reject.apply(r, "a log entry needs event, job and datetime (and only data, step, level, file besides), got " + entry.keySet());
      }
      entries.add(new JobLog((String) entry.get("job"), (String) entry.get("event"), KitJson.asMap(entry.get("data")),
          java.time.Instant.parse((String) entry.get("datetime")), (String) entry.get("step"), (String) entry.get("level")));
    }
    backend.createLogs(entries);
    return ContractServer.Response.json(201, items.size() == 1 ? items.get(0) : items);
  }

  @Override
  public void close() {
    storage.close();
  }
}
