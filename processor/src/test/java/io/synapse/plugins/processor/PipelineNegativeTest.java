package io.synapse.plugins.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.synapse.plugins.processor.NegativeTest.action;
import static io.synapse.plugins.processor.NegativeTest.assertError;
import static io.synapse.plugins.processor.TestCompiler.compile;
import static io.synapse.plugins.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One fixture per pipeline diagnostic: the compile fails with the catalog message on the annotation value at fault. */
class PipelineNegativeTest {
  static final JavaFileObject PLUGIN = NegativeTest.PLUGIN;

  // fetch: source_dir -> dataset_path (dataset); convert: dataset_path -> dataset_path (dataset -> yolo_dataset);
  // train: dataset_path, epochs (yolo_dataset -> model_weights); count: dataset_path as an int, gives rows.
  static final JavaFileObject ACTIONS = action("Actions",
      "public final class Actions {",
      "  public record SourceParams(@NotBlank String sourceDir) {}",
      "  public record Dataset(String datasetPath, int rows) {}",
      "  public record DatasetParams(@NotBlank String datasetPath) {}",
      "  public record TrainParams(@NotBlank String datasetPath, @Default(\"1\") int epochs) {}",
      "  public record Model(String modelPath) {}",
      "  public record CountParams(int datasetPath) {}",
      "  @PluginAction(name = \"fetch\", outputType = \"dataset\")",
      "  public static final class Fetch extends BaseAction<SourceParams, Dataset> {",
      "    public Dataset execute() { return new Dataset(\"d\", 1); } }",
      "  @PluginAction(name = \"convert\", inputType = \"dataset\", outputType = \"yolo_dataset\")",
      "  public static final class Convert extends BaseAction<DatasetParams, Dataset> {",
      "    public Dataset execute() { return new Dataset(\"y\", 1); } }",
      "  @PluginAction(name = \"train\", inputType = \"yolo_dataset\", outputType = \"model_weights\")",
      "  public static final class Train extends BaseAction<TrainParams, Model> {",
      "    public Model execute() { return new Model(\"m\"); } }",
      "  @PluginAction(name = \"count\")",
      "  public static final class Count extends BaseAction<CountParams, Dataset> {",
      "    public Dataset execute() { return new Dataset(\"c\", 1); } }",
      "}");

  static JavaFileObject flows(String... lines) {
    String[] all = new String[lines.length + 3];
    all[0] = "package test;";
    all[1] = "import io.synapse.plugins.*;";
    System.arraycopy(lines, 0, all, 2, lines.length);
    all[all.length - 1] = "final class Flows {}";
    return source("test.Flows", all);
  }

