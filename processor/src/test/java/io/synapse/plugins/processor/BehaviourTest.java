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
import io.synapse.plugins.discovery.PluginConfig;
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
    Record params = binder("ResizeParams").bind(json("{\"inputDir\": \"/data\", \"apiToken\": \"s3cret\", \"tags\": [\"a\"]}"));
    Map<String, Object> written = writer("ResizeParams").write(params);
    assertThat(written.get("inputDir")).isEqualTo("/data");
    assertThat(written.get("width")).isEqualTo(512);
    assertThat(written.get("thumbnailSizes")).isEqualTo(List.of(64, 128));
    assertThat(written.get("interpolation")).isEqualTo("BILINEAR");
    assertThat(written.get("timeout")).isEqualTo("PT30S");
    assertThat(written.get("extra")).isEqualTo(Map.of("mode", "fast", "retries", 2));
    assertThat(written.get("tags")).isEqualTo(List.of("a"));
    assertThat(written).doesNotContainKey("outputPrefix");
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
        "{\"inputDir\": \"/data\", \"apiToken\": \"t\", \"thumbnail_size\": [1]}")));
    assertThat(error.violations()).hasSize(1);
    Violation violation = error.violations().get(0);
    assertThat(violation.path()).isEqualTo("thumbnail_size");
    assertThat(violation.constraint()).isEqualTo("UnknownField");
    assertThat(violation.message()).contains("did you mean 'thumbnailSizes'?");
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
    assertThat(binder("TrainParams").bind(writer("TrainParams").write(train))).isEqualTo(train);
  }

  @Test
  void registryListsActionsAndRunsThemThroughDescriptors() throws Exception {
    PluginRegistry registry = ServiceLoader.load(PluginRegistry.class, loader).findFirst().orElseThrow();
    PluginConfig config = registry.config();
    assertThat(config.code()).isEqualTo("image_tools");
    assertThat(config.actionNames()).containsExactly("cleanup", "resize", "stats", "train-model").inOrder();
    assertThat(registry.descriptor("nope")).isNull();

    @SuppressWarnings("unchecked")
    ActionDescriptor<Record, Object> resize = (ActionDescriptor<Record, Object>) registry.descriptor("resize");
    assertThat(resize.config()).isEqualTo(config.action("resize").orElseThrow());
    ValidationError error = assertThrows(ValidationError.class, () -> resize.bindParams(Map.of()));
    assertThat(error.subject()).isEqualTo("params of action 'resize'");

    Record params = resize.bindParams(Map.of("inputDir", "/imgs", "apiToken", "t"));
    Object result = io.synapse.plugins.executors.LocalExecutor.shared().execute(resize, params);
    Object written = resize.writeResult(result);
    assertThat(written).isEqualTo(Map.of(
        "processed", 2, "files", List.of("/imgs/a.png"), "histogram", Map.of("64", 1), "used", "BILINEAR"));
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
  void paramsSchemaAgreesWithTheBinder() throws Exception {
    assertAgreement("resize", "ResizeParams", List.of(
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\"}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"width\": 8192, \"bucket\": \"my-bucket\", \"seed\": 0}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"interpolation\": \"BICUBIC\", \"tags\": [\"a\", \"b\", \"c\"]}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"extra\": {\"any\": [1, {\"x\": null}]}, \"maxImages\": 3}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"offset\": -5, \"bias\": -32768, \"quality\": 0.001}"),
        List.of(
        "{}",
        "{\"inputDir\": \"  \", \"apiToken\": \"t\"}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"\"}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"width\": 0}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"width\": 8193}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"width\": 2147483648}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"thumbnailSizes\": []}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"bucket\": \"Bad_Bucket\"}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"quality\": 0}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"seed\": -1}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"offset\": 0}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"bias\": 1}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"tags\": [\"a\", \"b\", \"c\", \"d\"]}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"interpolation\": \"SMOOTH\"}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"labels\": {\"a\": 1}}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"unknown\": 1}",
        "{\"inputDir\": \"/d\", \"apiToken\": \"t\", \"overwrite\": \"maybe\"}"));
    assertAgreement("train-model", "TrainParams", List.of(
        "{\"layers\": [{\"name\": \"a\", \"size\": 1}], \"optimizer\": {}}",
        "{\"layers\": [{\"name\": \"a\", \"size\": 4096, \"dropout\": 0.5}], \"optimizer\": {\"momentum\": 0.5},"
            + " \"weights\": {\"a\": [1, 2.5]}, \"heads\": []}"),
        List.of(
        "{\"layers\": [], \"optimizer\": {}}",
        "{\"layers\": [{\"name\": \"a\", \"size\": 1}]}",
        "{\"layers\": [{\"name\": \"a\", \"size\": 1, \"dropout\": 1}], \"optimizer\": {}}",
        "{\"layers\": [{\"name\": \"a\", \"size\": 1, \"extra\": 1}], \"optimizer\": {}}",
        "{\"layers\": [{\"name\": \"a\", \"size\": 1}], \"optimizer\": {\"learningRate\": \"fast\"}}"));
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
