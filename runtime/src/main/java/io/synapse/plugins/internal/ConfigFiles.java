package io.synapse.plugins.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.synapse.plugins.errors.ConfigError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a plugin's config.yaml into the few facts the runtime checks against the compiled registry. */
public final class ConfigFiles {
  /** config.yaml files larger than this are refused before parsing. */
  public static final long MAX_CONFIG_BYTES = 1024 * 1024;

  private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder().build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private ConfigFiles() {}

  /**
   * What a config.yaml declares.
   *
   * @param file the file read
   * @param code its {@code code}
   * @param actions its action names, in file order
   */
  public record DeclaredConfig(Path file, String code, List<String> actions) {}

  /**
   * Reads and checks {@code file}.
   *
   * @throws ConfigError naming the file (and line, for syntax errors) when it is unreadable, too
   *     large, malformed, or lacks {@code code}/{@code actions}
   */
  public static DeclaredConfig read(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_CONFIG_BYTES) {
        throw error(file, "is " + size + " bytes, over the " + MAX_CONFIG_BYTES + "-byte limit", null, null);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return parse(file, YAML.readTree(in));
      }
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      Integer line = location == null || location.getLineNr() < 0 ? null : location.getLineNr();
      throw error(file, "is not valid YAML: " + e.getOriginalMessage(), line, e);
    } catch (IOException e) {
      throw error(file, "cannot be read: " + e, null, e);
    }
  }

  private static DeclaredConfig parse(Path file, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw error(file, "must be a YAML mapping with code, name, version and actions", null, null);
    }
    JsonNode code = root.get("code");
    if (code == null || !code.isTextual() || code.asText().isBlank()) {
      throw error(file, "has no 'code' (a string)", null, null);
    }
    JsonNode actions = root.get("actions");
    if (actions == null || !actions.isObject()) {
      throw error(file, "has no 'actions' mapping", null, null);
    }
    List<String> names = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = actions.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().isObject()) {
        throw error(file, "action '" + entry.getKey() + "' must be a mapping", null, null);
      }
      names.add(entry.getKey());
    }
    return new DeclaredConfig(file, code.asText(), List.copyOf(names));
  }

  private static ConfigError error(Path file, String problem, Integer line, Throwable cause) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("file", file.toString());
    if (line != null) {
      details.put("line", line);
    }
    String where = file + (line == null ? "" : ":" + line);
    return new ConfigError("Plugin config " + where + " " + problem, details, cause);
  }
}
