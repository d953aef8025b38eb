package io.synapse.plugins.kits.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.kits.support.KitWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend: records, ids under concurrency, file URLs confined to the tree, typed errors. */
class LocalBackendClientTest {
  @TempDir Path temp;
  KitWorld world;

  @BeforeEach
  void world() throws Exception {
    world = new KitWorld(temp);
  }

  @Test
  void concurrentWritersNeverShareAnId() throws Exception {
    Path file = Files.writeString(temp.resolve("f.txt"), "x");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    Set<Long> ids = ConcurrentHashMap.newKeySet();
    try {
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        LocalBackendClient client = new LocalBackendClient(world.backendDir); // one client per writer, as separate JVMs would be
        futures.add(pool.submit(() -> ids.add(client.createDataFile(file).id())));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(200, ids.size());
    assertEquals(200, world.backend.countDataFiles());
  }

  @Test
  void fileUrlsOutsideTheTreeAreRefused() throws Exception {
    Path outside = Files.writeString(temp.resolve("secret.txt"), "s");
    List<String> hostile = List.of(outside.toUri().toString(), "file:///etc/passwd", world.backendDir.resolve("../secret.txt").toUri().toString(),
        "http://127.0.0.1:1/x", "ftp://h/x", "not a url at all", "relative/path.png", "", "file:" + world.backendDir + "/%2e%2e/secret.txt",
        "jar:file:/x.jar!/y");
    for (String url : hostile) {
      BackendError error = assertThrows(BackendError.class, () -> world.backend.download(url, temp.resolve("copy")), url);
      assertTrue(Set.of(BackendError.Kind.INVALID_REQUEST, BackendError.Kind.NOT_FOUND).contains(error.kind()), url + ": " + error.kind());
    }
    assertTrue(!Files.exists(temp.resolve("copy")));
  }

  @Test
  void recordsErrorsAndFilters() throws Exception {
    assertEquals(BackendError.Kind.NOT_FOUND, assertThrows(BackendError.class, () -> world.backend.getProject(999)).kind());
    assertEquals(BackendError.Kind.NOT_FOUND, assertThrows(BackendError.class, () -> world.backend.deleteDataUnit(999)).kind());
    BackendError filter = assertThrows(BackendError.class, () -> world.backend.listExportRows(ExportTarget.TASK,
        Map.of("project", "1", "id__lt", "3"), row -> {}));
    assertTrue(filter.getMessage().contains("id__lt"), filter.getMessage());
    BackendError required = assertThrows(BackendError.class, () -> world.backend.listExportRows(ExportTarget.GROUND_TRUTH, Map.of(), row -> {}));
    assertTrue(required.getMessage().contains("ground_truth_dataset_version"), required.getMessage());
    BackendError duplicate = assertThrows(BackendError.class, () -> world.backend.createModel(
        new ModelCreate("base", null, null, null, null, Map.of()), world.files.resolve("base.zip")));
    assertEquals(BackendError.Kind.INVALID_REQUEST, duplicate.kind());
    assertEquals(BackendError.Kind.INVALID_REQUEST, assertThrows(BackendError.class, () -> world.backend.createDataUnits(List.of(
        new DataUnitCreate(world.collection.id(), Map.of("image_1", new DataUnitCreate.DataUnitFile("nope", "x.png")), Map.of(), List.of())))).kind());
    Files.writeString(world.backendDir.resolve("projects").resolve(String.valueOf(world.project.id())).resolve("record.json"), "{broken");
    BackendError broken = assertThrows(BackendError.class, () -> world.backend.getProject(world.project.id()));
    assertEquals(BackendError.Kind.STORAGE, broken.kind());
    assertTrue(broken.getMessage().contains("record.json"), broken.getMessage());
    Set<Long> seen = new HashSet<>();
    world.backend.listExportRows(ExportTarget.ASSIGNMENT, Map.of("project", "999"), row -> seen.add(row.id()));
    assertEquals(Set.of(), seen);
  }

  @Test
  void aStorageOfAnotherProviderIsRefusedWithoutShowingItsConfiguration() {
    StorageRecord s3 = new StorageRecord(9, "s3", "external", "amazon_s3", Map.of("secret_access_key", "AKIA-SECRET"), false);
    BackendError error = assertThrows(BackendError.class, s3::localLocation);
    assertEquals(BackendError.Kind.UNSUPPORTED, error.kind());
    assertTrue(!s3.toString().contains("AKIA-SECRET") && !error.getMessage().contains("AKIA-SECRET"));
  }
}
