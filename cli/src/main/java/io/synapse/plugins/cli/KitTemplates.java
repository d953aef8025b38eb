package io.synapse.plugins.cli;

import io.synapse.plugins.PluginCategory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sources of a new plugin whose category has a kit ({@code neural_net}: the train kit, or with {@code --kit}
 * the dataset or inference kit ({@link NeuralNetKitTemplates}),
 * {@code export}, {@code upload}, {@code pre_annotation}: the add-task-data kit): an action extending
 * the kit and a test that runs it end to end against a local backend the test seeds. Tokens are those
 * of {@link ProjectScaffold}.
 */
final class KitTemplates {
  /** The dependency the pom adds for a kit. */
  static final String DEPENDENCY = """
          <dependency>
            <groupId>io.synapse.plugins</groupId>
            <artifactId>synapse-plugins-kits</artifactId>
          </dependency>
      """;

  private KitTemplates() {}

  /** Whether {@code category} is scaffolded on a kit. */
  static boolean hasKit(PluginCategory category) {
    return switch (category) {
      case NEURAL_NET, EXPORT, UPLOAD, PRE_ANNOTATION -> true;
      default -> false;
    };
  }

  /** The kits a category can be scaffolded on, its default first ({@code neural_net}: train, dataset, inference). */
  static java.util.List<String> kits(PluginCategory category) {
    return switch (category) {
      case NEURAL_NET -> java.util.List.of("train", "dataset", "inference");
      case EXPORT -> java.util.List.of("export");
      case UPLOAD -> java.util.List.of("upload");
      case PRE_ANNOTATION -> java.util.List.of("add_task_data");
      default -> java.util.List.of();
    };
  }

  /** The action a plugin on {@code kit} starts with, when it is not the category's own. */
  static Optional<String> actionName(String kit) {
    return switch (kit == null ? "" : kit) {
      case "dataset" -> Optional.of("dataset");
      case "inference" -> Optional.of("inference");
      default -> Optional.empty();
    };
  }

  /** The kit's source files (path relative to the project to template), or empty when the category has no kit. */
  static Optional<Map<String, String>> sources(PluginCategory category, String kit, String packagePath, String type) {
    if (!hasKit(category)) {
      return Optional.empty();
    }
    String main = "src/main/java/" + packagePath + "/";
    String test = "src/test/java/" + packagePath + "/";
    Map<String, String> files = new LinkedHashMap<>();
    if ("dataset".equals(kit) || "inference".equals(kit)) {
      files.putAll("dataset".equals(kit) ? NeuralNetKitTemplates.dataset(main, test, type) : NeuralNetKitTemplates.inference(main, test, type));
      files.put(test + "LocalPlatform.java", LOCAL_PLATFORM);
      return Optional.of(files);
    }
    switch (category) {
      case NEURAL_NET -> {
        files.put(main + type + "Params.java", TRAIN_PARAMS);
        files.put(main + type + "Action.java", TRAIN_ACTION);
        files.put(test + type + "ActionTest.java", TRAIN_TEST);
      }
      case EXPORT -> {
        files.put(main + type + "Action.java", EXPORT_ACTION);
        files.put(test + type + "ActionTest.java", EXPORT_TEST);
      }
      case UPLOAD -> {
        files.put(main + type + "Action.java", UPLOAD_ACTION);
        files.put(test + type + "ActionTest.java", UPLOAD_TEST);
      }
      default -> {
        files.put(main + type + "Action.java", TASK_ACTION);
        files.put(test + type + "ActionTest.java", TASK_TEST);
      }
    }
    files.put(test + "LocalPlatform.java", LOCAL_PLATFORM);
    return Optional.of(files);
  }

  private static final String TRAIN_PARAMS = """
      package @@PACKAGE@@;

      import io.synapse.plugins.Default;
      import io.synapse.plugins.Params;
      import jakarta.validation.constraints.Max;
      import jakarta.validation.constraints.Min;
      import java.util.List;
      import java.util.Map;

      /**
       * Parameters of the @@ACTION@@ action.
       *
       * @param dataset the ground-truth dataset version to train on
       * @param checkpoint a model to resume from
       * @param hyperparameters hyperparameter sets; several run as trials
       * @param name the model name base
       * @param epochs passes over the data
       */
      @Params
      public record @@TYPE@@Params(Long dataset, Long checkpoint, List<Map<String, Object>> hyperparameters, String name,
          @Default("10") @Min(1) @Max(1000) int epochs) implements io.synapse.plugins.kits.train.TrainParams {}
      """;

