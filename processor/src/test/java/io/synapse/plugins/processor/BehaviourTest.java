package io.synapse.plugins.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.testing.compile.Compilation;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.synapse.plugins.config.PluginConfig;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.spi.PluginRegistry;
import io.synapse.plugins.spi.RecordBinder;
import io.synapse.plugins.spi.RecordWriter;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the classes generated for the image-tools fixture and runs them. */
class BehaviourTest {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @TempDir
  static Path output;

  private static URLClassLoader loader;

  @BeforeAll
  static void compileAndLoad() throws Exception {
    Compilation compilation = TestCompiler.compile(TestCompiler.fixture("imagetools"));
    assertThat(compilation).succeeded();
    GeneratedFiles.writeAll(compilation, output);
    loader = new URLClassLoader(new URL[] {output.toUri().toURL()}, BehaviourTest.class.getClassLoader());
  }

  @AfterAll
  static void close() throws Exception {
    loader.close();
  }

  private static Object instance(String className) throws Exception {
    return loader.loadClass("com.example.imagetools." + className).getField("INSTANCE").get(null);
  }

  @SuppressWarnings("unchecked")
  private static RecordBinder<Record> binder(String record) throws Exception {
    return (RecordBinder<Record>) instance(record + "_Binder");
  }

  @SuppressWarnings("unchecked")
  private static RecordWriter<Record> writer(String record) throws Exception {
    return (RecordWriter<Record>) instance(record + "_Binder");
  }

  private static Object json(String text) throws Exception {
    return JSON.readValue(text, Object.class);
  }

  @Test
  void bindsValidInputAndAppliesDefaults() throws Exception {
    Record params = binder("ResizeParams").bind(json("{\"input_dir\": \"/data\", \"api_token\": \"s3cret\", \"tags\": [\"a\"]}"));
    Map<String, Object> written = writer("ResizeParams").write(params);
    assertThat(written.get("input_dir")).isEqualTo("/data");
    assertThat(written.get("width")).isEqualTo(512);
    assertThat(written.get("thumbnail_sizes")).isEqualTo(List.of(64, 128));
    assertThat(written.get("interpolation")).isEqualTo("bilinear");
    assertThat(written.get("timeout")).isEqualTo("PT30S");
    assertThat(written.get("extra")).isEqualTo(Map.of("mode", "fast", "retries", 2));
    assertThat(written.get("tags")).isEqualTo(List.of("a"));
    assertThat(written.get("dpi")).isEqualTo(72);
    assertThat(written).doesNotContainKey("output_prefix");
    assertThat(params.toString()).doesNotContain("s3cret");
  }

  @Test
  void collectsEveryViolationWithItsPath() throws Exception {
    ValidationError error = assertThrows(ValidationError.class, () -> binder("TrainParams").bind(json(
        "{\"layers\": [{\"name\": \"in\", \"size\": 3}, {\"name\": \"mid\", \"size\": 2},"
            + " {\"name\": \" \", \"size\": 0, \"dropout\": 1.0}], \"weights\": {\"in\": [1, \"x\"]}}")));
    Map<String, String> byPath = error.violations().stream()
        .collect(Collectors.toMap(Violation::path, Violation::constraint));
    assertThat(byPath).containsExactly(
        "layers[2].name", "NotBlank",
        "layers[2].size", "Min",
        "layers[2].dropout", "DecimalMax",
        "optimizer", "Required",
        "weights.in[1]", "Type");
  }

  @Test
  void rejectsUnknownKeysWithASuggestion() throws Exception {
    ValidationError error = assertThrows(ValidationError.class, () -> binder("ResizeParams").bind(json(
        "{\"inputDir\": \"/data\", \"apiToken\": \"t\", \"thumbnailSize\": [1]}")));
    assertThat(error.violations()).hasSize(1);
    Violation violation = error.violations().get(0);
    assertThat(violation.path()).isEqualTo("thumbnailSize");
    assertThat(violation.constraint()).isEqualTo("UnknownField");
    assertThat(violation.message()).contains("did you mean 'thumbnail_sizes'?");
  }

