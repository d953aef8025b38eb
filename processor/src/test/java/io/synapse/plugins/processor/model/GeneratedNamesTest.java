package io.synapse.plugins.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The naming rules of generated artifacts, which docs/generated-code.md lists for readers. */
class GeneratedNamesTest {
  private static final JavaName INNER = new JavaName("com.example", List.of("Outer", "Inner"));

  @Test
  void classesAreSiblingsWithASuffixAndNestedTypesFlatten() {
    assertEquals("com.example.Outer_Inner_Binder", GeneratedNames.binder(INNER).canonicalName());
    assertEquals("com.example.Outer_Inner_Descriptor", GeneratedNames.descriptor(INNER, null).canonicalName());
    assertEquals("com.example.Outer_Inner_convert_Descriptor", GeneratedNames.descriptor(INNER, "convert").canonicalName());
    assertEquals("com.example.F_m_Descriptor$Action",
        GeneratedNames.functionAction(GeneratedNames.descriptor(JavaName.of("com.example", "F"), "m")).reflectionName());
    assertEquals("com.example.Outer.Inner", INNER.canonicalName());
    assertEquals("com.example.Outer$Inner", INNER.reflectionName());
    assertEquals("Outer.Inner", INNER.display());
  }

  @Test
  void aggregatesAreNamedAfterThePlugin() {
    assertEquals("MyPlugin", GeneratedNames.facadeName("my_plugin"));
    assertEquals("MyPlugin", GeneratedNames.facadeName("my-plugin"));
    assertEquals("com.example.MyPluginRegistry", GeneratedNames.registry("com.example", "MyPlugin").canonicalName());
    assertEquals("com.example.MyPlugin", GeneratedNames.facade("com.example", "MyPlugin").canonicalName());
  }

  @Test
  void membersAndResources() {
    assertEquals("trainModel", GeneratedNames.facadeMethod("train-model"));
    assertEquals("trainModel", GeneratedNames.facadeMethod("train_model"));
    assertEquals("new_", GeneratedNames.facadeMethod("new"));
    assertEquals("TRAIN_MODEL", GeneratedNames.constant("train-model"));
    assertEquals("BATCH_SIZE", GeneratedNames.constant("batchSize"));
    assertEquals("META-INF/synapse/p/config.yaml", GeneratedNames.configYaml("p"));
    assertEquals("META-INF/synapse/p/schemas/a.params.schema.json", GeneratedNames.schema("p", "a", "params"));
    assertEquals("META-INF/native-image/io.synapse.plugins/p/resource-config.json", GeneratedNames.nativeImageResourceConfig("p"));
  }
}
