package io.synapse.plugins.processor.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.processor.model.GeneratedNames;
import org.junit.jupiter.api.Test;

class RegistryGeneratorTest {
  @Test
  void theRegistryHoldsEveryActionsConfigAsAConstantAndHandsOutItsDescriptor() {
    Artifact artifact = new RegistryGenerator().generate(Models.PLUGIN);
    assertEquals("com.example.demo.DemoToolsRegistry", artifact.name());
    String source = Models.source(artifact);
    assertTrue(source.contains("public final class DemoToolsRegistry implements PluginRegistry"), source);
    assertTrue(source.contains("public static final ActionConfig RESIZE = new ActionConfig(\n      \"resize\",\n      \"Resize Images\",\n"
        + "      \"Resizes images.\",\n      \"com.example.demo.ResizeAction\",\n      RunMethod.TASK,\n      PluginCategory.CUSTOM,\n"
        + "      \"image\",\n      \"\",\n      \"com.example.demo.ResizeParams\",\n      \"com.example.demo.ResizeResult\");"), source);
    assertTrue(source.contains("PluginCategory.EXPORT"), "an action's own category: " + source);
    assertTrue(source.contains("List.of(RESIZE, TOUCH_FILES)"), source);
    assertTrue(source.contains("case \"resize\":\n        return ResizeAction_Descriptor.INSTANCE;"), source);
    assertTrue(source.contains("case \"touch-files\":\n        return DemoFunctions_touch_Descriptor.INSTANCE;"), source);
  }

  @Test
  void theRegistrySaysWhichBinderSpiItWasGeneratedForTheOneTheRuntimeSpeaks() {
    String source = Models.source(new RegistryGenerator().generate(Models.PLUGIN));
    assertTrue(source.contains("public int spiVersion() {\n    return " + GeneratedNames.SPI_VERSION + ";\n  }"), source);
    assertEquals(io.synapse.plugins.spi.PluginRegistry.SPI_VERSION, GeneratedNames.SPI_VERSION,
        "the processor generates for the SPI the runtime speaks");
  }

  @Test
  void declaredPipelinesAreInThePluginsConfig() {
    String source = Models.source(new RegistryGenerator().generate(Models.FLOW_PLUGIN));
    assertTrue(source.contains("new PipelineConfig(\"resize_flow\", \"Resize flow\", \"\", List.of(\"resize\"), \"\")"), source);
  }

}