  @Test
  void writerOutputBindsBackToAnEqualRecord() throws Exception {
    String input = "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"width\": 100, \"interpolation\": \"nearest\","
        + " \"outputPrefix\": \"x_\", \"labels\": {\"k\": \"v\"}, \"quality\": 0.5, \"notBefore\": \"2024-01-31T10:15:30Z\","
        + " \"since\": \"2024-01-31\", \"callback\": \"https://example.com/cb\", \"outputDir\": \"/out\","
        + " \"maxBytes\": 123456789012345678901234567890, \"maxImages\": 7, \"gamma\": 2.2, \"overwrite\": false}";
    Record first = binder("ResizeParams").bind(json(input));
    Record second = binder("ResizeParams").bind(writer("ResizeParams").write(first));
    assertThat(second).isEqualTo(first);

    Record train = binder("TrainParams").bind(json(
        "{\"layers\": [{\"name\": \"a\", \"size\": 4}], \"optimizer\": {\"learningRate\": 0.1}, \"weights\": {\"a\": [0.5]}}"));
    assertThat(writer("TrainParams").write(train).get("optimizer")).isEqualTo(Map.of("learning_rate", 0.1, "momentum", 0.9));
    assertThat(binder("TrainParams").bind(writer("TrainParams").write(train))).isEqualTo(train);
  }

  @Test
  void registryListsActionsAndRunsThemThroughDescriptors() throws Exception {
    PluginRegistry registry = ServiceLoader.load(PluginRegistry.class, loader).findFirst().orElseThrow();
    PluginConfig config = registry.config();
    assertThat(config.code()).isEqualTo("image_tools");
    assertThat(config.actionNames()).containsExactly("cleanup", "convert", "resize", "stats", "touch", "train-model").inOrder();
    assertThat(registry.descriptor("nope")).isNull();

    @SuppressWarnings("unchecked")
    ActionDescriptor<Record, Object> resize = (ActionDescriptor<Record, Object>) registry.descriptor("resize");
    assertThat(resize.config()).isEqualTo(config.action("resize").orElseThrow());
    ValidationError error = assertThrows(ValidationError.class, () -> resize.bindParams(Map.of()));
    assertThat(error.subject()).isEqualTo("params of action 'resize'");

    Record params = resize.bindParams(Map.of("input_dir", "/imgs", "api_token", "t"));
    Object result = io.synapse.plugins.executors.LocalExecutor.shared().execute(resize, params);
    Object written = resize.writeResult(result);
    assertThat(written).isEqualTo(Map.of(
        "processed", 2, "files", List.of("/imgs/a.png"), "histogram", Map.of("64", 1), "used", "bilinear"));
    assertThat(resize.readResult(written)).isEqualTo(result);
  }

  @Test
  void facadeRunsActionsLocally() throws Exception {
    Class<?> facade = loader.loadClass("com.example.imagetools.ImageTools");
    assertThat(facade.getField("CODE").get(null)).isEqualTo("image_tools");
    assertThat(facade.getMethod("stats").invoke(null)).isEqualTo(Map.of("images", 3));
    Object params = binder("TrainParams").bind(Map.of("layers", List.of(Map.of("name", "a", "size", 1)),
        "optimizer", Map.of()));
    Object result = facade.getMethod("trainModel", params.getClass()).invoke(null, params);
    assertThat(result).isEqualTo(Map.of("layers", 1));
  }

