package io.synapse.plugins.kits.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.kits.dataset.DatasetResult;
import io.synapse.plugins.kits.results.ExportResult;
import io.synapse.plugins.kits.results.InferenceResult;
import io.synapse.plugins.kits.results.TrainResult;
import io.synapse.plugins.kits.results.UploadResult;
import io.synapse.plugins.kits.support.Images;
import io.synapse.plugins.kits.support.KitWorld;
import io.synapse.plugins.kits.support.Trees;
import io.synapse.plugins.kits.tasks.AddTaskDataResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kit through the HTTP client against the contract server, giving what it gives on the local backend. */
class KitsOverHttpTest {
  @TempDir Path temp;
  KitWorld world;
  ContractPlatform platform;
  Map<String, String> http;

  @BeforeEach
  void start() throws Exception {
    world = new KitWorld(temp.resolve("world"));
    platform = new ContractPlatform(world.backend, temp.resolve("scratch"));
    http = Map.of(BackendClients.HOST, platform.url().toString(), BackendClients.ACCESS_TOKEN, ContractPlatform.TOKEN);
  }

  @AfterEach
  void stop() {
    platform.close();
    assertEquals(List.of(), platform.violations(), "every request kept the platform's contract");
  }

  @Test
  void datasetDownloadAndTrainOverHttpMatchTheLocalRun() throws Exception {
    DatasetResult local = (DatasetResult) world.run("dataset", Map.of("dataset", world.dataset.id()));
    DatasetResult remote = (DatasetResult) world.run("dataset", Map.of("dataset", world.dataset.id()), http);
    assertTrue(!local.path().equals(remote.path()), "each backend has its own cache entry");
    assertEquals(Trees.snapshot(List.of(Path.of(local.path())), ".complete"), Trees.snapshot(List.of(Path.of(remote.path())), ".complete"));

    TrainResult trained = (TrainResult) world.run("train", Map.of("dataset", world.dataset.id(), "epochs", 1, "name", "http"), http);
    assertTrue(Files.readString(Path.of(trained.weightsPath()).resolve("weights.txt")).contains("detect/labels/img_c.txt"));
    assertEquals(1, platform.api.requests("POST", "/models/").size());
    long models = platform.api.requests("POST", "/models/").size();
    assertThrows(StepError.class, () -> world.run("train", Map.of("dataset", world.dataset.id(), "epochs", 1),
        Map.of(BackendClients.HOST, http.get(BackendClients.HOST), BackendClients.ACCESS_TOKEN, ContractPlatform.TOKEN,
            io.synapse.plugins.kits.testplugin.Faults.VARIABLE, "model_upload")));
    assertEquals(models + 1, platform.api.requests("POST", "/models/").size());
    assertEquals(1, platform.api.requests("DELETE", "/v2/models/").size(), "the rollback deleted the model on the platform");
  }

  @Test
  void exportOverHttpWritesWhatTheLocalExportWrites() {
    Map<String, Object> params = Map.of("name", "exp", "storage", world.storage.id(), "path", "out", "target", "assignment",
        "filter", Map.of("project", world.project.id()));
    ExportResult local = (ExportResult) world.run("export", params);
    ExportResult remote = (ExportResult) world.run("export", params, http);
    assertEquals(3, remote.exportedCount());
    assertEquals(Trees.snapshot(List.of(Path.of(local.outputPath()))), Trees.snapshot(List.of(Path.of(remote.outputPath()))));
    assertTrue(platform.media.requests().size() >= 3, "originals came from the media host");
  }

  @Test
  void uploadOverHttpCreatesUnitsAndItsRollbackDeletesThem() throws Exception {
    Path base = world.storageDir.resolve("incoming");
    Images.png(base.resolve("image_1/cat.png"), 8, 8, 1);
    Images.png(base.resolve("image_1/dog.png"), 8, 8, 2);
    Map<String, Object> params = Map.of("name", "up", "storage", world.storage.id(), "dataCollection", world.collection.id(), "path", "incoming");
    int units = world.backend.countDataUnits();
    UploadResult result = (UploadResult) world.run("upload", params, http);
    assertEquals(2, result.dataUnitCount());
    assertEquals(units + 2, world.backend.countDataUnits());
    assertEquals(1, platform.api.requests("POST", "/data_files/presigned_upload/upload/").size(), "one batch");
    assertEquals(1, platform.api.requests("POST", "/data_files/presigned_upload/confirm_upload/").size());
    assertEquals(2, platform.presigned.storage.requests("PUT", "/bucket/").size(), "the bytes went straight to storage");
    assertEquals(0, platform.api.requests().stream().filter(r -> r.path().equals("/data_files/")).count());

    Map<String, String> failing = new java.util.HashMap<>(http);
    failing.put(io.synapse.plugins.kits.testplugin.Faults.VARIABLE, "generate_data_units");
    assertThrows(StepError.class, () -> world.run("upload", params, failing));
    assertEquals(units + 2, world.backend.countDataUnits(), "the failed run's units were deleted");
    assertEquals(2, platform.api.requests("DELETE", "/v2/data-units/").size());
    assertTrue(world.sink.events(EventType.LOG).stream().anyMatch(e -> "data_files_kept".equals(e.name())),
        "the platform cannot delete files: the rollback says so");
  }

  @Test
  void addTaskDataAndInferenceOverHttp() {
    AddTaskDataResult files = (AddTaskDataResult) world.run("add-task-data", Map.of("name", "pre", "project", world.project.id(),
        "targetSpecificationName", "label_1"), http);
    assertEquals(3, files.successCount(), files.failures().toString());
    AddTaskDataResult inferred = (AddTaskDataResult) world.run("add-task-data", Map.of("name", "pre", "project", world.project.id(),
        "method", "inference", "preProcessor", world.preProcessor.id(), "model", world.model.id(), "agent", 1), http);
    assertEquals(3, inferred.successCount(), inferred.failures().toString());
    assertEquals(3, platform.api.requests("POST", "/plugins/kits_test/run/").size());
    assertEquals(6, platform.api.requests("PUT", "/tasks/").size());

    InferenceResult result = (InferenceResult) world.run("infer", Map.of("model", world.model.id(), "inputs", List.of(Map.of("value", "x"))), http);
    assertEquals(List.of(Map.of("prediction", "base-model:x")), result.predictions());
  }
}