  private static final String TRAIN_ACTION = """
      package @@PACKAGE@@;

      import io.synapse.plugins.RunMethod;
      import io.synapse.plugins.PluginAction;
      import io.synapse.plugins.kits.results.TrainResult;
      import io.synapse.plugins.kits.train.BaseTrainAction;
      import io.synapse.plugins.kits.train.TrainInput;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.Map;

      /**
       * Trains on the dataset, converted to YOLO by the kit; the kit downloads the dataset, resolves the
       * checkpoint and uploads the weights this returns as a model.
       */
      @PluginAction(name = "@@ACTION@@", title = "@@ACTION_TITLE@@", method = RunMethod.JOB)
      public final class @@TYPE@@Action extends BaseTrainAction<@@TYPE@@Params, TrainResult> {

        @Override
        protected String targetFormat() {
          return "yolo";
        }

        @Override
        protected TrainResult train(TrainInput input) throws Exception {
          Path weights = Files.createDirectories(input.workDir().resolve("weights"));
          for (int epoch = 1; epoch <= params().epochs(); epoch++) {
            // Your training step here, reading input.dataPath() (the YOLO dataset.yaml).
            input.context().setProgress(epoch, params().epochs());
          }
          Files.writeString(weights.resolve("model.txt"), "trained on " + input.dataPath() + "\\n");
          return new TrainResult(weights.toString(), params().epochs(), null, Map.of(), Map.of());
        }
      }
      """;

  private static final String EXPORT_ACTION = """
      package @@PACKAGE@@;

      import io.synapse.plugins.RunMethod;
      import io.synapse.plugins.PluginAction;
      import io.synapse.plugins.kits.client.ExportRow;
      import io.synapse.plugins.kits.export.DefaultExportAction;
      import io.synapse.plugins.kits.export.ExportContext;
      import java.util.Map;

      /** Exports each item's annotation data; convert it to your format in {@link #convertData}. */
      @PluginAction(name = "@@ACTION@@", title = "@@ACTION_TITLE@@", method = RunMethod.TASK)
      public final class @@TYPE@@Action extends DefaultExportAction {

        @Override
        protected ExportRow convertData(ExportRow item, ExportContext context) {
          return new ExportRow(item.id(), Map.of("id", item.id(), "annotation", item.data()), item.files());
        }
      }
      """;

  private static final String UPLOAD_ACTION = """
      package @@PACKAGE@@;

      import io.synapse.plugins.RunMethod;
      import io.synapse.plugins.PluginAction;
      import io.synapse.plugins.kits.upload.DefaultUploadAction;

      /** Uploads each specification directory's files as data units, with the upload kit's eight steps. */
      @PluginAction(name = "@@ACTION@@", title = "@@ACTION_TITLE@@", method = RunMethod.TASK)
      public final class @@TYPE@@Action extends DefaultUploadAction {}
      """;

  private static final String TASK_ACTION = """
      package @@PACKAGE@@;

      import io.synapse.plugins.RunMethod;
      import io.synapse.plugins.PluginAction;
      import io.synapse.plugins.kits.client.Task;
      import io.synapse.plugins.kits.tasks.AddTaskDataAction;
      import io.synapse.plugins.kits.tasks.AddTaskDataContext;
      import io.synapse.plugins.kits.tasks.TaskFile;
      import java.nio.file.Files;
      import java.util.Map;

      /** Pre-annotates each task from its data unit's target file. */
      @PluginAction(name = "@@ACTION@@", title = "@@ACTION_TITLE@@", method = RunMethod.TASK)
      public final class @@TYPE@@Action extends AddTaskDataAction {

        @Override
        protected Map<String, Object> convertDataFromFile(TaskFile primary, TaskFile dataFile, Task task, AddTaskDataContext context)
            throws Exception {
          String text = Files.readString(context.fetch(dataFile));
          return Map.of("source", String.valueOf(primary.name()), "text", text);
        }
      }
      """;

