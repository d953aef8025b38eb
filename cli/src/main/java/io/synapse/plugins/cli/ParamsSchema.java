package io.synapse.plugins.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.synapse.plugins.WireNames;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An action's generated params JSON Schema, read for what the command line needs: the type at a
 * dotted path (to split {@code -p tags=a,b} into a list), the {@code writeOnly} (secret) fields, and
 * one table row per field for {@code describe}.
 */
final class ParamsSchema {
  private static final int MAX_DEPTH = 8;

  private final JsonNode root;

  private ParamsSchema(JsonNode root) {
    this.root = root;
  }

  /** The schema in {@code text}. */
  static ParamsSchema parse(String text) {
    return new ParamsSchema(Json.tree(text));
  }

  /** A schema that knows no field (every value stays text). */
  static ParamsSchema unknown() {
    return new ParamsSchema(MissingNode.getInstance());
  }

  /**
   * The schema of the field at {@code path} (following {@code $ref}s), or a missing node. Each name is
   * a field's wire name or its Java name (see {@link #propertyName}).
   */
  JsonNode field(List<String> path) {
    JsonNode node = resolve(root);
    for (String name : path) {
      JsonNode properties = resolve(node).path("properties");
      String property = propertyName(properties, name);
      node = property == null ? MissingNode.getInstance() : resolve(properties.path(property));
      if (node.isMissingNode()) {
        return node;
      }
    }
    return node;
  }

  /**
   * The wire name of the field {@code key} names in the object at {@code parentPath} ({@code key}
   * itself when it is one), or null when it names none. The schema holds wire names only; a Java name
   * is told by its snake_case being the wire name ({@code inputPath} for {@code input_path}), which
   * holds for every field that does not choose its own {@code @WireName}.
   */
  String propertyName(List<String> parentPath, String key) {
    JsonNode parent = parentPath.isEmpty() ? resolve(root) : field(parentPath);
    return propertyName(resolve(parent).path("properties"), key);
  }

  private static String propertyName(JsonNode properties, String key) {
    if (properties.has(key)) {
      return key;
    }
    String snakeCase = WireNames.snakeCase(key);
    return properties.has(snakeCase) ? snakeCase : null;
  }

  /** Whether the field at {@code path} is a list or set. */
  boolean isArray(List<String> path) {
    return hasType(field(path), "array");
  }

  /** Whether the field at {@code path} is an object (a nested record or a map). */
  boolean isObject(List<String> path) {
    return hasType(field(path), "object");
  }

  /** Whether the field at {@code path} is secret ({@code writeOnly}). */
  boolean isSecret(List<String> path) {
    return field(path).path("writeOnly").asBoolean(false);
  }

  /** Adds the values of every secret field present in {@code params} to {@code secrets}. */
  void collectSecrets(Object params, Secrets secrets) {
    collectSecrets(resolve(root), params, secrets, 0);
  }

  /**
   * One row per field, in declaration order, each followed by the fields of the record it holds: a
   * nested record's as {@code size.width}, a list's or set's elements' as {@code layers[].size}, a map's
   * values' as {@code labels.<key>.score}, one level deeper each. A record met again inside itself is
   * not expanded again.
   */
  List<ParamRow> rows() {
    List<ParamRow> rows = new ArrayList<>();
    addRows(resolve(root), "", rows, 0, new java.util.HashSet<>());
    return rows;
  }

