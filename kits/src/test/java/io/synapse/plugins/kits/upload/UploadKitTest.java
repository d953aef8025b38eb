package io.synapse.plugins.kits.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.kits.client.DataUnit;
import io.synapse.plugins.kits.results.UploadResult;
import io.synapse.plugins.kits.support.Images;
import io.synapse.plugins.kits.support.KitWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload kit on the local backend: organize, validate, upload, data units, metadata, rollback, bad params. */
class UploadKitTest {
  @TempDir Path temp;
  KitWorld world;

  @BeforeEach
  void world() throws Exception {
    world = new KitWorld(temp);
    Path base = world.storageDir.resolve("incoming");
    Images.png(base.resolve("image_1/cat.png"), 8, 8, 1);
    Images.png(base.resolve("image_1/dog.png"), 8, 8, 2);
    Images.png(base.resolve("image_1/nested/owl.png"), 8, 8, 3);
    Files.writeString(base.resolve("image_1/notes.txt"), "not an image");
    Files.createDirectories(base.resolve("label_1"));
    Files.writeString(base.resolve("label_1/cat.json"), "{\"boxes\": []}");
    Files.writeString(base.resolve("label_1/ghost.json"), "{}");
    Files.writeString(base.resolve("meta.csv"), "filename,source,quality\ncat.png,camera-1,good\ndog,camera-2,fair\n");
  }

  private Map<String, Object> params(Map<String, Object> extra) {
    Map<String, Object> params = new java.util.LinkedHashMap<>(Map.of("name", "up", "storage", world.storage.id(),
        "dataCollection", world.collection.id(), "path", "incoming"));
    params.putAll(extra);
    return params;
  }

  @Test
  void uploadsEachCompleteGroupAsADataUnitWithItsMetadata() {
    int unitsBefore = world.backend.countDataUnits();
    UploadResult result = (UploadResult) world.run("upload", params(Map.of("metadataPath", "meta.csv", "groupName", "batch-1")));
    assertEquals(4, result.uploadedCount(), "cat.png, cat.json, dog.png, nested/owl.png");
    assertEquals(3, result.dataUnitCount());
    assertEquals("completed", result.status());
    assertEquals(List.of(), result.lostFiles());
    assertEquals(unitsBefore + 3, world.backend.countDataUnits());
    DataUnit cat = world.backend.getDataUnit(world.units.get(world.units.size() - 1).id() + 1);
    assertEquals(Map.of("origin_file_stem", "cat", "source", "camera-1", "quality", "good"), cat.meta());
    assertEquals(List.of("image_1", "label_1"), List.copyOf(cat.files().keySet()));
    assertEquals("cat.json", cat.files().get("label_1").name());
    DataUnit owl = world.backend.getDataUnit(cat.id() + 2);
    assertEquals("nested/owl", owl.meta().get("origin_file_stem"));
  }

  @Test
  void theSizeLimitAndTheExtensionsDropGroups() throws Exception {
    Files.write(world.storageDir.resolve("incoming/image_1/big.png"), new byte[2 * 1024 * 1024]);
    UploadResult result = (UploadResult) world.run("upload", params(Map.of("maxFileSizeMb", 1, "isRecursive", false)));
    assertEquals(2, result.dataUnitCount(), "cat and dog; owl is nested, big is too large, notes.txt has a bad extension");
  }

  @Test
  void aFaultAfterEachStepDeletesTheUploadedFilesAndDataUnits() {
    SortedMap<String, String> before = world.snapshot();
    int units = world.backend.countDataUnits();
    int files = world.backend.countDataFiles();
    for (String step : List.of("initialize", "process_metadata", "analyze_collection", "organize_files", "validate_files",
        "upload_files", "generate_data_units", "cleanup")) {
      StepError error = assertThrows(StepError.class, () -> world.runFailingAfter("upload", params(Map.of("metadataPath", "meta.csv")), step), step);
      assertEquals("injected_fault", error.step());
      assertEquals(units, world.backend.countDataUnits(), step);
      assertEquals(files, world.backend.countDataFiles(), step);
      assertEquals(before, world.snapshot(), "after a fault following " + step);
    }
  }

  @Test
  void theUploadFansOutOverShardsWithOneProgressCount() {
    int units = world.backend.countDataUnits();
    UploadResult result = (UploadResult) world.run("upload", params(Map.of()), Map.of("KITS_TEST_SHARDS", "2"));
    assertEquals(3, result.dataUnitCount());
    assertEquals(4, result.uploadedCount());
    assertEquals(3, new java.util.HashSet<>(result.dataUnitIds()).size());
    assertEquals(units + 3, world.backend.countDataUnits());
    List<Long> progress = world.sink.events(io.synapse.plugins.events.EventType.PROGRESS).stream()
        .filter(e -> "upload_files".equals(e.category())).map(e -> e.progress().current()).toList();
    assertEquals(4L, progress.get(progress.size() - 1), "one count over both shards: " + progress);
    assertEquals(List.of(), world.sink.events(io.synapse.plugins.events.EventType.PROGRESS).stream()
        .filter(e -> "generate_data_units".equals(e.category())).toList(), "the shards made the units");
  }

  @Test
  void aFailedShardOrAFaultAfterTheFanOutLeavesNothingBehind() {
    SortedMap<String, String> before = world.snapshot();
    int units = world.backend.countDataUnits();
    StepError shard = assertThrows(StepError.class, () -> world.run("upload", params(Map.of()),
        Map.of("KITS_TEST_SHARDS", "2", "KITS_TEST_SHARD_FAIL_AFTER", "generate_data_units")));
    assertEquals("upload_files", shard.step());
    assertEquals(before, world.snapshot());
    StepError parent = assertThrows(StepError.class, () -> world.run("upload", params(Map.of()),
        Map.of("KITS_TEST_SHARDS", "3", io.synapse.plugins.kits.testplugin.Faults.VARIABLE, "upload_files")));
    assertEquals("injected_fault", parent.step());
    assertEquals(units, world.backend.countDataUnits());
    assertEquals(before, world.snapshot(), "the parent rolled back the shards that had finished");
  }

  @Test
  void badParamsFailBeforeAnyStep() {
    ValidationError error = assertThrows(ValidationError.class, () -> world.run("upload", params(Map.of("maxFileSizeMb", 0,
        "uploadMaxWorkers", 1000))));
    assertEquals(2, error.violations().size(), error.violations().toString());
    ValidationError escape = assertThrows(ValidationError.class, () -> world.run("upload", params(Map.of("path", "../../etc"))));
    assertEquals(List.of("path"), escape.violations().stream().map(Violation::path).toList());
    StepError notADir = assertThrows(StepError.class, () -> world.run("upload", params(Map.of("path", "missing"))));
    assertEquals("initialize", notADir.step());
    StepError empty = assertThrows(StepError.class, () -> world.run("upload", params(Map.of("path", "."))));
    assertEquals("validate_files", empty.step(), empty.getMessage());
    assertTrue(empty.getMessage().contains("no file group passed validation"), empty.getMessage());
  }
}
