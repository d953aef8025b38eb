package io.synapse.plugins.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compiles the image-tools fixture plugin (and the pipeline fixture {@code flow}) and compares every
 * generated source, config.yaml and schema with {@code src/test/resources/golden/<fixture>}. Run with {@code SYNAPSE_UPDATE_GOLDEN=1} to
 * rewrite the goldens, then review the diff.
 */
class GoldenTest {
  private static final String FIXTURE = "imagetools";

  @Test
  void generatedFilesMatchTheGoldens() throws IOException {
    Compilation compilation = TestCompiler.compile(TestCompiler.fixture(FIXTURE));
    assertThat(compilation).succeeded();
    // The only warnings: the two function-based actions are deprecated, as the seeds' @action is.
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation).hadWarningContaining(Diagnostic.FunctionActionDeprecated.id() + " function action ImageFunctions.convert");
    assertThat(compilation).hadWarningContaining(Diagnostic.FunctionActionDeprecated.id() + " function action ImageFunctions.touch");
    TreeSet<String> expected = assertMatchesGoldens(FIXTURE, compilation);
    // The plugin's artifacts are all there.
    assertThat(expected).containsAtLeast(
        "com/example/imagetools/ImageTools.java",
        "com/example/imagetools/ImageToolsRegistry.java",
        "com/example/imagetools/ResizeParams_Binder.java",
        "com/example/imagetools/ResizeAction_Descriptor.java",
        "META-INF/services/io.synapse.plugins.spi.PluginRegistry",
        "META-INF/synapse/image_tools/config.yaml",
        "META-INF/synapse/image_tools/schemas/resize.params.schema.json",
        "META-INF/synapse/image_tools/schemas/resize.result.schema.json",
        "META-INF/native-image/io.synapse.plugins/image_tools/resource-config.json");
    // NoParams is reused from the runtime, not regenerated.
    assertThat(expected).doesNotContain("io/synapse/plugins/action/NoParams_Binder.java");
  }

  /** The pipeline fixture: its initial-params schemas, its config.yaml's pipelines key, registry and facade methods. */
  @Test
  void generatedPipelineFilesMatchTheGoldens() throws IOException {
    Compilation compilation = TestCompiler.compile(TestCompiler.fixture("flow"));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(0);
    TreeSet<String> expected = assertMatchesGoldens("flow", compilation);
    assertThat(expected).containsAtLeast(
        "com/example/flow/FlowDemo.java",
        "com/example/flow/FlowDemoRegistry.java",
        "com/example/flow/FlowParams_Binder.java",
        "META-INF/synapse/flow_demo/config.yaml",
        "META-INF/synapse/flow_demo/pipelines/train_flow.params.schema.json",
        "META-INF/synapse/flow_demo/pipelines/quick_flow.params.schema.json");
  }

  private static TreeSet<String> assertMatchesGoldens(String fixture, Compilation compilation) throws IOException {
    Map<String, byte[]> generated = GeneratedFiles.sourcesAndResources(compilation);
    Path goldens = goldenDir().resolve(fixture);

    if ("1".equals(System.getenv("SYNAPSE_UPDATE_GOLDEN"))) {
      if (Files.exists(goldens)) {
        try (Stream<Path> old = Files.walk(goldens)) {
          old.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
      }
      for (Map.Entry<String, byte[]> file : generated.entrySet()) {
        Path target = goldens.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
    }

    TreeSet<String> expected;
    try (Stream<Path> files = Files.walk(goldens)) {
      expected = files.filter(Files::isRegularFile)
          .map(p -> goldens.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(generated.keySet()).containsExactlyElementsIn(expected);
    for (String path : expected) {
      assertThat(new String(generated.get(path), StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(goldens.resolve(path)));
    }
    return expected;
  }

  @Test
  void twoBuildsGiveTheSameBytes() {
    Map<String, byte[]> first = GeneratedFiles.all(TestCompiler.compile(TestCompiler.fixture(FIXTURE)));
    Map<String, byte[]> second = GeneratedFiles.all(TestCompiler.compile(TestCompiler.fixture(FIXTURE)));
    assertThat(second.keySet()).containsExactlyElementsIn(first.keySet());
    for (String path : first.keySet()) {
      assertThat(second.get(path)).isEqualTo(first.get(path));
    }
  }

  private static Path goldenDir() {
    String dir = System.getenv("SYNAPSE_GOLDEN_DIR");
    return dir != null ? Path.of(dir) : Path.of("src/test/resources/golden");
  }
}
