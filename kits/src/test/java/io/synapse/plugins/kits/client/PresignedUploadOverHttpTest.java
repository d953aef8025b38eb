package io.synapse.plugins.kits.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.kits.results.UploadResult;
import io.synapse.plugins.kits.support.Images;
import io.synapse.plugins.kits.support.KitWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload kit's batched presigned upload over HTTP against the contract server: batches of
 * {@code upload_batch_size}, single PUTs and multipart parts straight to storage without the backend's token,
 * retries of PUTs worth repeating only, and the one-by-one {@code data_files/} path for what the presigned path
 * could not deliver.
 */
class PresignedUploadOverHttpTest {
  @TempDir Path temp;
  KitWorld world;
  ContractPlatform platform;
  Map<String, String> http;
  Map<String, Object> params;

  @BeforeEach
  void start() throws Exception {
    world = new KitWorld(temp.resolve("world"));
    platform = new ContractPlatform(world.backend, temp.resolve("scratch"));
    http = Map.of(BackendClients.HOST, platform.url().toString(), BackendClients.ACCESS_TOKEN, ContractPlatform.TOKEN);
    Path base = world.storageDir.resolve("incoming");
    for (int i = 0; i < 5; i++) {
      Images.png(base.resolve("image_1/img" + i + ".png"), 8, 8, i);
    }
    byte[] big = new byte[700 * 1024];
    new Random(7).nextBytes(big);
    Files.write(base.resolve("image_1/huge.png"), big); // 700 KiB: multipart of 6 parts of 128 KiB
    params = new LinkedHashMap<>(Map.of("name", "up", "storage", world.storage.id(), "dataCollection", world.collection.id(),
        "path", "incoming", "uploadBatchSize", 4));
  }

  @AfterEach
  void stop() {
    platform.close();
    assertEquals(List.of(), platform.violations(), "every request kept the platform's contract");
  }

  private long direct() {
    return platform.api.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/data_files/")).count();
  }

  @Test
  void filesGoInBatchesWithMultipartForTheLargeOneAndTheStoredBytesAreTheFiles() throws Exception {
    UploadResult result = (UploadResult) world.run("upload", params, http);
    assertEquals(6, result.uploadedCount());
    assertEquals(6, result.dataUnitCount());
    assertEquals(2, platform.api.requests("POST", "/data_files/presigned_upload/upload/").size(), "6 files in batches of 4");
    assertEquals(2, platform.api.requests("POST", "/data_files/presigned_upload/confirm_upload/").size());
    assertEquals(5 + 6, platform.presigned.storage.requests("PUT", "/bucket/").size(), "5 single PUTs and 6 parts");
    assertEquals(0, direct());
    DataUnit huge = world.backend.getDataUnit(result.dataUnitIds().get(0));
    Path stored = world.backend.root().resolve("data_files");
    boolean found = false;
    try (var files = Files.walk(stored)) {
      for (Path file : files.filter(p -> p.getFileName().toString().equals("huge.png") || p.getFileName().toString().endsWith(".bin")).toList()) {
        found |= java.util.Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(world.storageDir.resolve("incoming/image_1/huge.png")));
      }
    }
    assertTrue(found, "the multipart file was stored whole, byte for byte (" + huge + ")");
  }

  @Test
  void aTransientPutFailureIsRetriedAndAStorageRefusalFallsBackToOneRequest() {
    platform.presigned.storage.fault(new ContractServer.Fault("PUT", "/bucket/", 503, 0, false, Map.of()));
    platform.presigned.refusedNames.add("img3.png");
    UploadResult result = (UploadResult) world.run("upload", params, http);
    assertEquals(6, result.dataUnitCount());
    assertEquals("completed", result.status());
    assertEquals(5 + 6 + 1, platform.presigned.storage.requests("PUT", "/bucket/").size(),
        "one 503 retried once; the AccessDenied refusal was not repeated");
    assertEquals(1, direct(), "img3.png went through data_files/");
  }

  @Test
  void aStorageWithoutPresignedUploadsTakesEveryFileOneByOne() {
    platform.presigned.unavailable = true;
    UploadResult result = (UploadResult) world.run("upload", params, http);
    assertEquals(6, result.dataUnitCount());
    assertEquals(1, platform.api.requests("POST", "/data_files/presigned_upload/upload/").size(), "asked once, then stopped asking");
    assertEquals(6, direct());
    assertEquals(0, platform.presigned.storage.requests().size());
    assertTrue(world.sink.events(io.synapse.plugins.events.EventType.LOG).stream()
        .anyMatch(e -> "presigned_upload_unavailable".equals(e.name())));
  }

  @Test
  void usePresignedFalseNeverAsks() {
    params.put("usePresigned", false);
    UploadResult result = (UploadResult) world.run("upload", params, http);
    assertEquals(6, result.dataUnitCount());
    assertEquals(0, platform.api.requests("POST", "/data_files/presigned_upload/").size());
    assertEquals(6, direct());
  }
}