  private static final String LOCAL_PLATFORM = """
      package @@PACKAGE@@;

      import io.synapse.plugins.kits.client.LocalBackendClient;
      import io.synapse.plugins.testing.ActionRun;
      import io.synapse.plugins.testing.ActionTester;
      import java.awt.image.BufferedImage;
      import java.io.IOException;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.Map;
      import javax.imageio.ImageIO;

      /** A local backend the tests seed, so the kit runs end to end with no platform. */
      final class LocalPlatform {
        final Path dir;
        final LocalBackendClient backend;

        LocalPlatform(Path dir) {
          this.dir = dir;
          this.backend = new LocalBackendClient(dir.resolve("backend"));
        }

        /** Runs {@code action} on this platform; its result, or a failure that lists the run's events. */
        Object run(String action, Map<String, ?> params) {
          return attempt(action, params).result();
        }

        /** Runs {@code action} on this platform with the test kit, to assert on the run. */
        ActionRun<?> attempt(String action, Map<String, ?> params) {
          Map<String, String> env = Map.of("SYNAPSE_LOCAL_BACKEND", dir.resolve("backend").toString(),
              "SYNAPSE_KITS_CACHE", dir.resolve("cache").toString());
          return ActionTester.of("@@CODE@@", action).env(env).run(params);
        }

        static Path png(Path file, int width, int height) throws IOException {
          Files.createDirectories(file.getParent());
          ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
          return file;
        }
      }
      """;

  private static final String TRAIN_TEST = """
      package @@PACKAGE@@;

      import static org.junit.jupiter.api.Assertions.assertEquals;
      import static org.junit.jupiter.api.Assertions.assertTrue;

      import io.synapse.plugins.errors.ValidationError;
      import io.synapse.plugins.kits.client.GroundTruthVersion;
      import io.synapse.plugins.kits.results.TrainResult;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.List;
      import java.util.Map;
      import org.junit.jupiter.api.Test;
      import org.junit.jupiter.api.io.TempDir;

      class @@TYPE@@ActionTest {
        @TempDir Path temp;

        @Test
        void trainsOnALocalDatasetAndUploadsTheModel() throws Exception {
          LocalPlatform platform = new LocalPlatform(temp);
          GroundTruthVersion dataset = platform.backend.seeder().groundTruthVersion("demo");
          Path image = LocalPlatform.png(temp.resolve("files/cat.png"), 20, 10);
          Map<String, Object> data = Map.of("images", List.of(Map.of("bounding_box",
              List.of(Map.of("id", "a", "classification", "cat", "data", List.of(1, 1, 5, 5))))));
          platform.backend.seeder().groundTruthEvent(dataset.id(), "train", data, Map.of("image_1", image));

          TrainResult result = (TrainResult) platform.run("@@ACTION@@", Map.of("dataset", dataset.id(), "epochs", 2));
          assertEquals(2, result.finalEpoch());
          assertTrue(Files.readString(Path.of(result.weightsPath()).resolve("model.txt")).contains("dataset.yaml"));
          assertEquals("@@CODE@@", platform.backend.getModel(1).plugin());
        }

        @Test
        void rejectsInvalidParams() {
          LocalPlatform platform = new LocalPlatform(temp);
          platform.attempt("@@ACTION@@", Map.of("epochs", 0)).assertFailedWith(ValidationError.class);
        }
      }
      """;

  private static final String EXPORT_TEST = """
      package @@PACKAGE@@;

      import static org.junit.jupiter.api.Assertions.assertEquals;
      import static org.junit.jupiter.api.Assertions.assertTrue;

      import io.synapse.plugins.errors.ValidationError;
      import io.synapse.plugins.kits.client.DataCollection;
      import io.synapse.plugins.kits.client.FileSpecification;
      import io.synapse.plugins.kits.client.LocalBackendSeeder;
      import io.synapse.plugins.kits.client.Project;
      import io.synapse.plugins.kits.client.StorageRecord;
      import io.synapse.plugins.kits.results.ExportResult;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.List;
      import java.util.Map;
      import org.junit.jupiter.api.Test;
      import org.junit.jupiter.api.io.TempDir;

      class @@TYPE@@ActionTest {
        @TempDir Path temp;

        @Test
        void exportsAProjectsAssignments() throws Exception {
          LocalPlatform platform = new LocalPlatform(temp);
          LocalBackendSeeder seed = platform.backend.seeder();
          StorageRecord storage = seed.storage("out", Files.createDirectories(temp.resolve("storage")));
          DataCollection collection = seed.dataCollection("images", List.of(new FileSpecification("image_1", true, true, "image", List.of(".png"))));
          Project project = seed.project("demo", collection.id(), Map.of());
          long unit = seed.dataUnit(collection.id(), Map.of("image_1", LocalPlatform.png(temp.resolve("files/a.png"), 4, 4)), Map.of()).id();
          seed.assignment(project.id(), unit, Map.of("label", "cat"));

          ExportResult result = (ExportResult) platform.run("@@ACTION@@", Map.of("name", "first", "storage", storage.id(), "path", "exports",
              "target", "assignment", "filter", Map.of("project", project.id())));
          assertEquals(1, result.exportedCount());
          assertTrue(Files.readString(Path.of(result.outputPath()).resolve("labels/a.json")).contains("cat"));
          assertTrue(Files.exists(Path.of(result.outputPath()).resolve("origin_files/a.png")));
        }

        @Test
        void rejectsInvalidParams() {
          new LocalPlatform(temp).attempt("@@ACTION@@", Map.of("name", "")).assertFailedWith(ValidationError.class);
        }
      }
      """;

