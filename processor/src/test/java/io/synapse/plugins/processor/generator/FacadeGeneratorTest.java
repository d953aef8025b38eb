package io.synapse.plugins.processor.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FacadeGeneratorTest {
  @Test
  void everyActionGetsTypedStaticMethodsNamedInCamelCase() {
    Artifact artifact = new FacadeGenerator(Models.RECORDS).generate(Models.PLUGIN);
    assertEquals("com.example.demo.DemoTools", artifact.name());
    String source = Models.source(artifact);
    assertTrue(source.contains("public static final String CODE = \"demo_tools\";"), source);
    assertTrue(source.contains("public static ResizeResult resize(ResizeParams params) {\n    return resize(params, LocalExecutor.shared());"), source);
    assertTrue(source.contains("public static ResizeResult resize(ResizeParams params, Executor executor) {\n"
        + "    return executor.execute(ResizeAction_Descriptor.INSTANCE, params);"), source);
    assertTrue(source.contains("public static void touchFiles() {\n    touchFiles(NoParams.INSTANCE, LocalExecutor.shared());"),
        "an action without params can be called without them: " + source);
    assertTrue(source.contains("return new DemoToolsRegistry();"), source);
    assertFalse(source.contains("Pipeline"), "no pipeline declared, no pipeline method: " + source);
  }

  @Test
  void aDeclaredPipelineGetsMethodsTypedAsItsLastActionsResult() {
    String source = Models.source(new FacadeGenerator(Models.RECORDS).generate(Models.FLOW_PLUGIN));
    assertTrue(source.contains("public static ResizeResult resizeFlowPipeline(Map<String, ?> params) {\n"
        + "    return resizeFlowPipeline(params, ExecutionMode.LOCAL, RunOptions.defaults());"), source);
    assertTrue(source.contains("public static ResizeResult resizeFlowPipeline(Map<String, ?> params, ExecutionMode mode,\n"
        + "      RunOptions options) {\n"
        + "    return (ResizeResult) Pipelines.runDeclaredToResult(PluginHolder.INSTANCE, \"resize_flow\", params, mode, options);"),
        source);
    assertTrue(source.contains("static final PluginDiscovery INSTANCE = PluginDiscovery.of(new DemoToolsRegistry());"), source);
  }
}
