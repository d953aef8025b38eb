package io.synapse.plugins.kits.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.kits.jobs.JobReporting;
import io.synapse.plugins.kits.results.UploadResult;
import io.synapse.plugins.kits.support.Images;
import io.synapse.plugins.kits.support.KitWorld;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job reporting over HTTP: PATCH jobs/{id}/ and POST logs/ in the platform's shapes, and a backend that refuses them. */
class JobReportingOverHttpTest {
  @TempDir Path temp;
  KitWorld world;
  ContractPlatform platform;
  Map<String, String> http;
  Map<String, Object> params;

  @BeforeEach
  void start() throws Exception {
    world = new KitWorld(temp.resolve("world"));
    platform = new ContractPlatform(world.backend, temp.resolve("scratch"));
    http = new HashMap<>(Map.of(BackendClients.HOST, platform.url().toString(), BackendClients.ACCESS_TOKEN, ContractPlatform.TOKEN,
        JobReporting.INTERVAL_VARIABLE, "0"));
    Images.png(world.storageDir.resolve("incoming/image_1/cat.png"), 8, 8, 1);
    params = Map.of("name", "up", "storage", world.storage.id(), "dataCollection", world.collection.id(), "path", "incoming");
  }

  @AfterEach
  void stop() {
    platform.close();
    assertEquals(List.of(), platform.violations(), "every request kept the platform's contract");
  }

  @Test
  void theJobGoesRunningThenSucceededWithProgressAndLogs() {
    world.runAsJob("upload", params, "5e0f1c2a-77aa-4b1e-9c61-0a1b2c3d4e5f", http);
    List<ContractServer.Request> patches = platform.api.requests("PATCH", "/jobs/5e0f1c2a-77aa-4b1e-9c61-0a1b2c3d4e5f/");
    assertTrue(patches.size() >= 3, "RUNNING, progress, SUCCEEDED: " + patches.size());
    assertEquals(Map.of("status", "RUNNING"), patches.get(0).json());
    Map<String, Object> last = KitJson.asMap(patches.get(patches.size() - 1).json());
    assertEquals("SUCCEEDED", last.get("status"));
    assertTrue(patches.stream().anyMatch(p -> KitJson.asMap(p.json()).containsKey("progress_record")));
    List<ContractServer.Request> logs = platform.api.requests("POST", "/logs/");
    assertTrue(!logs.isEmpty(), "log entries were sent");
    assertTrue(logs.stream().noneMatch(r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains(ContractPlatform.TOKEN)),
        "the token never appears in a log entry");
    assertEquals("SUCCEEDED", world.backend.getJob("5e0f1c2a-77aa-4b1e-9c61-0a1b2c3d4e5f").status());
  }

  @Test
  void aBackendThatRefusesTheJobStopsReportingAndTheRunSucceeds() {
    platform.api.fault(new ContractServer.Fault("PATCH", "/jobs/", 404, 0, false, Map.of()));
    UploadResult result = (UploadResult) world.runAsJob("upload", params, "31337", http);
    assertEquals(1, result.dataUnitCount());
    assertEquals(1, platform.api.requests("PATCH", "/jobs/").size(), "one refused request, then silence");
    assertEquals(0, platform.api.requests("POST", "/logs/").size());
  }
}
