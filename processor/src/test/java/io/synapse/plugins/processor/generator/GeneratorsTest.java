package io.synapse.plugins.processor.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.TypeSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list of generators: one artifact per job, every artifact of a plugin once, each through the one writer's header check. */
class GeneratorsTest {
  @Test
  void aPluginGivesItsBindersThenPerActionDescriptorAndSchemasThenThePluginsFiles() {
    List<String> names = Generators.of(Models.compilation()).stream().map(job -> job.artifact().get().name()).toList();
    assertEquals(List.of(
        "com.example.demo.ResizeParams_Binder",
        "com.example.demo.ResizeResult_Binder",
        "com.example.demo.ResizeAction_Descriptor",
        "META-INF/synapse/demo_tools/schemas/resize.params.schema.json",
        "META-INF/synapse/demo_tools/schemas/resize.result.schema.json",
        "com.example.demo.DemoFunctions_touch_Descriptor",
        "META-INF/synapse/demo_tools/schemas/touch-files.params.schema.json",
        "META-INF/synapse/demo_tools/schemas/touch-files.result.schema.json",
        "com.example.demo.DemoToolsRegistry",
        "com.example.demo.DemoTools",
        "META-INF/synapse/demo_tools/config.yaml",
        "META-INF/services/io.synapse.plugins.spi.PluginRegistry",
        "META-INF/native-image/io.synapse.plugins/demo_tools/resource-config.json"), names);
  }

  @Test
  void everyJavaArtifactCarriesTheHeaderAndOneWithoutItIsRefused() {
    for (Generators.Job job : Generators.of(Models.compilation())) {
      if (job.artifact().get() instanceof Artifact.JavaSource source) {
        ArtifactWriter.checkHeader(source);
      }
    }
    Artifact.JavaSource bare = JavaFiles.source("com.example.demo", TypeSpec.classBuilder("Bare").build());
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> ArtifactWriter.checkHeader(bare));
    assertTrue(error.getMessage().contains("com.example.demo.Bare lacks the generated header"), error.getMessage());
  }
}
