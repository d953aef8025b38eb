package io.synapse.plugins.processor.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigYamlGeneratorTest {
  @Test
  void theConfigListsThePluginAndEveryActionInThePlatformsKeysAndValues() {
    Artifact artifact = new ConfigYamlGenerator().generate(Models.PLUGIN);
    assertEquals("META-INF/synapse/demo_tools/config.yaml", artifact.name());
    assertEquals("""
        name: Demo Tools
        code: demo_tools
        version: 1.2.0
        category: custom
        description: Tools for the tests.
        package: com.example.demo
        actions:
          resize:
            name: Resize Images
            description: Resizes images.
            entrypoint: com.example.demo.ResizeAction
            method: task
            category: custom
            input_type: image
            params_type: com.example.demo.ResizeParams
            result_type: com.example.demo.ResizeResult
          touch-files:
            name: touch-files
            description: ""
            entrypoint: com.example.demo.DemoFunctions#touch
            method: job
            category: export
            params_type: io.synapse.plugins.action.NoParams
            result_type: java.lang.Void
        """, Models.text(artifact));
  }

  @Test
  void declaredPipelinesAreUnderPipelines() {
    String yaml = Models.text(new ConfigYamlGenerator().generate(Models.FLOW_PLUGIN));
    assertTrue(yaml.contains("pipelines:\n  resize_flow:\n    name: Resize flow\n    description: \"\"\n    actions:\n    - resize\n"),
        yaml);
  }

}
