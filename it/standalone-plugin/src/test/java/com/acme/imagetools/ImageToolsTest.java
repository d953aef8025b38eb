package com.acme.imagetools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A user's plugin project: generated registry, facade, config.yaml and schemas all work. */
class ImageToolsTest {
  private static final Map<String, Object> PARAMS = Map.of(
      "images", List.of(Map.of("name", "cat", "width", 1000, "height", 500)),
      "size", Map.of("width", "100"),
      "format", "jpeg",
      "labels", Map.of("set", "train"),
      "storageToken", "tok-123",
      "prefix", "small");

  @Test
  void runPluginByCodeBindsNestedRecordsEnumsMapsAndOptionals() {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) PluginRunner.runPlugin("image-tools", "resize", PARAMS);
    assertEquals(1, result.get("count"));
    assertEquals(List.of(Map.of("name", "smallcat.jpeg", "width", 100, "height", 50, "labels", Map.of("set", "train"))),
        result.get("outputs"));
  }

  @Test
  void facadeIsNamedAfterTheCode() {
    var params = new ResizeParams(List.of(new ResizeParams.Image("a", 10, 10)), new ResizeParams.Size(5, 5),
        ResizeParams.Format.PNG, Map.of(), null, Optional.empty());
    assertEquals(1, ImageTools.resize(params).get("count"));
    assertEquals("pong", ImageTools.ping());
  }

  @Test
  void violationsCarryNestedPathsAndNeverTheSecret() {
    ValidationError error = assertThrows(ValidationError.class, () -> PluginRunner.runPlugin("image-tools", "resize", Map.of(
        "images", List.of(Map.of("name", "a", "width", 0, "height", 1), Map.of("name", "b", "width", 1)),
        "size", Map.of("width", 5000),
        "format", "gif",
        "storageToken", 42,
        "prefix", "UPPER")));
    assertEquals(List.of("format", "images[0].width", "images[1].height", "prefix", "size.width", "storage_token"),
        error.violations().stream().map(Violation::path).sorted().toList());
    assertFalse(error.getMessage().contains("42"), error.getMessage());
  }

  @Test
  void discoveryFromTheBuiltModuleDirectory() throws Exception {
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(Path.of("").toAbsolutePath())) {
      assertEquals(List.of("convert", "ping", "resize"), plugin.listActions());
      assertEquals("pre_annotation", plugin.getActionConfig("resize").category().value());
      var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(plugin.getActionParamsSchema("resize"));
      assertTrue(schema.get("properties").get("storage_token").get("writeOnly").asBoolean(), schema.toString());
      assertEquals(List.of("png", "jpeg"), List.of(schema.at("/properties/format/enum/0").asText(), schema.at("/properties/format/enum/1").asText()));
    }
  }

  @Test
  void theSeedsFunctionBasedActionRunsThroughItsGeneratedDescriptor() {
    Object result = PluginRunner.runPlugin("image-tools", "convert",
        Map.of("input_format", "csv", "output_format", "json", "file_path", "/data/table.csv"));
    assertEquals(new Conversions.ConvertResult("/data/table.json", true), result);
    assertEquals(Map.of("output_path", "/data/table.json", "converted", true), PluginRunner.writeResult("image-tools", "convert", result));
    ValidationError error = assertThrows(ValidationError.class, () -> PluginRunner.runPlugin("image-tools", "convert", Map.of()));
    assertEquals(List.of("file_path", "input_format", "output_format"), error.violations().stream().map(Violation::path).sorted().toList());
    assertEquals(new Conversions.ConvertResult("x.png", false),
        ImageTools.convert(new Conversions.ConvertParams("png", "png", "x.png")));
  }

  @Test
  void theGeneratedConfigYamlIsAPluginPath() {
    Path config = Path.of("target/classes/META-INF/synapse/image-tools/config.yaml").toAbsolutePath();
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(config)) {
      assertEquals("com.acme.imagetools.Conversions#convert", plugin.getActionConfig("convert").entrypoint());
    }
  }
}
