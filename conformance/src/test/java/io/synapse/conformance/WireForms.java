package io.synapse.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a params document means, read by its schema: the value a writer must write after binding it
 * (defaults filled in), and the document with the README's listed coercions applied (which must then
 * satisfy the schema). Shared by the differential test's three checks.
 */
final class WireForms {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on", "1");
  private static final Set<String> FALSE_WORDS = Set.of("false", "no", "off", "0");

  private final Schemas schemas;

  WireForms(Schemas schemas) {
    this.schemas = schemas;
  }

  /**
   * The written form of the bound {@code value} of {@code schema}: absent properties take their
   * default, absent lists and maps are empty, everything else absent stays absent; set elements are
   * unique.
   */
  Object expected(JsonNode schema, Object value) {
    JsonNode node = schemas.resolve(schema);
    if (Schemas.isRecord(node) && value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String name : Schemas.propertyNames(node)) {
        JsonNode property = node.path("properties").path(name);
        JsonNode resolved = schemas.resolve(property);
        Object given = map.get(name);
        if (given != null) {
          out.put(name, expected(property, given));
        } else if (resolved.has("default") || property.has("default")) {
          JsonNode fallback = property.has("default") ? property.path("default") : resolved.path("default");
          out.put(name, expected(property, JSON.convertValue(fallback, Object.class)));
        } else if (Schemas.type(resolved).equals("array")) {
          out.put(name, List.of());
        } else if (Schemas.isMap(resolved)) {
          out.put(name, Map.of());
        }
      }
      return out;
    }
    if (Schemas.type(node).equals("array") && value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(expected(node.path("items"), item)));
      return node.path("uniqueItems").asBoolean(false) ? List.copyOf(new LinkedHashSet<>(out)) : out;
    }
    if (Schemas.isMap(node) && value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((key, item) -> out.put(String.valueOf(key), expected(node.path("additionalProperties"), item)));
      return out;
    }
    return value;
  }

  /**
   * {@code value} with the listed coercions applied where {@code schema} asks for another form: Java
   * names of keys to wire names, null for a property that is not required dropped, numeric strings to
   * numbers, whole decimals to integers, boolean words and 0/1 to booleans, enum constants in any case
   * to their wire value, and duplicate set elements dropped. Anything else is left as it is (and the
   * schema then decides).
   */
  Object coerced(JsonNode schema, Object value) {
    JsonNode node = schemas.resolve(schema);
    if (value == null) {
      return null;
    }
    if (Schemas.isRecord(node) && value instanceof Map<?, ?> map) {
      Set<String> required = Schemas.required(node);
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String wire = Schemas.wireNameOf(node, key);
        String name = wire != null && !map.containsKey(wire) ? wire : key;
        if (entry.getValue() == null && !required.contains(name)) {
          continue;
        }
        JsonNode property = node.path("properties").path(name);
        out.put(name, property.isMissingNode() ? entry.getValue() : coerced(property, entry.getValue()));
      }
      return out;
    }
    if (node.has("enum") && value instanceof String text) {
      for (JsonNode allowed : node.path("enum")) {
        if (allowed.asText().equals(text) || allowed.asText().equalsIgnoreCase(text.trim())) {
          return allowed.asText();
        }
      }
      return value;
    }
    switch (Schemas.type(node)) {
      case "integer" -> {
        BigDecimal number = number(value);
        if (number != null && !(value instanceof Boolean)) {
          try {
            return number.toBigIntegerExact();
          } catch (ArithmeticException e) {
            return value;
          }
        }
        return value;
      }
      case "number" -> {
        BigDecimal number = number(value);
        return number != null ? number : value;
      }
      case "boolean" -> {
        if (value instanceof String text) {
          String word = text.trim().toLowerCase(Locale.ROOT);
          return TRUE_WORDS.contains(word) ? Boolean.TRUE : FALSE_WORDS.contains(word) ? Boolean.FALSE : value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
          long n = ((Number) value).longValue();
          return n == 1 ? Boolean.TRUE : n == 0 ? Boolean.FALSE : value;
        }
        return value;
      }
      case "array" -> {
        if (value instanceof List<?> list) {
          List<Object> out = new ArrayList<>();
          list.forEach(item -> out.add(coerced(node.path("items"), item)));
          return node.path("uniqueItems").asBoolean(false) ? new ArrayList<>(new LinkedHashSet<>(out)) : out;
        }
        return value;
      }
      case "object" -> {
        if (Schemas.isMap(node) && value instanceof Map<?, ?> map) {
          Map<String, Object> out = new LinkedHashMap<>();
          map.forEach((key, item) -> out.put(String.valueOf(key), coerced(node.path("additionalProperties"), item)));
          return out;
        }
        return value;
      }
      default -> {
        return value;
      }
    }
  }

  /**
   * Whether every number of {@code value} is within its schema's {@code minimum}, {@code maximum} and
   * exclusive bounds, compared exactly. The schema validator compares numbers beyond the range of a
   * long as doubles or longs ({@code 1e19} passes {@code "maximum": 9223372036854775807}), so the test
   * checks the bounds of such numbers itself.
   */
  boolean numbersWithinBounds(JsonNode schema, Object value) {
    JsonNode node = schemas.resolve(schema);
    if (value instanceof Number number) {
      if (!finite(number)) {
        return false;
      }
      BigDecimal given = new BigDecimal(number.toString());
      return atLeast(given, node.path("minimum"), true) && atLeast(given, node.path("exclusiveMinimum"), false)
          && atMost(given, node.path("maximum"), true) && atMost(given, node.path("exclusiveMaximum"), false);
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        JsonNode child = Schemas.isRecord(node) ? node.path("properties").path(String.valueOf(entry.getKey()))
            : node.path("additionalProperties");
        if (child.isObject() && !numbersWithinBounds(child, entry.getValue())) {
          return false;
        }
      }
    }
    if (value instanceof List<?> list && node.path("items").isObject()) {
      for (Object item : list) {
        if (!numbersWithinBounds(node.path("items"), item)) {
          return false;
        }
      }
    }
    return true;
  }

  // NaN and the infinities: a Java caller can pass them, JSON cannot.
  private static boolean finite(Number number) {
    return !(number instanceof Double d && !Double.isFinite(d)) && !(number instanceof Float f && !Float.isFinite(f));
  }

  private static boolean atLeast(BigDecimal value, JsonNode bound, boolean inclusive) {
    if (!bound.isNumber()) {
      return true;
    }
    int order = value.compareTo(bound.decimalValue());
    return order > 0 || (inclusive && order == 0);
  }

  private static boolean atMost(BigDecimal value, JsonNode bound, boolean inclusive) {
    if (!bound.isNumber()) {
      return true;
    }
    int order = value.compareTo(bound.decimalValue());
    return order < 0 || (inclusive && order == 0);
  }

  // A number given as a JSON number or as a string in JSON number syntax, else null.
  private static BigDecimal number(Object value) {
    if (value instanceof Number number && finite(number)) {
      return new BigDecimal(number.toString());
    }
    if (value instanceof String text && text.trim().matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      return new BigDecimal(text.trim());
    }
    return null;
  }

  /** Whether two written values are the same: numbers by value, collections element by element. */
  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y && finite(x) && finite(y)) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      for (Object key : x.keySet()) {
        if (!same(x.get(key), y.get(key))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }
}
