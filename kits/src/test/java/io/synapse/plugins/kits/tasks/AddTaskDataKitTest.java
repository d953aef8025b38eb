package io.synapse.plugins.kits.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.kits.support.KitWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The add-task-data kit on the local backend: FILE and INFERENCE, per-task failures, metrics, rollback, bad params. */
class AddTaskDataKitTest {
  @TempDir Path temp;
  KitWorld world;

  @BeforeEach
  void world() throws Exception {
    world = new KitWorld(temp);
  }

  @Test
  void theFileMethodAnnotatesEachTaskFromItsTargetFile() {
    AddTaskDataResult result = (AddTaskDataResult) world.run("add-task-data", Map.of("name", "pre", "project", world.project.id(),
        "targetSpecificationName", "label_1"));
    assertEquals(3, result.totalTasks());
    assertEquals(3, result.successCount());
    assertEquals(0, result.failedCount());
    assertEquals(Map.of("boxes", List.of(List.of(2, 2, 4, 4)), "primary", "task_2.png"), world.backend.getTask(world.tasks.get(2)).data());
    PluginEvent metrics = world.sink.events(EventType.METRICS).stream().filter(e -> "annotate_task_data".equals(e.category()))
        .reduce((a, b) -> b).orElseThrow();
    assertEquals(Map.of("success", 3, "failed", 0, "stand_by", 0), metrics.data());
  }

  @Test
  void aTaskThatFailsIsListedAndTheOthersAreAnnotated() throws Exception {
    Files.writeString(Path.of(java.net.URI.create(world.units.get(1).files().get("label_1").url())), "not json");
    AddTaskDataResult result = (AddTaskDataResult) world.run("add-task-data", Map.of("name", "pre", "project", world.project.id(),
        "targetSpecificationName", "label_1"));
    assertEquals(2, result.successCount());
    assertEquals(1, result.failedCount());
    assertEquals(world.tasks.get(1), ((Number) result.failures().get(0).get("task_id")).longValue());
    assertEquals(Map.of("status", "new"), world.backend.getTask(world.tasks.get(1)).data(), "the failed task is untouched");
  }

  @Test
  void theInferenceMethodRunsThePreProcessorThroughTheBackend() {
    AddTaskDataResult result = (AddTaskDataResult) world.run("add-task-data", Map.of("name", "pre", "project", world.project.id(),
        "method", "inference", "preProcessor", world.preProcessor.id(), "model", world.model.id(), "agent", 1));
    assertEquals(3, result.successCount(), result.failures().toString());
    assertEquals(Map.of("annotations", List.of(Map.of("label", "task_0.png", "model", (int) world.model.id()))),
        world.backend.getTask(world.tasks.get(0)).data());
    assertEquals(3, world.backend.pluginRuns().size());
    assertEquals("inference", world.backend.pluginRuns().get(0).get("action"));
  }

  @Test
  void aFaultAfterEachStepRestoresTheTasks() {
    SortedMap<String, String> before = world.snapshot("plugin_runs");
    for (String step : List.of("initialize", "prepare", "fetch_tasks", "annotate_task_data", "finalize")) {
      StepError error = assertThrows(StepError.class, () -> world.runFailingAfter("add-task-data", Map.of("name", "pre",
          "project", world.project.id(), "targetSpecificationName", "label_1"), step), step);
      assertEquals("injected_fault", error.step());
      assertEquals(before, world.snapshot("plugin_runs"), "after a fault following " + step);
    }
  }

  @Test
  void badParamsFailBeforeAnyStep() {
    ValidationError file = assertThrows(ValidationError.class, () -> world.run("add-task-data", Map.of("name", "pre", "project", world.project.id())));
    assertEquals(List.of("target_specification_name"), file.violations().stream().map(Violation::path).toList());
    ValidationError inference = assertThrows(ValidationError.class, () -> world.run("add-task-data", Map.of("name", "pre",
        "project", world.project.id(), "method", "inference")));
    assertEquals(List.of("pre_processor", "model", "agent"), inference.violations().stream().map(Violation::path).toList());
    assertThrows(ValidationError.class, () -> world.run("add-task-data", Map.of("name", "pre", "project", 1, "schema", "dm_schema_v9",
        "targetSpecificationName", "x")));
    StepError unknownSpec = assertThrows(StepError.class, () -> world.run("add-task-data", Map.of("name", "pre", "project", world.project.id(),
        "targetSpecificationName", "depth_1")));
    assertEquals("prepare", unknownSpec.step());
    assertTrue(unknownSpec.getMessage().contains("depth_1"), unknownSpec.getMessage());
  }
}
