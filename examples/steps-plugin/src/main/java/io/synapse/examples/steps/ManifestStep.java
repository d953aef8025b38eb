package io.synapse.examples.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapse.plugins.steps.StepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Writes {@value #FILE_NAME}: the format and every exported file with its size and SHA-256. */
final class ManifestStep extends FileStep {
  /** The manifest's file name in the output directory. */
  static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Override
  public String name() {
    return ExportAction.MANIFEST;
  }

  @Override
  public StepResult execute(ExportContext context) throws IOException {
    byte[] bytes = (toJson(context) + "\n").getBytes(StandardCharsets.UTF_8);
    Path manifest = context.params().outputDir().resolve(FILE_NAME);
    context.createFile(name(), manifest, bytes);
    context.manifest(manifest, bytes);
    return StepResult.ok(Map.of("manifest", manifest.toString()));
  }

  private static String toJson(ExportContext context) throws JsonProcessingException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", context.params().format().extension());
    ArrayNode files = root.putArray("files");
    for (ExportedFile file : context.exported()) {
      ObjectNode entry = files.addObject();
      entry.put("name", file.path().getFileName().toString());
      entry.put("bytes", file.bytes());
      entry.put("sha256", file.sha256());
    }
    return MAPPER.writeValueAsString(root);
  }
}
