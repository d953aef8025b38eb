package io.synapse.plugins.processor.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FacadeGeneratorTest {
  @Test
  void everyActionGetsTypedStaticMethodsNamedInCamelCase() {
    Artifact artifact = new FacadeGenerator().generate(Models.PLUGIN);
    assertEquals("com.example.demo.DemoTools", artifact.name());
    String source = Models.source(artifact);
    assertTrue(source.contains("public static final String CODE = \"demo_tools\";"), source);
    assertTrue(source.contains("public static ResizeResult resize(ResizeParams params) {\n    return resize(params, LocalExecutor.shared());"), source);
    assertTrue(source.contains("public static ResizeResult resize(ResizeParams params, Executor executor) {\n"
        + "    return executor.execute(ResizeAction_Descriptor.INSTANCE, params);"), source);
    assertTrue(source.contains("public static void touchFiles() {\n    touchFiles(NoParams.INSTANCE, LocalExecutor.shared());"),
        "an action without params can be called without them: " + source);
    assertTrue(source.contains("return new DemoToolsRegistry();"), source);
  }
}
