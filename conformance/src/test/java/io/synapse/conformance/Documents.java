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
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Params documents from a generated schema: valid ones (every type, bound, length, pattern and enum of
 * the schema respected, optional properties sometimes left out), and mutations of them (wrong types,
 * values out of range or length, missing required and unknown keys, Java-name keys, both spellings,
 * nulls, coercible forms, changed nesting, blank and odd strings, duplicate set elements). Documents are
 * plain Java values as parsed JSON gives them.
 */
final class Documents {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  // Text characters: letters, digits, punctuation (no '/', so paths stay as Path.of writes them),
  // non-ASCII, a character beyond U+FFFF, spaces of every kind.
  private static final String[] PIECES = {"a", "b", "z", "Q", "0", "7", "-", "_", ".", ",", "#", " ", "é", "中",
      "\uD83D\uDE00", "\t", "\u00A0", "\u2003", "x"};
  private static final String[] BLANKS = {" ", "   ", "\t", "\n", "\u2003", "\u3000", "\u2028", "\u001F", " \t\r\n"};

  private final Schemas schemas;
  private final Random random;

  Documents(Schemas schemas, Random random) {
    this.schemas = schemas;
    this.random = random;
  }

  /** A valid document of the root schema. */
  Object valid() {
    return valid(schemas.root(), 0);
  }

