package io.synapse.plugins.processor.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SchemaGeneratorTest {
  @Test
  void theParamsSchemaSaysWhatTheBinderChecks() {
    Artifact artifact = new SchemaGenerator(Models.PLUGIN, Models.RECORDS, SchemaGenerator.Side.PARAMS).generate(Models.RESIZE);
    assertEquals("META-INF/synapse/demo_tools/schemas/resize.params.schema.json", artifact.name());
    String schema = Models.text(artifact);
    assertTrue(schema.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""), schema);
    assertTrue(schema.contains("\"description\": \"Parameters for resizing.\""), schema);
    assertTrue(schema.contains("\"input_path\": {"), schema);
    assertTrue(schema.contains("\"default\": 32"), schema);
    assertTrue(schema.contains("\"minimum\": 1"), schema);
    assertTrue(schema.contains("\"enum\": [\n        \"nearest\",\n        \"bi_linear\"\n      ]"), schema);
    assertTrue(schema.contains("\"writeOnly\": true"), "a @Secret component: " + schema);
    assertTrue(schema.contains("\"additionalProperties\": false"), schema);
  }

  @Test
  void theResultSchemaIsTheResultRecords() {
    Artifact artifact = new SchemaGenerator(Models.PLUGIN, Models.RECORDS, SchemaGenerator.Side.RESULT).generate(Models.RESIZE);
    assertEquals("META-INF/synapse/demo_tools/schemas/resize.result.schema.json", artifact.name());
    String schema = Models.text(artifact);
    assertTrue(schema.contains("\"title\": \"ResizeResult\""), schema);
    assertTrue(schema.contains("\"output_path\": {"), schema);
    assertTrue(schema.contains("\"description\": \"Result of action 'resize'\""), schema);
  }
}
