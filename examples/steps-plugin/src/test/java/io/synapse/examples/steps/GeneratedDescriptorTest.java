package io.synapse.examples.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.synapse.examples.steps.faults.FaultyExportAction;
import io.synapse.plugins.action.StepAction;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.spi.ActionDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The processor takes a StepAction subclass, and a subclass of that, as actions like any other. */
class GeneratedDescriptorTest {

  @Test
  void aStepActionIsDescribedWithItsParamsAndResultTypes() throws Exception {
    PluginDiscovery plugin = PluginDiscovery.fromModule("steps_demo");
    assertEquals("export", plugin.config().toMap().get("category"));
    assertEquals(List.of("export"), plugin.listActions());
    ActionDescriptor<?, ?> export = plugin.descriptor("export");
    assertEquals(ExportAction.class, export.actionClass());
    assertEquals(ExportParams.class, export.paramsType());
    assertInstanceOf(StepAction.class, export.newAction());

    Map<String, Object> config = plugin.getActionConfig("export").toMap();
    assertEquals("job", config.get("method"), "the platform runs exports as jobs");
    assertEquals(ExportAction.class.getName(), config.get("entrypoint"));
    assertEquals(ExportResult.class.getName(), config.get("result_type"));

    JsonNode apiToken = JsonMapper.builder().build().readTree(plugin.getActionParamsSchema("export"))
        .get("properties").get("api_token");
    assertTrue(apiToken.get("writeOnly").asBoolean(), "the @Secret param is write-only in the schema");
  }

  @Test
  void aSubclassTwoLevelsBelowStepActionIsAnActionToo() {
    ActionDescriptor<?, ?> faulty = PluginDiscovery.fromModule("steps_demo_faults").descriptor("export");
    assertEquals(FaultyExportAction.class, faulty.actionClass());
    assertEquals(ExportParams.class, faulty.paramsType(), "the params type is found through ExportAction's supertype");
  }

  @Test
  void theResultRecordRoundTripsThroughTheGeneratedWriterAndReader() {
    @SuppressWarnings("unchecked")
    ActionDescriptor<ExportParams, ExportResult> export =
        (ActionDescriptor<ExportParams, ExportResult>) PluginDiscovery.fromModule("steps_demo").descriptor("export");
    ExportResult result = new ExportResult(List.of("a.jsonl"), 12, Path.of("/out/manifest.json"), Path.of("/out/manifest.json.sig"));
    assertEquals(result, export.readResult(export.writeResult(result)));
  }
}