  private void collectSecrets(JsonNode schema, Object value, Secrets secrets, int depth) {
    if (depth > MAX_DEPTH || value == null) {
      return;
    }
    if (schema.path("writeOnly").asBoolean(false)) {
      addLeaves(value, secrets);
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String name = propertyName(schema.path("properties"), String.valueOf(entry.getKey()));
        JsonNode property = name == null ? MissingNode.getInstance() : resolve(schema.path("properties").path(name));
        if (property.isMissingNode()) {
          property = resolve(schema.path("additionalProperties"));
        }
        if (property.isMissingNode() && Secrets.looksSecret(String.valueOf(entry.getKey()))) {
          addLeaves(entry.getValue(), secrets);
        } else {
          collectSecrets(property, entry.getValue(), secrets, depth + 1);
        }
      }
    } else if (value instanceof List<?> list) {
      JsonNode items = resolve(schema.path("items"));
      for (Object item : list) {
        collectSecrets(items, item, secrets, depth + 1);
      }
    }
  }

  private static void addLeaves(Object value, Secrets secrets) {
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> addLeaves(v, secrets));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> addLeaves(v, secrets));
    } else if (value != null) {
      secrets.add(String.valueOf(value));
    }
  }

  private void addRows(JsonNode schema, String prefix, List<ParamRow> rows, int depth, Set<String> expanding) {
    Set<String> required = new TreeSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String name = prefix + entry.getKey();
      JsonNode declared = entry.getValue();
      JsonNode property = resolve(declared);
      rows.add(new ParamRow(name, typeName(declared), required.contains(entry.getKey()),
          defaultText(declared, property), constraints(property),
          text(declared, property, "description"), property.path("writeOnly").asBoolean(false), depth));
      if (depth >= MAX_DEPTH) {
        continue;
      }
      if (hasType(property, "array")) {
        addNested(property.path("items"), name + "[].", rows, depth, expanding);
      } else if (property.has("properties")) {
        addNested(declared, name + ".", rows, depth, expanding);
      } else if (property.path("additionalProperties").isObject()) {
        addNested(property.path("additionalProperties"), name + ".<key>.", rows, depth, expanding);
      }
    }
  }

  // The fields of the record {@code declared} holds (through its $ref), unless it is being expanded already.
  private void addNested(JsonNode declared, String prefix, List<ParamRow> rows, int depth, Set<String> expanding) {
    JsonNode record = resolve(declared);
    if (!record.has("properties")) {
      return;
    }
    String ref = declared.path("$ref").asText("");
    if (!ref.isEmpty() && !expanding.add(ref)) {
      return;
    }
    addRows(record, prefix, rows, depth + 1, expanding);
    if (!ref.isEmpty()) {
      expanding.remove(ref);
    }
  }

  private String typeName(JsonNode declared) {
    JsonNode node = resolve(declared);
    if (declared.has("$ref") && node.has("title")) {
      return node.path("title").asText();
    }
    if (node.has("enum")) {
      return "enum";
    }
    JsonNode type = node.path("type");
    String base = type.isArray() ? joinTexts(type, "|") : type.asText("any");
    if ("array".equals(base)) {
      return (node.path("uniqueItems").asBoolean(false) ? "set<" : "list<") + typeName(node.path("items")) + ">";
    }
    if ("object".equals(base) && node.has("additionalProperties") && node.path("additionalProperties").isObject()) {
      return "map<string, " + typeName(node.path("additionalProperties")) + ">";
    }
    if ("string".equals(base) && node.has("format")) {
      return "string(" + node.path("format").asText() + ")";
    }
    return base.isEmpty() ? "any" : base;
  }

  private static String constraints(JsonNode node) {
    List<String> parts = new ArrayList<>();
    if (node.has("enum")) {
      parts.add("one of " + joinTexts(node.path("enum"), ", "));
    }
    addIf(parts, node, "minimum", ">= ");
    addIf(parts, node, "exclusiveMinimum", "> ");
    addIf(parts, node, "maximum", "<= ");
    addIf(parts, node, "exclusiveMaximum", "< ");
    addIf(parts, node, "minLength", "length >= ");
    addIf(parts, node, "maxLength", "length <= ");
    addIf(parts, node, "minItems", "items >= ");
    addIf(parts, node, "maxItems", "items <= ");
    addIf(parts, node, "minProperties", "entries >= ");
    addIf(parts, node, "maxProperties", "entries <= ");
    if (node.has("pattern")) {
      parts.addAll(patternParts(node.path("pattern").asText()));
    }
    if (node.path("writeOnly").asBoolean(false)) {
      parts.add("secret");
    }
    return String.join(", ", parts);
  }

  // The generated schema writes @NotBlank as a class of non-whitespace characters and @Pattern anchored
  // as ^(?:regexp)(?![\s\S]): shown as "not blank" and the regexp the user wrote.
  static final String NOT_BLANK = "[^\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]";
  private static final String NOT_BLANK_AHEAD = "(?=[\\s\\S]*" + NOT_BLANK + ")";
  private static final String END = "(?![\\s\\S])";

  private static List<String> patternParts(String pattern) {
    if (pattern.equals(NOT_BLANK)) {
      return List.of("not blank");
    }
    String rest = pattern;
    boolean notBlank = false;
    if (rest.startsWith("^" + NOT_BLANK_AHEAD)) {
      notBlank = true;
      rest = "^" + rest.substring(1 + NOT_BLANK_AHEAD.length());
    }
    if (rest.startsWith("^(?:") && rest.endsWith(")" + END)) {
      rest = rest.substring(4, rest.length() - 1 - END.length());
    }
    return notBlank ? List.of("pattern " + rest, "not blank") : List.of("pattern " + rest);
  }

  private static void addIf(List<String> parts, JsonNode node, String keyword, String label) {
    if (node.has(keyword)) {
      parts.add(label + node.path(keyword).asText());
    }
  }

  private static String defaultText(JsonNode declared, JsonNode property) {
    JsonNode value = declared.has("default") ? declared.path("default") : property.path("default");
    if (value.isMissingNode()) {
      return "";
    }
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static String text(JsonNode declared, JsonNode property, String keyword) {
    return declared.has(keyword) ? declared.path(keyword).asText() : property.path(keyword).asText("");
  }

  private static String joinTexts(JsonNode array, String separator) {
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asText()));
    return String.join(separator, texts);
  }

  private static boolean hasType(JsonNode node, String wanted) {
    JsonNode type = node.path("type");
    if (type.isArray()) {
      for (JsonNode each : type) {
        if (wanted.equals(each.asText())) {
          return true;
        }
      }
      return false;
    }
    return wanted.equals(type.asText());
  }

  /** {@code node}, or what its local {@code $ref} ({@code #/$defs/Name}) points at. */
  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < MAX_DEPTH && current.has("$ref"); hops++) {
      String ref = current.path("$ref").asText();
      if (!ref.startsWith("#/")) {
        return current;
      }
      current = root.at(ref.substring(1));
    }
    return current;
  }

  /**
   * One field of the params, as {@code describe} shows it.
   *
   * @param name the dotted name
   * @param type the type, e.g. {@code integer}, {@code list<string>}, {@code ResizeParams.Size}
   * @param required whether it must be given
   * @param defaultValue the default as text, empty when none
   * @param constraints the constraints, e.g. {@code >= 1, <= 1024}
   * @param description the Javadoc description
   * @param secret whether it is a {@code @Secret} field
   * @param depth 0 for a field of the params, 1 for a field of a record one of those holds, and so on
   */
  record ParamRow(String name, String type, boolean required, String defaultValue, String constraints,
                  String description, boolean secret, int depth) {}
}