  private static void assertOnly(Compilation compilation, Diagnostic diagnostic, JavaFileObject file, String line) {
    assertThat(compilation).failed();
    assertError(compilation, diagnostic, file, line);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aValidPipelineCompiles() {
    JavaFileObject flows = flows("@PluginPipeline(name = \"train_flow\", actions = {\"fetch\", \"convert\", \"train\"})");
    assertThat(compile(PLUGIN, ACTIONS, flows)).succeeded();
  }

  @Test
  void unknownActionSuggestsTheClosest() {
    JavaFileObject flows = flows("@PluginPipeline(name = \"f\", actions = {\"fetch\",",
        "    \"convrt\", \"train\"})");
    Compilation c = compile(PLUGIN, ACTIONS, flows);
    assertOnly(c, Diagnostic.PipelineUnknownAction, flows, "\"convrt\"");
    assertThat(c).hadErrorContaining("did you mean 'convert'?");
  }

  @Test
  void incompatibleTypesAreReportedOnTheLaterAction() {
    JavaFileObject flows = flows("@PluginPipeline(name = \"f\", actions = {\"train\",",
        "    \"convert\"})");
    Compilation c = compile(PLUGIN, ACTIONS, flows);
    assertOnly(c, Diagnostic.PipelineIncompatibleTypes, flows, "\"convert\"})");
    assertThat(c).hadErrorContaining("action 'train' outputs model_weights but the next action 'convert' expects dataset");
  }

  @Test
  void aKindOfTheExpectedTypeIsCompatibleBothWays() {
    // yolo_dataset is a dataset: convert gives a yolo_dataset where a dataset is expected, fetch a dataset
    // where a yolo_dataset is (the seeds' rule: one is a kind of the other).
    JavaFileObject flows = flows("@PluginPipeline(name = \"f\", actions = {\"convert\", \"convert\"})",
        "@PluginPipeline(name = \"g\", actions = {\"fetch\", \"train\"})");
    assertThat(compile(PLUGIN, ACTIONS, flows)).succeeded();
  }

  @Test
  void aResultComponentOfTheWrongJsonTypeCannotFeedAParam() {
    JavaFileObject flows = flows("@PluginPipeline(name = \"f\", actions = {\"fetch\",",
        "    \"count\"})");
    Compilation c = compile(PLUGIN, ACTIONS, flows);
    assertOnly(c, Diagnostic.PipelineFieldTypeMismatch, flows, "\"count\"})");
    assertThat(c).hadErrorContaining("param 'dataset_path' of action 'count' is an integer, but the result of action 'fetch' has it as a string");
  }

  @Test
  void withAnInitialParamsRecordEveryRequiredParamMustBeGiven() {
    JavaFileObject flows = flows("@PluginPipeline(name = \"f\", actions = {\"convert\"}, params = Flows.Initial.class)",
        "final class Holder {}");
    JavaFileObject initial = source("test.Initial", "package test;", "public record Initial(String other) {}");
    JavaFileObject flowsWithRecord = source("test.Flows", "package test;", "import io.synapse.plugins.*;",
        "@PluginPipeline(name = \"f\", actions = {",
        "    \"convert\"}, params = Initial.class)",
        "final class Flows {}");
    Compilation c = compile(PLUGIN, ACTIONS, initial, flowsWithRecord);
    assertThat(c).failed();
    assertError(c, Diagnostic.PipelineParamNotProvided, flowsWithRecord, "\"convert\"}, params");
    assertError(c, Diagnostic.PipelineUnknownParam, flowsWithRecord, "\"convert\"}, params");
    assertThat(c).hadErrorContaining("required param 'dataset_path' of action 'convert' is given neither by the initial params");
    assertThat(c).hadErrorContaining("initial param 'other' is a param of no action of the pipeline");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void theInitialParamsMustBeARecord() {
    JavaFileObject flows = flows("@PluginPipeline(name = \"f\", actions = {\"fetch\"},",
        "    params = String.class)");
    assertOnly(compile(PLUGIN, ACTIONS, flows), Diagnostic.PipelineParamsNotRecord, flows, "params = String.class");
  }

  @Test
  void aPipelineNeedsAnAction() {
    JavaFileObject flows = flows("@PluginPipeline(name = \"f\",",
        "    actions = {})");
    assertOnly(compile(PLUGIN, ACTIONS, flows), Diagnostic.PipelineEmpty, flows, "actions = {}");
  }

  @Test
  void pipelineNamesAreChecked() {
    JavaFileObject flows = flows("@PluginPipeline(actions = {\"fetch\"},",
        "    name = \"Train-Flow\")");
    assertOnly(compile(PLUGIN, ACTIONS, flows), Diagnostic.InvalidPipelineName, flows, "name = \"Train-Flow\"");
  }

  @Test
  void aDuplicateNameIsReportedOnBothPipelines() {
    JavaFileObject flows = flows("@PluginPipeline(actions = {\"fetch\"},",
        "    name = \"flow\" /* first */)",
        "@PluginPipeline(actions = {\"convert\"},",
        "    name = \"flow\" /* second */)");
    Compilation c = compile(PLUGIN, ACTIONS, flows);
    assertThat(c).failed();
    assertError(c, Diagnostic.DuplicatePipelineName, flows, "/* first */");
    assertError(c, Diagnostic.DuplicatePipelineName, flows, "/* second */");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aPipelineNeedsAPlugin() {
    JavaFileObject flows = flows("@PluginPipeline(name = \"f\", actions = {\"fetch\"})");
    Compilation c = compile(flows);
    assertThat(c).failed();
    assertError(c, Diagnostic.PipelineWithoutPlugin, flows, "@PluginPipeline(name = \"f\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void everyProblemOfEveryPipelineIsReportedInOneCompile() {
    JavaFileObject flows = flows("@PluginPipeline(name = \"a\", actions = {\"fetch\",",
        "    \"trian\"})",
        "@PluginPipeline(name = \"b\", actions = {\"fetch\",",
        "    \"count\"})");
    Compilation c = compile(PLUGIN, ACTIONS, flows);
    assertThat(c).failed();
    assertError(c, Diagnostic.PipelineUnknownAction, flows, "\"trian\"");
    assertError(c, Diagnostic.PipelineFieldTypeMismatch, flows, "\"count\"");
    assertThat(c).hadErrorCount(2);
  }
}
