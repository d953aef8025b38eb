package io.synapse.plugins.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sources of a new {@code neural_net} plugin on the dataset kit ({@code --kit dataset}) or the inference kit
 * ({@code --kit inference}): an action extending the kit and a test that runs it against a local backend the test
 * seeds. Tokens are those of {@link ProjectScaffold}; the test's {@code LocalPlatform} is {@link KitTemplates}'.
 */
final class NeuralNetKitTemplates {
  private NeuralNetKitTemplates() {}

  static Map<String, String> dataset(String main, String test, String type) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(main + type + "Action.java", DATASET_ACTION);
    files.put(test + type + "ActionTest.java", DATASET_TEST);
    return files;
  }

  static Map<String, String> inference(String main, String test, String type) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(main + type + "Params.java", INFERENCE_PARAMS);
    files.put(main + type + "Action.java", INFERENCE_ACTION);
    files.put(test + type + "ActionTest.java", INFERENCE_TEST);
    return files;
  }

  private static final String DATASET_ACTION = """
      package @@PACKAGE@@;

      import io.synapse.plugins.RunMethod;
      import io.synapse.plugins.PluginAction;

      /**
       * Downloads a ground-truth dataset into the DM v2 layout ({@code operation: download}) or converts a dataset
       * directory between DM v2, YOLO, COCO and Pascal VOC ({@code operation: convert}); the kit does both. (The kit's
       * class is named in full: this class has its simple name.)
       */
      @PluginAction(name = "@@ACTION@@", title = "@@ACTION_TITLE@@", method = RunMethod.TASK)
      public final class @@TYPE@@Action extends io.synapse.plugins.kits.dataset.DatasetAction {}
      """;

  private static final String DATASET_TEST = """
      package @@PACKAGE@@;

      import static org.junit.jupiter.api.Assertions.assertEquals;
      import static org.junit.jupiter.api.Assertions.assertTrue;

      import io.synapse.plugins.errors.ValidationError;
      import io.synapse.plugins.kits.client.GroundTruthVersion;
      import io.synapse.plugins.kits.dataset.DatasetResult;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.List;
      import java.util.Map;
      import org.junit.jupiter.api.Test;
      import org.junit.jupiter.api.io.TempDir;

      class @@TYPE@@ActionTest {
        @TempDir Path temp;

        @Test
        void downloadsALocalDatasetAndConvertsItToYolo() throws Exception {
          LocalPlatform platform = new LocalPlatform(temp);
          GroundTruthVersion dataset = platform.backend.seeder().groundTruthVersion("demo");
          Path image = LocalPlatform.png(temp.resolve("files/cat.png"), 20, 10);
          Map<String, Object> data = Map.of("images", List.of(Map.of("bounding_box",
              List.of(Map.of("id", "a", "classification", "cat", "data", List.of(2, 2, 10, 4))))));
          platform.backend.seeder().groundTruthEvent(dataset.id(), "train", data, Map.of("image_1", image));

          DatasetResult download = (DatasetResult) platform.run("@@ACTION@@", Map.of("dataset", dataset.id()));
          assertEquals(1, download.count());
          DatasetResult yolo = (DatasetResult) platform.run("@@ACTION@@", Map.of("operation", "convert", "path", download.path(),
              "targetFormat", "yolo"));
          assertEquals("0 0.350000 0.400000 0.500000 0.400000",
              Files.readString(Path.of(yolo.path()).resolve("detect/labels/cat.txt")).strip());
          assertTrue(Files.isRegularFile(Path.of(yolo.path()).resolve("detect/dataset.yaml")));
        }

        @Test
        void rejectsInvalidParams() {
          new LocalPlatform(temp).attempt("@@ACTION@@", Map.of("operation", "convert")).assertFailedWith(ValidationError.class);
        }
      }
      """;

  private static final String INFERENCE_PARAMS = """
      package @@PACKAGE@@;

      import io.synapse.plugins.Params;
      import java.util.List;
      import java.util.Map;

      /**
       * Parameters of the @@ACTION@@ action.
       *
       * @param model the model to run (downloaded and loaded once by the kit)
       * @param inputs the inputs, one map each
       * @param outputPath a file to write the predictions to, or null
       */
      @Params
      public record @@TYPE@@Params(Long model, List<Map<String, Object>> inputs, String outputPath)
          implements io.synapse.plugins.kits.inference.InferenceRequest {}
      """;

  private static final String INFERENCE_ACTION = """
      package @@PACKAGE@@;

      import io.synapse.plugins.RunMethod;
      import io.synapse.plugins.PluginAction;
      import io.synapse.plugins.kits.ModelDownloads;
      import io.synapse.plugins.kits.inference.BaseInferenceAction;
      import java.nio.file.Files;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.Map;

      /**
       * Runs the model on each input; the kit downloads and caches the model, batches the inputs and reports
       * progress. Replace {@link #load} and {@link #infer} with your model's.
       */
      @PluginAction(name = "@@ACTION@@", title = "@@ACTION_TITLE@@", method = RunMethod.TASK)
      public final class @@TYPE@@Action extends BaseInferenceAction<@@TYPE@@Params, String> {

        @Override
        protected String load(ModelDownloads.LocalModel model) throws Exception {
          // Load your weights here; this model is the first line of its model.txt.
          return Files.readString(model.path().resolve("model.txt")).lines().findFirst().orElse("");
        }

        @Override
        protected List<Map<String, Object>> infer(String model, List<Map<String, Object>> inputs) {
          List<Map<String, Object>> predictions = new ArrayList<>();
          for (Map<String, Object> input : inputs) {
            predictions.add(Map.of("prediction", model + ":" + input.get("value")));
          }
          return predictions;
        }
      }
      """;

  private static final String INFERENCE_TEST = """
      package @@PACKAGE@@;

      import static org.junit.jupiter.api.Assertions.assertEquals;

      import io.synapse.plugins.errors.ValidationError;
      import io.synapse.plugins.kits.client.ModelCreate;
      import io.synapse.plugins.kits.client.ModelRecord;
      import io.synapse.plugins.kits.results.InferenceResult;
      import java.io.OutputStream;
      import java.nio.charset.StandardCharsets;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.List;
      import java.util.Map;
      import java.util.zip.ZipEntry;
      import java.util.zip.ZipOutputStream;
      import org.junit.jupiter.api.Test;
      import org.junit.jupiter.api.io.TempDir;

      class @@TYPE@@ActionTest {
        @TempDir Path temp;

        @Test
        void runsALocalModelOnEachInput() throws Exception {
          LocalPlatform platform = new LocalPlatform(temp);
          Path archive = temp.resolve("model.zip");
          try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("model.txt"));
            zip.write("demo-model\\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
          }
          ModelRecord model = platform.backend.createModel(new ModelCreate("demo", "@@CODE@@", "0.1.0", null, null, Map.of()), archive);

          InferenceResult result = (InferenceResult) platform.run("@@ACTION@@", Map.of("model", model.id(),
              "inputs", List.of(Map.of("value", "a"), Map.of("value", "b"))));
          assertEquals(List.of(Map.of("prediction", "demo-model:a"), Map.of("prediction", "demo-model:b")), result.predictions());
        }

        @Test
        void rejectsInvalidParams() {
          new LocalPlatform(temp).attempt("@@ACTION@@", Map.of("inputs", List.of())).assertFailedWith(ValidationError.class);
        }
      }
      """;
}