  /** A valid document with one to three mutations. */
  Object mutated() {
    Object document = valid();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      document = mutate(schemas.root(), document, 0);
    }
    return document;
  }

  Object valid(JsonNode schema, int depth) {
    JsonNode node = schemas.resolve(schema);
    if (node.has("enum")) {
      return pick(node.path("enum")).asText();
    }
    switch (Schemas.type(node)) {
      case "object":
        if (Schemas.isRecord(node)) {
          Set<String> required = Schemas.required(node);
          Map<String, Object> out = new LinkedHashMap<>();
          for (String name : Schemas.propertyNames(node)) {
            if (required.contains(name) || random.nextInt(10) < 6) {
              out.put(name, valid(node.path("properties").path(name), depth + 1));
            }
          }
          return out;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        if (Schemas.isMap(node) && depth < 6) {
          for (int i = random.nextInt(4); i > 0; i--) {
            map.put(text(1, 6), valid(node.path("additionalProperties"), depth + 1));
          }
        }
        return map;
      case "array":
        return array(node, depth);
      case "string":
        return string(node);
      case "integer":
        return integer(node);
      case "number":
        return BigDecimal.valueOf(random.nextInt(2001) - 1000, random.nextInt(3)).doubleValue();
      case "boolean":
        return random.nextBoolean();
      default:
        return anyValue(depth);
    }
  }

  private Object array(JsonNode node, int depth) {
    int min = node.path("minItems").asInt(0);
    int max = Math.min(node.path("maxItems").asInt(Integer.MAX_VALUE), min + 5);
    int size = min + random.nextInt(max - min + 1);
    List<Object> out = new ArrayList<>();
    Set<Object> seen = new LinkedHashSet<>();
    for (int tries = 0; out.size() < size && tries < 50 * (size + 1); tries++) {
      Object item = valid(node.path("items"), depth + 1);
      if (!node.path("uniqueItems").asBoolean(false) || seen.add(item)) {
        out.add(item);
      }
    }
    return out;
  }

  private Object string(JsonNode node) {
    switch (node.path("format").asText("")) {
      case "date-time":
        return "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T10:15:3" + random.nextInt(10) + "Z";
      case "date":
        return "2024-0" + (1 + random.nextInt(9)) + "-2" + random.nextInt(9);
      case "duration":
        return "PT" + (1 + random.nextInt(100)) + "S";
      case "uri":
        return "https://example.com/" + word();
      case "email":
        return random.nextInt(5) == 0 ? "" : word() + "@" + word() + ".example";
      default:
        break;
    }
    int min = node.path("minLength").asInt(0);
    int max = Math.min(node.path("maxLength").asInt(Integer.MAX_VALUE), min + 12);
    Pattern pattern = node.has("pattern") ? Pattern.compile(node.path("pattern").asText()) : null;
    for (int tries = 0; tries < 500; tries++) {
      String candidate = tries % 2 == 0 ? text(min, max) : pathLike(min, max);
      if (pattern == null || pattern.matcher(candidate).find()) {
        return candidate;
      }
    }
    throw new AssertionError("no string of " + node + " found in 500 tries: the generator cannot cover this schema");
  }

  private Object integer(JsonNode node) {
    BigInteger low = node.has("minimum") ? node.path("minimum").bigIntegerValue()
        : node.has("exclusiveMinimum") ? node.path("exclusiveMinimum").bigIntegerValue().add(BigInteger.ONE) : null;
    BigInteger high = node.has("maximum") ? node.path("maximum").bigIntegerValue()
        : node.has("exclusiveMaximum") ? node.path("exclusiveMaximum").bigIntegerValue().subtract(BigInteger.ONE) : null;
    BigInteger from = low == null ? BigInteger.valueOf(-1000) : low.max(BigInteger.valueOf(-1000)).min(high == null ? low : high);
    BigInteger to = high == null ? from.add(BigInteger.valueOf(2000)) : high.min(from.add(BigInteger.valueOf(2000)));
    BigInteger value = switch (random.nextInt(6)) {
      case 0 -> low != null ? low : from;
      case 1 -> high != null ? high : to;
      default -> from.add(BigInteger.valueOf((long) (random.nextDouble() * (to.subtract(from).longValue() + 1))));
    };
    return value.bitLength() < 32 ? (Object) value.intValue() : value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private Object anyValue(int depth) {
    return switch (depth > 4 ? random.nextInt(4) : random.nextInt(6)) {
      case 0 -> text(0, 5);
      case 1 -> random.nextInt(100);
      case 2 -> random.nextBoolean();
      case 3 -> 2.5;
      case 4 -> new ArrayList<>(List.of(anyValue(depth + 1)));
      default -> new LinkedHashMap<>(Map.of(word(), anyValue(depth + 1)));
    };
  }

  // ---- mutations ----

  private Object mutate(JsonNode schema, Object value, int depth) {
    JsonNode node = schemas.resolve(schema);
    // Descend into a child half the time, so that every level is mutated.
    if (Schemas.isRecord(node) && value instanceof Map<?, ?> map && !map.isEmpty() && random.nextBoolean()) {
      Map<String, Object> out = copy(map);
      String key = pick(new ArrayList<>(out.keySet()));
      JsonNode property = node.path("properties").path(key);
      if (!property.isMissingNode()) {
        out.put(key, mutate(property, out.get(key), depth + 1));
        return out;
      }
    }
    if (Schemas.type(node).equals("array") && value instanceof List<?> list && !list.isEmpty() && random.nextBoolean()) {
      List<Object> out = new ArrayList<>(list);
      int at = random.nextInt(out.size());
      out.set(at, mutate(node.path("items"), out.get(at), depth + 1));
      return out;
    }
    if (Schemas.isRecord(node) && value instanceof Map<?, ?> map) {
      return mutateRecord(node, copy(map));
    }
    return mutateValue(node, value);
  }

  private Object mutateRecord(JsonNode node, Map<String, Object> record) {
    List<String> names = Schemas.propertyNames(node);
    List<String> keys = new ArrayList<>(record.keySet());
    switch (random.nextInt(7)) {
      case 0 -> {
        List<String> required = new ArrayList<>(Schemas.required(node));
        if (!required.isEmpty()) {
          record.remove(pick(required));
        }
      }
      case 1 -> record.put(random.nextBoolean() ? "zz_" + word() : nearMiss(names.isEmpty() ? "x" : pick(names)), 1);
      case 2, 3 -> {
        // A key by its Java name (a listed coercion), or under both spellings (a violation).
        if (!keys.isEmpty()) {
          String key = pick(keys);
          String java = Schemas.javaName(key);
          if (!java.equals(key)) {
            Object value = random.nextInt(3) == 0 ? record.get(key) : record.remove(key);
            record.put(java, value);
          }
        }
      }
      case 4 -> {
        if (!names.isEmpty()) {
          record.put(pick(names), null);
        }
      }
      case 5 -> {
        return List.of(record);
      }
      default -> {
        if (!names.isEmpty()) {
          String name = pick(names);
          record.put(name, mutateValue(schemas.property(node, name), record.get(name)));
        }
      }
    }
    return record;
  }

  Object mutateValue(JsonNode node, Object value) {
    String type = Schemas.type(node);
    switch (random.nextInt(6)) {
      case 0:
        return wrongType(type);
      case 1:
        return outOfBounds(node, value);
      case 2:
        return coercible(node, value);
      case 3:
        return type.equals("string") ? oddString(value) : coercible(node, value);
      case 4:
        return random.nextBoolean() ? null : List.of(value == null ? "x" : value);
      default:
        if (type.equals("array") && value instanceof List<?> list && !list.isEmpty()) {
          List<Object> out = new ArrayList<>(list);
          out.add(out.get(0));
          return out;
        }
        return wrongType(type);
    }
  }

  private Object wrongType(String type) {
    List<Object> others = new ArrayList<>(List.of("text", 42, 2.5, true, List.of(1), Map.of("k", "v")));
    others.removeIf(candidate -> switch (type) {
      case "string" -> candidate instanceof String;
      case "integer" -> candidate instanceof Integer;
      case "number" -> candidate instanceof Number;
      case "boolean" -> candidate instanceof Boolean;
      case "array" -> candidate instanceof List;
      case "object" -> candidate instanceof Map;
      default -> false;
    });
    return pick(others);
  }

  private Object outOfBounds(JsonNode node, Object value) {
    switch (Schemas.type(node)) {
      case "integer" -> {
        return switch (random.nextInt(5)) {
          case 0 -> node.has("minimum") ? node.path("minimum").bigIntegerValue().subtract(BigInteger.ONE) : -1;
          case 1 -> node.has("maximum") ? node.path("maximum").bigIntegerValue().add(BigInteger.ONE) : 1;
          case 2 -> new BigInteger("9223372036854775808").multiply(BigInteger.TEN);
          case 3 -> 2.5;
          default -> new BigDecimal("1e400");
        };
      }
      case "string" -> {
        int max = node.path("maxLength").asInt(-1);
        return max >= 0 ? "y".repeat(max) + "\uD83D\uDE00" : node.path("minLength").asInt(0) > 0 ? "" : value;
      }
      case "array" -> {
        int max = node.path("maxItems").asInt(-1);
        List<Object> out = new ArrayList<>();
        if (max >= 0) {
          for (int i = 0; i <= max; i++) {
            out.add(valid(node.path("items"), 1));
          }
        }
        return max >= 0 || node.path("minItems").asInt(0) > 0 ? out : value;
      }
      default -> {
        return wrongType(Schemas.type(node));
      }
    }
  }

  // The forms the README lists as coercions: numbers as strings, whole decimals, boolean words, enum
  // constants in any case.
  private Object coercible(JsonNode node, Object value) {
    if (node.has("enum") && value instanceof String text) {
      String constant = text.toUpperCase(Locale.ROOT);
      return random.nextBoolean() ? constant : " " + constant.charAt(0) + text.substring(1) + " ";
    }
    switch (Schemas.type(node)) {
      case "integer" -> {
        if (value instanceof Number number && !(number instanceof Double d && !Double.isFinite(d))) {
          return random.nextBoolean() ? number.toString() : new BigDecimal(number.toString()).setScale(1).doubleValue();
        }
        return "12";
      }
      case "boolean" -> {
        boolean b = value instanceof Boolean given && given;
        return pick(b ? List.of("yes", "ON", "True", "1", 1) : List.of("no", "Off", "FALSE", "0", 0));
      }
      case "number" -> {
        return value instanceof Number number ? number.toString() : "1.5";
      }
      default -> {
        return value;
      }
    }
  }

  private Object oddString(Object value) {
    String text = value instanceof String given ? given : "v";
    return switch (random.nextInt(6)) {
      case 0 -> pick(List.of(BLANKS));
      case 1 -> text + "\n";
      case 2 -> "bad\0" + text;
      case 3 -> "\u00A0";
      case 4 -> text.toUpperCase(Locale.ROOT) + " !";
      default -> "\uD83D\uDE00".repeat(1 + random.nextInt(3));
    };
  }

  // ---- pieces ----

  private String text(int minLength, int maxLength) {
    int length = minLength + random.nextInt(Math.max(1, maxLength - minLength + 1));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(pick(List.of(PIECES)));
    }
    return out.toString();
  }

  private String pathLike(int minLength, int maxLength) {
    StringBuilder out = new StringBuilder(random.nextBoolean() ? "data/" : "");
    out.append(word());
    if (random.nextBoolean()) {
      out.append('.').append(pick(List.of("csv", "txt", "a-b", "x9")));
    }
    String text = out.toString();
    while (text.codePointCount(0, text.length()) < minLength) {
      text = text + "x";
    }
    return text.length() > maxLength ? text.substring(0, Math.max(minLength, maxLength)) : text;
  }

  private String word() {
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder out = new StringBuilder().append(letters.charAt(random.nextInt(26)));
    for (int i = random.nextInt(6); i > 0; i--) {
      out.append(letters.charAt(random.nextInt(letters.length())));
    }
    return out.toString();
  }

  private String nearMiss(String name) {
    return switch (random.nextInt(4)) {
      case 0 -> name.replace('_', '-');
      case 1 -> name.toUpperCase(Locale.ROOT);
      case 2 -> name + "s";
      default -> name.replace("_", "");
    };
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private JsonNode pick(JsonNode array) {
    return array.get(random.nextInt(array.size()));
  }

  private static Map<String, Object> copy(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((key, value) -> out.put(String.valueOf(key), value));
    return out;
  }

  /** The document as a JSON tree, for the schema validator. */
  static JsonNode tree(Object document) {
    return JSON.valueToTree(document);
  }
}
