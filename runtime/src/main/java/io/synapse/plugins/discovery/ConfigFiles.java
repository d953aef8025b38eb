package io.synapse.plugins.discovery;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.synapse.plugins.errors.ConfigError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plugin's config.yaml into the few facts the runtime checks against the compiled registry.
 *
 * <p>Refused with a {@link ConfigError} naming the file (and the line, for YAML errors): files over
 * {@value #MAX_CONFIG_BYTES} bytes (before parsing), malformed YAML, duplicate keys, any YAML anchor or
 * alias (so no "billion laughs"), nesting deeper than the parser's limit (1000 levels), a root that is not a mapping, a
 * missing or non-string {@code code}, a known key of the wrong type ({@code name}, {@code version},
 * {@code category}, {@code description}, {@code package} must be scalars; {@code actions} a mapping of mappings;
 * an action's {@code entrypoint} a string).
 *
 * <p>Unknown keys are <b>warnings</b>, not errors (logged through {@code System.Logger} at WARNING,
 * naming the file and the key): config.yaml is shared with the Python SDK, whose files carry keys this
 * runtime has no use for, and the compiled registry, not the file, decides what runs.
 */
final class ConfigFiles {
  /** config.yaml files larger than this are refused before parsing. */
  public static final long MAX_CONFIG_BYTES = 1024 * 1024;

  private static final Set<String> PLUGIN_KEYS = Set.of("name", "code", "version", "category", "description", "package", "actions", "pipelines");
  private static final Set<String> SCALAR_PLUGIN_KEYS = Set.of("name", "version", "category", "description", "package");
  private static final Set<String> ACTION_KEYS =
      Set.of("name", "title", "description", "entrypoint", "method", "category", "input_type", "output_type", "params_type", "result_type");

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
   * @param entrypoints the {@code entrypoint} of each action that declares one
   */
  public record DeclaredConfig(Path file, String code, List<String> actions, Map<String, String> entrypoints) {
    /** A config whose actions declare no entrypoints. */
    public DeclaredConfig(Path file, String code, List<String> actions) {
      this(file, code, actions, Map.of());
    }
  }

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
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        // Read at most one byte past the limit, in case the file grew since its size was taken.
        bytes = in.readNBytes((int) MAX_CONFIG_BYTES + 1);
      }
      if (bytes.length > MAX_CONFIG_BYTES) {
        throw error(file, "is over the " + MAX_CONFIG_BYTES + "-byte limit", null, null);
      }
      refuseAliases(file, bytes);
      return parse(file, YAML.readTree(bytes));
    } catch (JsonProcessingException e) {
      throw error(file, "is not valid YAML: " + e.getOriginalMessage(), lineOf(e.getLocation()), e);
    } catch (IOException e) {
      throw error(file, "cannot be read: " + e, null, e);
    }
  }

  // Anchors and aliases have no use in a config.yaml, and a reader that expands them (as the Python
  // SDK's does) can be made to build an exponentially large document ("billion laughs"): refuse them.
  // This pass also gives a line to errors the parser raises without one, such as too deep nesting.
  private static void refuseAliases(Path file, byte[] bytes) throws IOException {
    try (JsonParser parser = YAML.createParser(bytes)) {
      try {
        while (parser.nextToken() != null) {
          if (parser instanceof YAMLParser yaml && (yaml.isCurrentAlias() || yaml.getObjectId() != null)) {
            throw error(file, "uses a YAML anchor or alias, which config.yaml does not allow", lineOf(parser.currentLocation()), null);
          }
        }
      } catch (JsonProcessingException e) {
        JsonLocation location = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation() : parser.currentLocation();
        throw error(file, "is not valid YAML: " + e.getOriginalMessage(), lineOf(location), e);
      }
    }
  }

  private static Integer lineOf(JsonLocation location) {
    return location == null || location.getLineNr() <= 0 ? null : location.getLineNr();
  }

  private static DeclaredConfig parse(Path file, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw error(file, "must be a YAML mapping with code, name, version and actions", null, null);
    }
    JsonNode code = root.get("code");
    if (code == null || !code.isTextual() || code.asText().isBlank()) {
      throw error(file, "has no 'code' (a string)", null, null);
    }
    for (String key : SCALAR_PLUGIN_KEYS) {
      JsonNode value = root.get(key);
      if (value != null && !value.isValueNode()) {
        throw error(file, "has '" + key + "' of the wrong type (must be a scalar, not " + kind(value) + ")", null, null);
      }
    }
    warnUnknownKeys(file, "", root, PLUGIN_KEYS);
    JsonNode actions = root.get("actions");
    if (actions == null || !actions.isObject()) {
      throw error(file, "has no 'actions' mapping", null, null);
    }
    List<String> names = new ArrayList<>();
    Map<String, String> entrypoints = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = actions.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().isObject()) {
        throw error(file, "action '" + entry.getKey() + "' must be a mapping", null, null);
      }
      JsonNode entrypoint = entry.getValue().get("entrypoint");
      if (entrypoint != null && !entrypoint.isNull()) {
        if (!entrypoint.isTextual()) {
          throw error(file, "action '" + entry.getKey() + "' has an 'entrypoint' that is not a string", null, null);
        }
        entrypoints.put(entry.getKey(), entrypoint.asText());
      }
      warnUnknownKeys(file, "actions." + entry.getKey() + ".", entry.getValue(), ACTION_KEYS);
      names.add(entry.getKey());
    }
    return new DeclaredConfig(file, code.asText(), List.copyOf(names), Collections.unmodifiableMap(entrypoints));
  }

  private static void warnUnknownKeys(Path file, String prefix, JsonNode mapping, Set<String> known) {
    for (Iterator<String> it = mapping.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        // The logger is looked up here, not held in a static field: System.getLogger initialises the JDK's logging,
        // which a plugin that logs nothing must not pay for when it starts.
        System.getLogger(ConfigFiles.class.getName()).log(System.Logger.Level.WARNING,
            "Plugin config " + file + " has an unknown key '" + prefix + key + "' (ignored)");
      }
    }
  }

  private static String kind(JsonNode node) {
    return node.isArray() ? "a list" : node.isObject() ? "a mapping" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
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
