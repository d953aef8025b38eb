package io.synapse.plugins.kits.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.kits.results.ExportResult;
import io.synapse.plugins.kits.support.KitWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export kit on the local backend: the three targets, hooks, files, metrics, rollback, bad params. */
class ExportKitTest {
  @TempDir Path temp;
  KitWorld world;

  @BeforeEach
  void world() throws Exception {
    world = new KitWorld(temp);
  }

  private Map<String, Object> params(String target, Map<String, Object> filter) {
    return Map.of("name", "exp", "storage", world.storage.id(), "path", "exports", "target", target, "filter", filter);
  }

  @Test
  void exportsAssignmentsWithTheirOriginalFilesAndConvertedData() throws Exception {
    ExportResult result = (ExportResult) world.run("export", params("assignment", Map.of("project", world.project.id())));
    Path dir = world.storageDir.resolve("exports/exp");
    assertEquals(dir.toString(), result.outputPath());
    assertEquals(3, result.exportedCount());
    assertEquals(0, result.failedCount());
    assertEquals("json", result.format());
    assertEquals(List.of("task_0.json", "task_1.json", "task_2.json"), names(dir.resolve("labels")));
    assertEquals(List.of("task_0.png", "task_1.png", "task_2.png"), names(dir.resolve("origin_files")));
    Map<String, Object> data = KitJson.readMap(dir.resolve("labels/task_1.json"));
    assertEquals(List.of("car", "person"), data.get("classes"), "the project's configuration reached the hook");
    assertEquals(Map.of("annotations", List.of(Map.of("box", List.of(1, 1, 4, 4)))), data.get("annotation"));
    assertEquals(Files.size(world.files.resolve("task_2.png")), Files.size(dir.resolve("origin_files/task_2.png")));
    assertFalse(Files.exists(dir.resolve("error_file_list.json")));
    long total = 0;
    for (Path file : io.synapse.plugins.kits.internal.FileTrees.files(dir)) {
      total += Files.size(file);
    }
    assertEquals(total, result.fileSizeBytes());

    Set<String> categories = world.sink.events(EventType.PROGRESS).stream().map(PluginEvent::category).collect(Collectors.toSet());
    assertTrue(categories.containsAll(Set.of("fetch", "dataset_conversion", "original_file", "data_file")), categories.toString());
    PluginEvent last = world.sink.events(EventType.METRICS).stream().filter(e -> "data_file".equals(e.category())).reduce((a, b) -> b).orElseThrow();
    assertEquals(Map.of("stand_by", 0, "success", 3, "failed", 0), last.data());

    ExportResult second = (ExportResult) world.run("export", params("task", Map.of("project", world.project.id())));
    assertEquals(world.storageDir.resolve("exports/exp(1)").toString(), second.outputPath(), "a second export gets a fresh directory");
  }

  @Test
  void exportsGroundTruthEventsWithoutOriginals() throws Exception {
    Map<String, Object> p = new java.util.LinkedHashMap<>(params("ground_truth", Map.of("ground_truth_dataset_version", world.dataset.id())));
    p.put("saveOriginalFile", false);
    ExportResult result = (ExportResult) world.run("export", p);
    Path dir = Path.of(result.outputPath());
    assertEquals(List.of("img_a.json", "img_b.json", "img_c.json"), names(dir.resolve("labels")));
    assertFalse(Files.exists(dir.resolve("origin_files")));
  }

  @Test
  void anItemWhoseOriginalCannotBeReadIsListedAndTheRestIsExported() throws Exception {
    Path stored = Path.of(java.net.URI.create(world.units.get(1).files().get("image_1").url()));
    Files.delete(stored);
    ExportResult result = (ExportResult) world.run("export", params("task", Map.of("project", world.project.id())));
    Path dir = Path.of(result.outputPath());
    assertEquals(3, result.exportedCount(), "the data files are still written");
    assertEquals(List.of("task_0.png", "task_2.png"), names(dir.resolve("origin_files")));
    Map<String, Object> errors = KitJson.readMap(dir.resolve("error_file_list.json"));
    assertEquals(1, ((List<?>) errors.get("origin_file_name")).size());
    assertEquals(List.of(), errors.get("json_file_name"));
  }

  @Test
  void aFaultAfterEachStepRemovesTheExport() throws Exception {
    SortedMap<String, String> before = world.snapshot();
    for (String step : List.of("initialize", "fetch_results", "prepare_export", "convert_data", "save_files", "finalize")) {
      StepError error = assertThrows(StepError.class,
          () -> world.runFailingAfter("export", params("assignment", Map.of("project", world.project.id())), step), step);
      assertEquals("injected_fault", error.step());
      assertEquals(before, world.snapshot(), "after a fault following " + step);
      assertFalse(Files.exists(world.storageDir.resolve("exports/exp")), step);
    }
  }

  @Test
  void badParamsFailBeforeAnyStep() {
    ValidationError missing = assertThrows(ValidationError.class, () -> world.run("export", Map.of("storage", 0, "target", "everything")));
    assertEquals(Set.of("name", "storage", "path", "target", "filter"),
        missing.violations().stream().map(Violation::path).map(p -> p.replace("_", "")).collect(Collectors.toSet()));
    ValidationError kit = assertThrows(ValidationError.class, () -> world.run("export",
        Map.of("name", "../up", "storage", world.storage.id(), "path", "../../etc", "target", "ground_truth", "filter", Map.of("project", 1))));
    assertEquals(List.of("filter.ground_truth_dataset_version", "name", "path"), kit.violations().stream().map(Violation::path).toList());
    StepError noStorage = assertThrows(StepError.class, () -> world.run("export",
        Map.of("name", "e", "storage", 77, "path", "x", "target", "task", "filter", Map.of("project", world.project.id()))));
    assertEquals("initialize", noStorage.step());
  }

  private static List<String> names(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
