package io.synapse.plugins.kits.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.kits.client.ModelRecord;
import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.results.TrainResult;
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

/** The train kit on the local backend: dataset, convert, train, model upload, checkpoints, trials, rollback, bad params. */
class TrainKitTest {
  @TempDir Path temp;
  KitWorld world;

  @BeforeEach
  void world() throws Exception {
    world = new KitWorld(temp);
  }

  @Test
  void downloadsConvertsTrainsAndUploadsTheModel() throws Exception {
    TrainResult result = (TrainResult) world.run("train", Map.of("dataset", world.dataset.id(), "epochs", 3, "name", "cars",
        "hyperparameters", List.of(Map.of("lr", 0.5))));
    assertEquals(3, result.finalEpoch());
    assertEquals(Map.of("score", 5.0), result.valMetrics());
    String weights = Files.readString(Path.of(result.weightsPath()).resolve("weights.txt"));
    assertTrue(weights.startsWith("data=dataset.yaml\n"), weights);
    assertTrue(weights.contains("detect/labels/img_a.txt"), "trained on the YOLO conversion: " + weights);
    ModelRecord model = onlyNewModel();
    assertTrue(model.name().startsWith("cars_"), model.name());
    assertEquals("kits_test", model.plugin());
    assertEquals(Map.of("hyperparameter", Map.of("lr", 0.5)), model.configuration());
    Path unpacked = temp.resolve("unpacked");
    FileTrees.unzip(world.backend.download(model.fileUrl(), temp.resolve("model.zip")), unpacked, 1 << 20);
    assertEquals(weights, Files.readString(unpacked.resolve("weights.txt")), "the model archive holds the weights");

    Set<String> categories = world.sink.events(EventType.PROGRESS).stream().map(PluginEvent::category).collect(Collectors.toSet());
    assertTrue(categories.containsAll(Set.of("dataset", "train", "model_upload")), categories.toString());
  }

  @Test
  void resumesFromACheckpointModel() throws Exception {
    TrainResult result = (TrainResult) world.run("train", Map.of("checkpoint", world.model.id(), "epochs", 1));
    String weights = Files.readString(Path.of(result.weightsPath()).resolve("weights.txt"));
    assertEquals("checkpoint=base-model", weights, "no dataset: the checkpoint's weights are what it saw");
    ModelRecord model = onlyNewModel();
    assertEquals(world.model.id(), model.checkpoint());
    assertEquals("fine-tuned", model.category());
  }

  @Test
  void severalHyperparameterSetsRunAsTrialsAndTheBestWins() throws Exception {
    TrainResult best = (TrainResult) world.run("train", Map.of("dataset", world.dataset.id(), "epochs", 1,
        "hyperparameters", List.of(Map.of("lr", 0.1), Map.of("lr", 0.9), Map.of("lr", 0.3))));
    assertEquals(9.0, best.valMetrics().get("score"), 1e-9);
    List<ModelRecord> models = newModels();
    assertEquals(3, models.size(), "each trial uploads its own model");
    assertEquals(Set.of(Map.of("lr", 0.1), Map.of("lr", 0.9), Map.of("lr", 0.3)),
        models.stream().map(m -> m.configuration().get("hyperparameter")).collect(Collectors.toSet()));
  }

  @Test
  void aFailingTrialIsListedAndTheOthersStillCount() throws Exception {
    TrainResult best = (TrainResult) world.run("train", Map.of("epochs", 1, "hyperparameters", List.of(Map.of("lr", -1), Map.of("lr", 0.2))));
    assertEquals(2.0, best.valMetrics().get("score"), 1e-9);
    assertEquals(1, newModels().size());
    StepError all = assertThrows(StepError.class, () -> world.run("train", Map.of("epochs", 1,
        "hyperparameters", List.of(Map.of("lr", -1), Map.of("lr", -2)))));
    assertEquals("train", all.step());
    assertTrue(all.getMessage().contains("every trial failed"), all.getMessage());
  }

  @Test
  void aFaultAfterEachStepRemovesWhatTheRunWrote() throws Exception {
    SortedMap<String, String> before = world.snapshot();
    for (String step : List.of("dataset", "convert", "train", "model_upload")) {
      StepError error = assertThrows(StepError.class,
          () -> world.runFailingAfter("train", Map.of("dataset", world.dataset.id(), "epochs", 1), step), step);
      assertEquals("injected_fault", error.step());
      assertTrue(((List<?>) error.details().get("rolled_back")).contains(step), error.details().toString());
      assertEquals(before, world.snapshot(), "after a fault following " + step);
      assertEquals(List.of(), newModels());
    }
  }

  @Test
  void badParamsFailBeforeAnyStep() {
    ValidationError error = assertThrows(ValidationError.class, () -> world.run("train", Map.of("dataset", -3, "checkpoint", 0,
        "epochs", 0, "splits", Map.of("nope", Map.of()))));
    assertTrue(error.violations().stream().map(Violation::path).toList().contains("epochs"), error.violations().toString());
    ValidationError kit = assertThrows(ValidationError.class, () -> world.run("train", Map.of("dataset", -3, "checkpoint", 0)));
    assertEquals(List.of("dataset", "checkpoint"), kit.violations().stream().map(Violation::path).toList());
    ValidationError format = assertThrows(ValidationError.class, () -> world.run("train", Map.of("dataset", world.dataset.id()),
        Map.of("KITS_TEST_FORMAT", "tiff")));
    assertEquals(List.of("target_format"), format.violations().stream().map(Violation::path).toList());
    StepError missingCheckpoint = assertThrows(StepError.class, () -> world.run("train", Map.of("checkpoint", 4242)));
    assertEquals("train", missingCheckpoint.step());
    assertNotEquals(null, missingCheckpoint.getCause());
  }

  private List<ModelRecord> newModels() {
    List<ModelRecord> models = new java.util.ArrayList<>();
    for (long id = world.model.id() + 1; id < world.model.id() + 50; id++) {
      try {
        models.add(world.backend.getModel(id));
      } catch (io.synapse.plugins.kits.client.BackendError missing) {
        // not created
      }
    }
    return models;
  }

  private ModelRecord onlyNewModel() {
    List<ModelRecord> models = newModels();
    assertEquals(1, models.size(), models.toString());
    return models.get(0);
  }
}
