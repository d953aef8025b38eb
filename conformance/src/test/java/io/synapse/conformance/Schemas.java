package io.synapse.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reading a generated params schema: references, kinds of node, required properties. */
final class Schemas {
  private final JsonNode root;

  Schemas(JsonNode root) {
    this.root = root;
  }

  /** {@code node}, or what its local {@code $ref} points at. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < 16 && current.has("$ref"); hops++) {
      String ref = current.path("$ref").asText();
      current = ref.equals("#") ? root : root.at(ref.substring(1));
    }
    return current;
  }

  JsonNode root() {
    return root;
  }

  static String type(JsonNode node) {
    return node.path("type").asText("");
  }

  /** A record: an object with declared properties. */
  static boolean isRecord(JsonNode node) {
    return type(node).equals("object") && node.has("properties");
  }

  /** A map: an object whose values all follow one schema. */
  static boolean isMap(JsonNode node) {
    return type(node).equals("object") && !node.has("properties") && node.path("additionalProperties").isObject();
  }

  static List<String> propertyNames(JsonNode record) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = record.path("properties").fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  static Set<String> required(JsonNode record) {
    Set<String> required = new TreeSet<>();
    record.path("required").forEach(name -> required.add(name.asText()));
    return required;
  }

  JsonNode property(JsonNode record, String name) {
    JsonNode property = record.path("properties").path(name);
    return property.isMissingNode() ? MissingNode.getInstance() : resolve(property);
  }

  /** The snake_case key a Java-name key stands for in {@code record}, or null. */
  static String wireNameOf(JsonNode record, String key) {
    String snake = io.synapse.plugins.WireNames.snakeCase(key);
    return !snake.equals(key) && record.path("properties").has(snake) ? snake : null;
  }

  /** The Java name (camelCase) of a snake_case wire name, as the examples' components are named. */
  static String javaName(String wireName) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : wireName.toCharArray()) {
      if (c == '_' && out.length() > 0) {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