  @Test
  void keysAreWireNamesOrJavaNamesButNotBothAndNothingElse() throws Exception {
    RecordBinder<Record> resize = binder("ResizeParams");
    Record bySnake = resize.bind(json("{\"input_dir\": \"/d\", \"api_token\": \"t\", \"max_images\": 3, \"dpi\": 300}"));
    Record byJava = resize.bind(json("{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"maxImages\": 3, \"dotsPerInch\": 300}"));
    Record mixed = resize.bind(json("{\"input_dir\": \"/d\", \"apiToken\": \"t\", \"maxImages\": 3, \"dpi\": 300}"));
    assertThat(byJava).isEqualTo(bySnake);
    assertThat(mixed).isEqualTo(bySnake);

    ValidationError twice = assertThrows(ValidationError.class, () -> resize.bind(json(
        "{\"input_dir\": \"/d\", \"inputDir\": \"/e\", \"api_token\": \"t\"}")));
    assertThat(twice.violations()).containsExactly(
        new Violation("input_dir", "is given twice, as 'input_dir' and as 'inputDir'", "DuplicateField"));

    // Spring Boot's relaxed forms beyond the two names are unknown, with the wire name suggested.
    for (String key : List.of("InputDir", "input-dir", "INPUT_DIR", "inputdir")) {
      ValidationError unknown = assertThrows(ValidationError.class, () -> resize.bind(Map.of(key, "/d", "api_token", "t")));
      assertWithMessage(key).that(unknown.violations()).containsExactly(
          new Violation(key, "is not a known field; did you mean 'input_dir'?", "UnknownField"),
          new Violation("input_dir", "is required", "Required"));
    }
    // Violations name the wire name whichever spelling was given.
    ValidationError bad = assertThrows(ValidationError.class, () -> resize.bind(json(
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"dotsPerInch\": 0, \"thumbnailSizes\": []}")));
    assertThat(bad.violations().stream().map(Violation::path).toList()).containsExactly("thumbnail_sizes", "dpi");
  }

  @Test
  void enumValuesAreWireValuesOrConstantNamesInAnyCase() throws Exception {
    RecordBinder<Record> resize = binder("ResizeParams");
    RecordWriter<Record> writer = writer("ResizeParams");
    for (String spelling : List.of("lanczos-3", "LANCZOS_3", "lanczos_3", " Lanczos_3 ")) {
      Record params = resize.bind(Map.of("input_dir", "/d", "api_token", "t", "interpolation", spelling));
      assertWithMessage(spelling).that(writer.write(params).get("interpolation")).isEqualTo("lanczos-3");
    }
    ValidationError error = assertThrows(ValidationError.class,
        () -> resize.bind(Map.of("input_dir", "/d", "api_token", "t", "interpolation", "lanczos3")));
    assertThat(error.violations()).containsExactly(
        new Violation("interpolation", "must be one of nearest, bilinear, bicubic, lanczos-3", "Type"));
  }

  @Test
  void aRecordCanKeepItsJavaNames() throws Exception {
    Record params = binder("CleanupAction_Params").bind(Map.of("dryRun", true));
    assertThat(writer("CleanupAction_Params").write(params)).isEqualTo(Map.of("dryRun", true));
    ValidationError error = assertThrows(ValidationError.class, () -> binder("CleanupAction_Params").bind(Map.of("dry_run", true)));
    assertThat(error.violations().get(0).message()).contains("did you mean 'dryRun'?");
  }

  @Test
  void functionActionsRunThroughTheirGeneratedDescriptors() throws Exception {
    PluginRegistry registry = ServiceLoader.load(PluginRegistry.class, loader).findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    ActionDescriptor<Record, Object> convert = (ActionDescriptor<Record, Object>) registry.descriptor("convert");
    assertThat(convert.config().entrypoint()).isEqualTo("com.example.imagetools.ImageFunctions#convert");
    assertThat(convert.config().description()).isEqualTo("Convert file between formats");
    assertThat(convert.actionClass().getName()).isEqualTo("com.example.imagetools.ImageFunctions_convert_Descriptor$Action");
    io.synapse.plugins.events.RecordingSink sink = new io.synapse.plugins.events.RecordingSink();
    io.synapse.plugins.executors.LocalExecutor executor = io.synapse.plugins.executors.LocalExecutor.builder().sink(sink).build();
    Object result = executor.execute(convert, Map.of("input_format", "csv", "output_format", "json", "file_path", "/d/a.csv"));
    assertThat(convert.writeResult(result)).isEqualTo(Map.of("output_path", "/d/a.json", "converted", true));
    assertThat(sink.events(io.synapse.plugins.events.EventType.PROGRESS)).hasSize(1);
    ValidationError error = assertThrows(ValidationError.class, () -> executor.execute(convert, Map.of("input_format", " ")));
    assertThat(error.violations().stream().map(Violation::path).toList())
        .containsExactly("input_format", "output_format", "file_path");

    @SuppressWarnings("unchecked")
    ActionDescriptor<Record, Object> touch = (ActionDescriptor<Record, Object>) registry.descriptor("touch");
    assertThat(executor.execute(touch, Map.of())).isNull();
    assertThat(sink.events(io.synapse.plugins.events.EventType.MESSAGE).get(0).message()).isEqualTo("touched");
    Class<?> facade = loader.loadClass("com.example.imagetools.ImageTools");
    Object params = binder("ImageFunctions_ConvertParams").bind(Map.of("inputFormat", "a", "outputFormat", "a", "filePath", "x.a"));
    Object typed = facade.getMethod("convert", params.getClass()).invoke(null, params);
    assertThat(typed.toString()).isEqualTo("ConvertResult[outputPath=x.a, converted=false]");
  }

