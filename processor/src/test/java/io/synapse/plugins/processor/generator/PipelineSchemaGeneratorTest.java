package io.synapse.plugins.processor.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PipelineSchemaGeneratorTest {
  @Test
  void aPipelineWithMapParamsAsksForWhatItsFirstActionTakesFromTheCaller() {
    Artifact artifact = new PipelineSchemaGenerator(Models.FLOW_PLUGIN, Models.RECORDS).generate(Models.PIPELINE);
    assertEquals("META-INF/synapse/demo_tools/pipelines/resize_flow.params.schema.json", artifact.name());
    String schema = Models.text(artifact);
    assertTrue(schema.contains("\"title\": \"Pipeline Resize flow\""), schema);
    assertTrue(schema.contains("\"description\": \"Initial params of pipeline 'resize_flow' (resize)\""), schema);
    assertTrue(schema.contains("\"input_path\": {"), schema);
    assertTrue(schema.contains("\"default\": 32"), "the action's own schema of the component: " + schema);
    assertTrue(schema.contains("\"required\": [\n    \"input_path\""), schema);
    assertFalse(schema.contains("\"width\"\n"), "a component with a default is not required: " + schema);
    assertTrue(schema.contains("\"additionalProperties\": false"), schema);
  }
}
