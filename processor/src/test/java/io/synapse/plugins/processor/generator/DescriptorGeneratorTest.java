package io.synapse.plugins.processor.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DescriptorGeneratorTest {
  private final DescriptorGenerator generator = new DescriptorGenerator(Models.PLUGIN, Models.RECORDS);

  @Test
  void anActionClassGetsADescriptorBesideItThatReadsItsConfigFromTheRegistryAndCollectsItsSecrets() {
    Artifact artifact = generator.generate(Models.RESIZE);
    assertEquals("com.example.demo.ResizeAction_Descriptor", artifact.name());
    String source = Models.source(artifact);
    assertTrue(source.contains("extends GeneratedActionDescriptor<ResizeParams, ResizeResult>"), source);
    assertTrue(source.contains("super(\"demo_tools\", \"resize\", ResizeAction.class, ResizeParams.class, ResizeParams_Binder.INSTANCE, "
        + "ResizeResult_Binder.INSTANCE, ResizeResult_Binder.INSTANCE);"), source);
    assertTrue(source.contains("return DemoToolsRegistry.RESIZE;"), source);
    assertTrue(source.contains("return new ResizeAction();"), source);
    assertTrue(source.contains("Secrets.collect(secrets, params.token());"), source);
  }

  @Test
  void aFunctionActionRunsAsANestedActionClassAndAVoidResultHasNoReaderOrWriter() {
    Artifact artifact = generator.generate(Models.TOUCH);
    assertEquals("com.example.demo.DemoFunctions_touch_Descriptor", artifact.name());
    String source = Models.source(artifact);
    assertTrue(source.contains("public static final class Action extends BaseAction<NoParams, Void>"), source);
    assertTrue(source.contains("DemoFunctions.touch(params(), ctx());"), source);
    assertTrue(source.contains("NoParams.class, NoParams_Binder.INSTANCE, null, null);"), source);
    assertTrue(source.contains("return DemoToolsRegistry.TOUCH_FILES;"), source);
    assertTrue(!source.contains("secretValues"), source);
  }
}
