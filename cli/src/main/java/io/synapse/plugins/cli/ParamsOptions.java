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
      deepMerge(params, asObject(ParamsText.json(json, "--params"), "--params"), schema, List.of());
    }
    if (file != null) {
      deepMerge(params, asObject(ParamsText.file(file), "--params-file " + file), schema, List.of());
    }
    Map<String, Object> fromPairs = new LinkedHashMap<>();
    for (String pair : pairs) {
      putPair(fromPairs, pair, schema);
    }
    deepMerge(params, fromPairs, schema, List.of());
    return params;
  }

  /** Sets the field named by {@code pair}'s dotted key in {@code target}. */
  static void putPair(Map<String, Object> target, String pair, ParamsSchema schema) {
    int equals = pair.indexOf('=');
    if (equals <= 0) {
      throw CliException.usage("-p expects KEY=VALUE, e.g. -p batch_size=64; got an argument without '=' or key");
    }
    String key = pair.substring(0, equals);
    List<String> path = Arrays.asList(key.split("\\.", -1));
    if (path.stream().anyMatch(String::isEmpty)) {
      throw CliException.usage("-p key '" + key + "' has an empty part; use dotted names like size.width");
    }
    Object value = convert(pair.substring(equals + 1), path, schema);
    Map<String, Object> parent = target;
    for (int i = 0; i < path.size() - 1; i++) {
      String name = path.get(i);
      String earlier = sameField(parent, name, schema, path.subList(0, i));
      Object child = earlier == null ? null : earlier.equals(name) ? parent.get(name) : parent.remove(earlier);
      if (!(child instanceof Map<?, ?>)) {
        child = new LinkedHashMap<String, Object>();
      }
      parent.put(name, child);
      parent = castMap(child);
    }
    String last = path.get(path.size() - 1);
    String earlier = sameField(parent, last, schema, path.subList(0, path.size() - 1));
    if (earlier != null && !earlier.equals(last)) {
      parent.remove(earlier);
    }
    parent.put(last, value);
  }

  /**
   * Merges {@code overlay} into {@code base}: nested maps field by field, anything else replaced. A
   * field is the same whether named by its wire name or its Java name ({@code input_path},
   * {@code inputPath}): the later source's spelling replaces the earlier one, so that binding never sees
   * both.
   */
  static void deepMerge(Map<String, Object> base, Map<String, Object> overlay, ParamsSchema schema, List<String> path) {
    for (Map.Entry<String, Object> entry : overlay.entrySet()) {
      String key = entry.getKey();
      String earlierKey = sameField(base, key, schema, path);
      // The same spelling keeps its place; another spelling is replaced by this one.
      Object existing = earlierKey == null ? null : earlierKey.equals(key) ? base.get(key) : base.remove(earlierKey);
      if (existing instanceof Map<?, ?> && entry.getValue() instanceof Map<?, ?>) {
        Map<String, Object> merged = new LinkedHashMap<>(castMap(existing));
        List<String> childPath = new ArrayList<>(path);
        childPath.add(key);
        deepMerge(merged, castMap(entry.getValue()), schema, childPath);
        base.put(key, merged);
      } else {
        base.put(key, entry.getValue());
      }
    }
  }

  // The key of base naming the same field as key: key itself, or another spelling of the same field.
  private static String sameField(Map<String, Object> base, String key, ParamsSchema schema, List<String> path) {
    if (base.containsKey(key)) {
      return key;
    }
    String field = schema.propertyName(path, key);
    if (field != null) {
      for (String earlier : base.keySet()) {
        if (field.equals(schema.propertyName(path, earlier))) {
          return earlier;
        }
      }
    }
    return null;
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