  private static final String UPLOAD_TEST = """
      package @@PACKAGE@@;

      import static org.junit.jupiter.api.Assertions.assertEquals;

      import io.synapse.plugins.errors.ValidationError;
      import io.synapse.plugins.kits.client.DataCollection;
      import io.synapse.plugins.kits.client.FileSpecification;
      import io.synapse.plugins.kits.client.StorageRecord;
      import io.synapse.plugins.kits.results.UploadResult;
      import java.nio.file.Path;
      import java.util.List;
      import java.util.Map;
      import org.junit.jupiter.api.Test;
      import org.junit.jupiter.api.io.TempDir;

      class @@TYPE@@ActionTest {
        @TempDir Path temp;

        @Test
        void uploadsEachImageAsADataUnit() throws Exception {
          LocalPlatform platform = new LocalPlatform(temp);
          StorageRecord storage = platform.backend.seeder().storage("in", temp.resolve("storage"));
          DataCollection collection = platform.backend.seeder().dataCollection("images",
              List.of(new FileSpecification("image_1", true, true, "image", List.of(".png"))));
          LocalPlatform.png(temp.resolve("storage/incoming/image_1/a.png"), 4, 4);
          LocalPlatform.png(temp.resolve("storage/incoming/image_1/b.png"), 4, 4);

          UploadResult result = (UploadResult) platform.run("@@ACTION@@", Map.of("name", "first", "storage", storage.id(),
              "dataCollection", collection.id(), "path", "incoming"));
          assertEquals(2, result.dataUnitCount());
          assertEquals(2, platform.backend.countDataUnits());
        }

        @Test
        void rejectsInvalidParams() {
          new LocalPlatform(temp).attempt("@@ACTION@@", Map.of("name", "x")).assertFailedWith(ValidationError.class);
        }
      }
      """;

  private static final String TASK_TEST = """
      package @@PACKAGE@@;

      import static org.junit.jupiter.api.Assertions.assertEquals;

      import io.synapse.plugins.errors.ValidationError;
      import io.synapse.plugins.kits.client.DataCollection;
      import io.synapse.plugins.kits.client.FileSpecification;
      import io.synapse.plugins.kits.client.LocalBackendSeeder;
      import io.synapse.plugins.kits.client.Project;
      import io.synapse.plugins.kits.tasks.AddTaskDataResult;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.LinkedHashMap;
      import java.util.List;
      import java.util.Map;
      import org.junit.jupiter.api.Test;
      import org.junit.jupiter.api.io.TempDir;

      class @@TYPE@@ActionTest {
        @TempDir Path temp;

        @Test
        void annotatesEachTaskFromItsTargetFile() throws Exception {
          LocalPlatform platform = new LocalPlatform(temp);
          LocalBackendSeeder seed = platform.backend.seeder();
          DataCollection collection = seed.dataCollection("images", List.of(new FileSpecification("image_1", true, true, "image", List.of(".png")),
              new FileSpecification("text_1", false, false, "data", List.of(".txt"))));
          Project project = seed.project("demo", collection.id(), Map.of());
          Map<String, Path> files = new LinkedHashMap<>();
          files.put("image_1", LocalPlatform.png(temp.resolve("files/a.png"), 4, 4));
          files.put("text_1", Files.writeString(temp.resolve("files/a.txt"), "a cat"));
          long task = seed.task(project.id(), seed.dataUnit(collection.id(), files, Map.of()).id(), Map.of()).id();

          AddTaskDataResult result = (AddTaskDataResult) platform.run("@@ACTION@@", Map.of("name", "pre", "project", project.id(),
              "targetSpecificationName", "text_1"));
          assertEquals(1, result.successCount());
          assertEquals(Map.of("source", "a.png", "text", "a cat"), platform.backend.getTask(task).data());
        }

        @Test
        void rejectsInvalidParams() {
          new LocalPlatform(temp).attempt("@@ACTION@@", Map.of("name", "pre", "project", 1)).assertFailedWith(ValidationError.class);
        }
      }
      """;
}