  @Test
  void paramsSchemaAgreesWithTheBinder() throws Exception {
    assertAgreement("resize", "ResizeParams", List.of(
        "{\"input_dir\": \"/d\", \"api_token\": \"t\"}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"width\": 8192, \"bucket\": \"my-bucket\", \"seed\": 0}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"interpolation\": \"bicubic\", \"tags\": [\"a\", \"b\", \"c\"]}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"extra\": {\"any\": [1, {\"x\": null}]}, \"max_images\": 3}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"offset\": -5, \"bias\": -32768, \"quality\": 0.001}"),
        List.of(
        "{}",
        "{\"input_dir\": \"  \", \"api_token\": \"t\"}",
        "{\"input_dir\": \"/d\", \"api_token\": \"\"}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"width\": 0}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"width\": 8193}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"width\": 2147483648}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"thumbnail_sizes\": []}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"bucket\": \"Bad_Bucket\"}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"quality\": 0}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"seed\": -1}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"offset\": 0}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"bias\": 1}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"tags\": [\"a\", \"b\", \"c\", \"d\"]}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"interpolation\": \"SMOOTH\"}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"labels\": {\"a\": 1}}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"unknown\": 1}",
        "{\"input_dir\": \"/d\", \"api_token\": \"t\", \"overwrite\": \"maybe\"}"));
    assertAgreement("train-model", "TrainParams", List.of(
        "{\"layers\": [{\"name\": \"a\", \"size\": 1}], \"optimizer\": {}}",
        "{\"layers\": [{\"name\": \"a\", \"size\": 4096, \"dropout\": 0.5}], \"optimizer\": {\"momentum\": 0.5},"
            + " \"weights\": {\"a\": [1, 2.5]}, \"heads\": []}"),
        List.of(
        "{\"layers\": [], \"optimizer\": {}}",
        "{\"layers\": [{\"name\": \"a\", \"size\": 1}]}",
        "{\"layers\": [{\"name\": \"a\", \"size\": 1, \"dropout\": 1}], \"optimizer\": {}}",
        "{\"layers\": [{\"name\": \"a\", \"size\": 1, \"extra\": 1}], \"optimizer\": {}}",
        "{\"layers\": [{\"name\": \"a\", \"size\": 1}], \"optimizer\": {\"learning_rate\": \"fast\"}}"));
  }

  private void assertAgreement(String action, String record, List<String> valid, List<String> invalid) throws Exception {
    Schema schema;
    try (InputStream in = loader.getResourceAsStream("META-INF/synapse/image_tools/schemas/" + action + ".params.schema.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    RecordBinder<Record> binder = binder(record);
    for (String sample : valid) {
      JsonNode node = JSON.readTree(sample);
      assertWithMessage("schema errors for %s", sample).that(schema.validate(node)).isEmpty();
      binder.bind(json(sample));
    }
    for (String sample : invalid) {
      JsonNode node = JSON.readTree(sample);
      assertWithMessage("schema errors for %s", sample).that(schema.validate(node)).isNotEmpty();
      assertThrows(ValidationError.class, () -> binder.bind(json(sample)), sample);
    }
  }
}
