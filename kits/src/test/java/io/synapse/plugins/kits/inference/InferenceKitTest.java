package io.synapse.plugins.kits.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.kits.results.InferenceResult;
import io.synapse.plugins.kits.support.KitWorld;
import io.synapse.plugins.kits.testplugin.Infer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inference kit on the local backend: model download and load (cached), batches, output file, rollback, bad params. */
class InferenceKitTest {
  @TempDir Path temp;
  KitWorld world;

  @BeforeEach
  void world() throws Exception {
    world = new KitWorld(temp);
    LoadedModels.clear();
  }

  @Test
  void loadsTheModelOnceAndInfersInBatches() throws Exception {
    int loads = Infer.LOADS.get();
    List<Map<String, Object>> inputs = List.of(Map.of("value", 1), Map.of("value", 2), Map.of("value", 3));
    Path output = temp.resolve("out/predictions.json");
    InferenceResult result = (InferenceResult) world.run("infer", Map.of("model", world.model.id(), "inputs", inputs, "outputPath", output.toString()));
    assertEquals(3, result.processedCount());
    assertEquals(List.of(Map.of("prediction", "base-model:1"), Map.of("prediction", "base-model:2"), Map.of("prediction", "base-model:3")),
        result.predictions());
    assertEquals(Map.of("predictions", result.predictions()), KitJson.readMap(output));
    world.run("infer", Map.of("model", world.model.id(), "inputs", List.of(Map.of("value", 9))));
    assertEquals(loads + 1, Infer.LOADS.get(), "the second run reuses the loaded model");
    assertTrue(LoadedModels.size() <= 2);
  }

  @Test
  void aFaultAfterEachStepRemovesTheOutputFile() {
    Path output = temp.resolve("predictions.json");
    world.run("infer", Map.of("model", world.model.id(), "inputs", List.of(Map.of("value", 0)))); // downloads the model into the cache
    java.util.SortedMap<String, String> before = world.snapshot();
    for (String step : List.of("model_load", "inference", "postprocess")) {
      StepError error = assertThrows(StepError.class, () -> world.runFailingAfter("infer", Map.of("model", world.model.id(),
          "inputs", List.of(Map.of("value", 1)), "outputPath", output.toString()), step), step);
      assertEquals("injected_fault", error.step());
      assertFalse(Files.exists(output), step);
      assertEquals(before, world.snapshot(), step);
    }
  }

  @Test
  void badParamsFailBeforeAnyStep() {
    ValidationError error = assertThrows(ValidationError.class, () -> world.run("infer", Map.of("inputs", List.of())));
    assertEquals(List.of("model", "inputs"), error.violations().stream().map(Violation::path).toList());
    StepError unknown = assertThrows(StepError.class, () -> world.run("infer", Map.of("model", 999, "inputs", List.of(Map.of("value", 1)))));
    assertEquals("model_load", unknown.step());
  }
}
