package io.synapse.plugins.kits.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.events.EventType;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.kits.results.ExportResult;
import io.synapse.plugins.kits.support.Images;
import io.synapse.plugins.kits.support.KitWorld;
import io.synapse.plugins.kits.testplugin.Faults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storages that are not directories: the export kit publishes to an {@code http} storage (a file server on loopback
 * taking the platform HTTP provider's multipart PUT, or POST after a 405), and every other provider is a typed
 * {@code UNSUPPORTED} error naming the storage and what is supported.
 */
class NonFileStoragesTest {
  @TempDir Path temp;
  KitWorld world;
  ContractServer files;
  final Map<String, byte[]> stored = new ConcurrentHashMap<>();
  final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    world = new KitWorld(temp.resolve("world"));
    files = new ContractServer();
    ContractServer.Route take = (request, path) -> {
      if (!"k-secret".equals(request.header("X-Api-Key"))) {
        violations.add(request.method() + " " + request.path() + " without the storage's header");
      }
      if (request.header("Synapse-Access-Token") != null) {
        violations.add("the backend's token went to the storage");
      }
      String type = String.valueOf(request.header("Content-Type"));
      if (!type.startsWith("multipart/form-data") || !new String(request.body(), StandardCharsets.ISO_8859_1).contains("name=\"file\"")) {
        violations.add(request.path() + " is not a multipart file part");
      }
      stored.put(request.method() + " " + path.group(1), request.body());
      return ContractServer.Response.json(201, Map.of());
    };
    files.on("PUT", "/files/(.*)", take);
    files.on("POST", "/post-only/(.*)", take);
    files.on("PUT", "/post-only/(.*)", (request, path) -> ContractServer.Response.json(405, Map.of("detail", "Method not allowed")));
  }

  @AfterEach
  void stop() {
    files.close();
    assertEquals(List.of(), violations);
  }

  private Map<String, Object> export(long storage) {
    return new LinkedHashMap<>(Map.of("name", "exp", "storage", storage, "path", "out/daily", "target", "assignment",
        "filter", Map.of("project", world.project.id())));
  }

  private long staged() throws Exception {
    Path root = world.cacheDir.resolve("http-exports");
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (var walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void anExportIsPublishedToAnHttpStorageFileByFileAndNothingStaysBehind() throws Exception {
    StorageRecord web = world.backend.seeder().httpStorage("web", files.url() + "/files/", Map.of("X-Api-Key", "k-secret"));
    ExportResult local = (ExportResult) world.run("export", export(world.storage.id()));
    List<String> expected;
    try (var walk = Files.walk(Path.of(local.outputPath()))) {
      expected = walk.filter(Files::isRegularFile).map(f -> Path.of(local.outputPath()).relativize(f).toString().replace('\\', '/')).sorted().toList();
    }
    ExportResult remote = (ExportResult) world.run("export", export(web.id()));
    assertEquals(files.url() + "/files/out/daily/exp/", remote.outputPath());
    assertEquals(local.exportedCount(), remote.exportedCount());
    assertEquals(expected.stream().map(name -> "PUT out/daily/exp/" + name).sorted().toList(), stored.keySet().stream().sorted().toList());
    String label = expected.stream().filter(name -> name.startsWith("labels/")).findFirst().orElseThrow();
    assertTrue(new String(stored.get("PUT out/daily/exp/" + label), StandardCharsets.UTF_8)
        .contains(Files.readString(Path.of(local.outputPath()).resolve(label)).strip()), "the part holds the file's bytes");
    assertEquals(0, staged(), "the local copy was removed");

    stored.clear();
    StorageRecord postOnly = world.backend.seeder().httpStorage("post", files.url() + "/post-only", Map.of("X-Api-Key", "k-secret"));
    world.run("export", export(postOnly.id()));
    assertEquals(expected.size(), stored.keySet().stream().filter(key -> key.startsWith("POST ")).count(), "POST after a 405");
  }

  @Test
  void aFaultBeforePublishingPublishesNothingAndOneAfterSaysWhatIsKept() throws Exception {
    StorageRecord web = world.backend.seeder().httpStorage("web", files.url() + "/files/", Map.of("X-Api-Key", "k-secret"));
    assertThrows(StepError.class, () -> world.run("export", export(web.id()), Map.of(Faults.VARIABLE, "finalize")));
    assertEquals(Map.of(), stored);
    assertEquals(0, staged());
    assertThrows(StepError.class, () -> world.run("export", export(web.id()), Map.of(Faults.VARIABLE, "publish")));
    assertFalse(stored.isEmpty());
    assertTrue(world.sink.events(EventType.LOG).stream().anyMatch(e -> "storage_files_kept".equals(e.name())));
    assertEquals(0, staged());
  }

  @Test
  void otherProvidersAreTypedErrorsNamingTheStorageAndWhatIsSupported() throws Exception {
    LocalStore store = new LocalStore(world.backend.root());
    Map<String, Long> ids = new LinkedHashMap<>();
    for (String provider : List.of("amazon_s3", "gcs", "sftp", "smb", "synology", "ftp-ish")) {
      long id = store.claim(LocalKinds.STORAGES);
      store.write(LocalKinds.STORAGES, id, Map.of("id", id, "name", provider, "category", "external", "provider", provider,
          "configuration", Map.of("bucket_name", "b", "secret_key", "very-secret-key"), "is_default", false));
      ids.put(provider, id);
    }
    for (Map.Entry<String, Long> storage : ids.entrySet()) {
      for (String action : List.of("export", "upload")) {
        Map<String, Object> params = action.equals("export") ? export(storage.getValue())
            : Map.of("name", "u", "storage", storage.getValue(), "dataCollection", world.collection.id(), "path", "x");
        StepError error = assertThrows(StepError.class, () -> world.run(action, params), storage.getKey());
        assertEquals("initialize", error.step());
        BackendError cause = assertInstanceOf(BackendError.class, error.getCause(), storage.getKey());
        assertEquals(BackendError.Kind.UNSUPPORTED, cause.kind());
        assertEquals(storage.getKey(), cause.details().get("provider"));
        assertEquals(!storage.getKey().equals("ftp-ish"), cause.details().get("known"));
        assertTrue(cause.getMessage().contains("storage " + storage.getValue()), cause.getMessage());
        assertFalse(cause.getMessage().contains("very-secret-key"));
      }
    }
    StorageRecord web = world.backend.seeder().httpStorage("web", files.url() + "/files/", Map.of());
    StepError upload = assertThrows(StepError.class, () -> world.run("upload", Map.of("name", "u", "storage", web.id(),
        "dataCollection", world.collection.id(), "path", "x")));
    assertEquals(BackendError.Kind.UNSUPPORTED, ((BackendError) upload.getCause()).kind(), "an http storage cannot be listed");
    StorageRecord withUser = world.backend.seeder().httpStorage("u", "http://user:pa55@127.0.0.1:1/files/", Map.of());
    BackendError invalid = assertThrows(BackendError.class, () -> HttpStorage.of(world.backend.getStorage(withUser.id())));
    assertFalse(invalid.getMessage().contains("pa55"), invalid.getMessage());
    assertFalse(HttpStorage.of(world.backend.getStorage(web.id())).toString().contains("k-secret"));
  }
}
