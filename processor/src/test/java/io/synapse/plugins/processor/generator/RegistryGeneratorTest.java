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

  /** 2,000 actions would pass the JVM's 64 KiB limit of one class initialiser and of one switch method. */
  @Test
  void aPluginOfManyActionsKeepsEveryMethodSmall() {
    java.util.List<io.synapse.plugins.processor.model.ActionModel> actions = new java.util.ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      io.synapse.plugins.processor.model.ActionModel a = Models.RESIZE;
      actions.add(new io.synapse.plugins.processor.model.ActionModel(a.element(), a.mirror(), String.format("action_%04d", i), a.title(),
          a.description(), a.method(), a.category(), a.inputType(), a.outputType(), a.entrypoint(), a.actionClass(), a.functionName(),
          a.params(), a.result(), a.resultTypeText()));
    }
    io.synapse.plugins.processor.model.PluginModel p = Models.PLUGIN;
    String source = Models.source(new RegistryGenerator().generate(new io.synapse.plugins.processor.model.PluginModel(p.element(),
        p.mirror(), p.code(), p.name(), p.version(), p.category(), p.description(), p.packageName(), p.facadeName(), actions, java.util.List.of())));
    int holders = 2_000 / RegistryGenerator.CHUNK;
    for (int i = 0; i < holders; i++) {
      assertTrue(source.contains("private static final class Configs" + i + " {"), "holder " + i);
      assertTrue(source.contains("private static ActionDescriptor<?, ?> descriptor" + i + "(String name) {"), "lookup " + i);
    }
    assertTrue(!source.contains("class Configs" + holders + " "), "no more holders than needed");
    assertTrue(source.contains("public static final ActionConfig ACTION_1999 = Configs7.ACTION_1999;"), source.substring(0, 2000));
    assertTrue(source.contains("static final ActionConfig ACTION_1999 = new ActionConfig("), "the configuration itself, in its holder");
    assertTrue(source.contains("found = descriptor7(name);"), "the lookup asks every part");
    // Each switch holds at most CHUNK cases.
    for (String part : source.split("private static ActionDescriptor<\\?, \\?> descriptor\\d+\\(String name\\)")) {
      int cases = part.split("\n\\s*case \"", -1).length - 1;
      assertTrue(cases <= RegistryGenerator.CHUNK, cases + " cases in one method");
    }
    assertTrue(!Models.source(new RegistryGenerator().generate(Models.PLUGIN)).contains("Configs0"), "small plugins stay as they were");
  }

  @Test
  void declaredPipelinesAreInThePluginsConfig() {
    String source = Models.source(new RegistryGenerator().generate(Models.FLOW_PLUGIN));
    assertTrue(source.contains("new PipelineConfig(\"resize_flow\", \"Resize flow\", \"\", List.of(\"resize\"), \"\")"), source);
  }

}
