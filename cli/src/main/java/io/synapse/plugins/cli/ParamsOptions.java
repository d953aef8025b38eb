package io.synapse.plugins.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The params options shared by {@code run} and {@code validate}: {@code --params JSON},
 * {@code --params-file FILE} and repeated {@code -p key=value}, merged in that order, later values
 * winning field by field.
 */
public final class ParamsOptions {
  @Option(names = "--params", paramLabel = "JSON", description = "Params as a JSON object.")
  String json;

  @Option(names = "--params-file", paramLabel = "FILE",
      description = "Params from a JSON (.json) or YAML (any other name; read as YAML 1.2) file holding one object.")
  Path file;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
      description = "One param; repeatable. Dotted keys set nested fields (size.width=3); list fields take comma"
          + " lists (tags=a,b; \\, for a literal comma); JSON works for lists and objects (size={\"width\":3}).")
  List<String> pairs = new ArrayList<>();

  /** The merged params, values of {@code -p} shaped by the {@code schema}. */
  Map<String, Object> collect(ParamsSchema schema) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (json != null) {
      deepMerge(params, asObject(ParamsText.json(json, "--params"), "--params"));
    }
    if (file != null) {
      deepMerge(params, asObject(ParamsText.file(file), "--params-file " + file));
    }
    Map<String, Object> fromPairs = new LinkedHashMap<>();
    for (String pair : pairs) {
      putPair(fromPairs, pair, schema);
    }
    deepMerge(params, fromPairs);
    return params;
  }

  /** Sets the field named by {@code pair}'s dotted key in {@code target}. */
  static void putPair(Map<String, Object> target, String pair, ParamsSchema schema) {
    int equals = pair.indexOf('=');
    if (equals <= 0) {
      throw CliException.usage("-p expects KEY=VALUE, e.g. -p batchSize=64; got an argument without '=' or key");
    }
    String key = pair.substring(0, equals);
    List<String> path = Arrays.asList(key.split("\\.", -1));
    if (path.stream().anyMatch(String::isEmpty)) {
      throw CliException.usage("-p key '" + key + "' has an empty part; use dotted names like size.width");
    }
    Object value = convert(pair.substring(equals + 1), path, schema);
    Map<String, Object> parent = target;
    for (String name : path.subList(0, path.size() - 1)) {
      Object child = parent.get(name);
      if (!(child instanceof Map<?, ?>)) {
        child = new LinkedHashMap<String, Object>();
        parent.put(name, child);
      }
      parent = castMap(child);
    }
    parent.put(path.get(path.size() - 1), value);
  }

  /** Merges {@code overlay} into {@code base}: nested maps field by field, anything else replaced. */
  static void deepMerge(Map<String, Object> base, Map<String, Object> overlay) {
    for (Map.Entry<String, Object> entry : overlay.entrySet()) {
      Object existing = base.get(entry.getKey());
      if (existing instanceof Map<?, ?> && entry.getValue() instanceof Map<?, ?>) {
        Map<String, Object> merged = new LinkedHashMap<>(castMap(existing));
        deepMerge(merged, castMap(entry.getValue()));
        base.put(entry.getKey(), merged);
      } else {
        base.put(entry.getKey(), entry.getValue());
      }
    }
  }

  private static Object convert(String raw, List<String> path, ParamsSchema schema) {
    String what = "-p " + String.join(".", path);
    if (schema.isArray(path)) {
      return raw.startsWith("[") ? ParamsText.json(raw, what, String.join(".", path)) : splitList(raw);
    }
    if (schema.isObject(path) && raw.startsWith("{")) {
      return ParamsText.json(raw, what, String.join(".", path));
    }
    // Everything else stays text: the generated binders coerce "64", "true" and enum names leniently.
    return raw;
  }

  static List<String> splitList(String raw) {
    List<String> items = new ArrayList<>();
    if (raw.isEmpty()) {
      return items;
    }
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == ',') {
        current.append(',');
        i++;
      } else if (c == ',') {
        items.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    items.add(current.toString());
    return items;
  }

  private static Map<String, Object> asObject(Object value, String what) {
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (!(value instanceof Map<?, ?>)) {
      throw CliException.usage(what + " must hold an object ({\"key\": value, ...})");
    }
    return castMap(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }
}
