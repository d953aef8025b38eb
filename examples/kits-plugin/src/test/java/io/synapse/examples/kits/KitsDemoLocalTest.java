package io.synapse.examples.kits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.json.Json;
import io.synapse.plugins.kits.results.ExportResult;
import io.synapse.plugins.kits.results.TrainResult;
import io.synapse.plugins.kits.results.UploadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's three kits, LOCAL, against a seeded local backend. */
class KitsDemoLocalTest {
  @TempDir Path temp;
  DemoWorld world;

  @BeforeEach
  void seed() throws Exception {
    world = new DemoWorld(temp.resolve("demo"));
  }

  private Object run(String action, Map<String, ?> params) {
    return PluginRunner.runPlugin("kits_demo", action, params, ExecutionMode.LOCAL,
        RunOptions.builder().env(world.env()).sink(new RecordingSink()).build());
  }

  @Test
  void trainsTheBoxModelOnTheYoloConversionAndUploadsIt() throws Exception {
    TrainResult result = (TrainResult) run("train", Map.of("dataset", world.seeded.dataset().id(), "epochs", 2, "name", "boxes"));
    assertEquals(Map.of("classes", 2.0), result.trainMetrics());
    assertEquals(1, world.models().size());
    Map<?, ?> model = (Map<?, ?>) Json.parse(world.modelJson(world.models().get(0), temp));
    List<?> car = (List<?>) model.get("0");
    assertEquals((10 / 40.0 + 11 / 48.0 + 12 / 56.0) / 3, ((Number) car.get(0)).doubleValue(), 1e-5);
    assertEquals(6 / 30.0, ((Number) car.get(1)).doubleValue(), 1e-5);
  }

  @Test
  void exportsAndUploads() throws Exception {
    ExportResult export = (ExportResult) run("export", world.exportParams("first"));
    assertEquals(3, export.exportedCount());
    Map<?, ?> item = (Map<?, ?>) Json.parse(Files.readString(Path.of(export.outputPath()).resolve("labels/scene_0.json")));
    assertEquals(List.of("car", "person"), item.get("classes"));
    UploadResult upload = (UploadResult) run("upload", world.uploadParams());
    assertEquals(3, upload.dataUnitCount());
    assertEquals("completed", upload.status());
    assertThrows(ValidationError.class, () -> run("export", Map.of("name", "x")));
  }
}
