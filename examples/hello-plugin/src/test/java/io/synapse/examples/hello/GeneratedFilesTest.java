package io.synapse.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ValidationError;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated config.yaml and JSON Schemas, read as a user's tools would read them. */
class GeneratedFilesTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private final PluginDiscovery plugin = PluginDiscovery.fromModule("hello_plugin");

  @Test
  void configYamlHasTheSeedsKeysAndMatchesTheRegistry() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/synapse/hello_plugin/config.yaml")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> yaml = new YAMLMapper().readValue(in, Map.class);
      assertEquals(plugin.config().toMap(), yaml);
      assertEquals("hello_plugin", yaml.get("code"));
      assertEquals("custom", yaml.get("category"));
      @SuppressWarnings("unchecked")
      Map<String, Object> process = (Map<String, Object>) ((Map<String, Object>) yaml.get("actions")).get("process");
      assertEquals("Process Files", process.get("name"));
      assertEquals("task", process.get("method"));
      assertEquals(false, process.containsKey("input_type"), "absent semantic types are left out, not \"\"");
      assertEquals(ProcessAction.class.getName(), process.get("entrypoint"));
    }
  }

  @Test
  void paramsSchemaDescribesTheRecord() throws Exception {
    JsonNode schema = JSON.readTree(plugin.getActionParamsSchema("process"));
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
    assertEquals(List.of("input_path"), JSON.convertValue(schema.get("required"), List.class));
    assertEquals(List.of("input_path", "output_path", "batch_size", "verbose"),
        JSON.convertValue(schema.get("properties"), Map.class).keySet().stream().toList());
    JsonNode batchSize = schema.get("properties").get("batch_size");
    assertEquals("integer", batchSize.get("type").asText());
    assertEquals(1, batchSize.get("minimum").asInt());
    assertEquals(1024, batchSize.get("maximum").asInt());
    assertEquals(32, batchSize.get("default").asInt());
    assertEquals("items per batch", batchSize.get("description").asText());
    assertEquals(false, schema.get("additionalProperties").asBoolean());
  }

  @Test
  void schemaAndBinderAgreeOnSamples() throws Exception {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(plugin.getActionParamsSchema("process"));
    List<String> valid = List.of(
        "{\"input_path\":\"/in\"}",
        "{\"input_path\":\"/in\",\"output_path\":\"/out\",\"batch_size\":1024,\"verbose\":true}",
        "{\"input_path\":\"x\",\"batch_size\":1}");
    List<String> invalid = List.of(
        "{}",
        "{\"input_path\":\"\"}",
        "{\"input_path\":\"   \"}",
        "{\"input_path\":\"/in\",\"batch_size\":0}",
        "{\"input_path\":\"/in\",\"batch_size\":1025}",
        "{\"input_path\":\"/in\",\"batch_size\":2.5}",
        "{\"input_path\":\"/in\",\"extra\":1}",
        "{\"input_path\":\"/in\",\"verbose\":\"maybe\"}",
        "{\"input_path\":7}",
        "[]");
    var descriptor = plugin.descriptor("process");
    for (String sample : valid) {
      assertEquals(List.of(), schema.validate(JSON.readTree(sample)), sample);
      descriptor.bindParams(JSON.readValue(sample, Object.class));
    }
    for (String sample : invalid) {
      assertTrue(!schema.validate(JSON.readTree(sample)).isEmpty(), "schema accepts " + sample);
      boolean rejected;
      try {
        descriptor.bindParams(JSON.readValue(sample, Object.class));
        rejected = false;
      } catch (ValidationError e) {
        rejected = true;
      }
      assertTrue(rejected, "binder accepts " + sample);
    }
  }
}
