package io.synapse.plugins.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Json} parses and writes through Jackson's streaming API; these tests hold it to exactly what the
 * data-binding mapper it replaced (configured the same way) gives, value for value and class for class.
 */
class JsonStreamingParityTest {
  private static final ObjectMapper REFERENCE = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  @Test
  void randomDocumentsParseAndWriteExactlyAsTheMapperDid() throws Exception {
    Random random = new Random(20261202);
    for (int i = 0; i < 3_000; i++) {
      Object tree = tree(random, 0);
      String written = Json.write(tree);
      assertEquals(REFERENCE.writeValueAsString(tree), written, "written");
      Object parsed = Json.parse(written);
      Object expected = REFERENCE.readValue(written, Object.class);
      assertSameValue(expected, parsed, written);
      assertEquals(REFERENCE.writeValueAsString(expected), Json.write(parsed));
    }
  }

  @Test
  void malformedAndHostileTextIsRefusedWhereTheMapperRefusedIt() throws Exception {
    List<String> texts = new ArrayList<>(List.of("", " ", "{", "}", "[1,]", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "NaN",
        "[NaN]", "Infinity", "-Infinity", "{} {}", "[1] x", "1 2", "\"unterminated", "{'a':1}", "{a:1}", "[01]", "0x10", "tru",
        "\"\\u00\"", "[1e99999]", "123456789012345678901234567890", "-0", "0.0", "1E3", "1e-400", "\"\u0001\"", "null", "true",
        "\"\uD83D\uDE00\"", "[[[]]]", "{\"\":\"\"}", "// comment\n1", "/* c */1", "[1,2", "{\"a\" 1}", "\u00EF\u00BB\u00BF{}"));
    texts.add("[".repeat(999) + "]".repeat(999));
    texts.add("[".repeat(1_001) + "]".repeat(1_001));
    texts.add("{\"a\":".repeat(1_001) + "1" + "}".repeat(1_001));
    texts.add("\"" + "x".repeat(100_000) + "\"");
    texts.add("1" + "0".repeat(1_200));
    int refused = 0;
    for (String text : texts) {
      Object expected;
      try {
        expected = REFERENCE.readValue(text, Object.class);
      } catch (Exception e) {
        refused++;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Json.parse(text), shown(text));
        assertTrue(error.getMessage() != null && !error.getMessage().isBlank(), shown(text));
        continue;
      }
      assertSameValue(expected, Json.parse(text), shown(text));
    }
    assertTrue(refused >= 25, "the hostile texts were refused: " + refused);
  }

  @Test
  void valuesThatAreNotJsonLikeStillGoThroughTheMapper() throws Exception {
    Map<Object, Object> numberKeys = new LinkedHashMap<>();
    numberKeys.put(1, "one");
    List<Object> odd = List.of(Path.of("a", "b"), 'c', new int[] {1, 2}, numberKeys, new StringBuilder("sb"),
        Map.of("nested", List.of(Path.of("c"))), new LinkedHashSet<>(List.of(1, 2)), (short) 3, (byte) 4, 1.5f, Double.NaN,
        Float.POSITIVE_INFINITY);
    for (Object value : odd) {
      assertEquals(REFERENCE.writeValueAsString(value), Json.write(value), String.valueOf(value));
    }
    // What the mapper cannot write is still an IllegalArgumentException.
    assertThrows(IllegalArgumentException.class, () -> Json.write(java.util.Optional.of("x")));
  }

  private static Object tree(Random random, int depth) {
    int kind = random.nextInt(depth > 5 ? 9 : 12);
    switch (kind) {
      case 0: return null;
      case 1: return random.nextBoolean();
      case 2: return random.nextInt();
      case 3: return random.nextLong();
      case 4: return new BigInteger(100, random).negate();
      case 5: return BigDecimal.valueOf(random.nextInt(), random.nextInt(20) - 5);
      case 6: return random.nextDouble() * 1e6;
      case 7: return text(random);
      case 8: return (short) random.nextInt(Short.MAX_VALUE);
      case 9:
      case 10: {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
          map.put(text(random) + i, tree(random, depth + 1));
        }
        return map;
      }
      default: {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
          list.add(tree(random, depth + 1));
        }
        return list;
      }
    }
  }

  private static String text(Random random) {
    String alphabet = "ab \"\\/\n\t\u0000\u00e9\u4e2d\uD83D\uDE00{}[]:,";
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      int at = random.nextInt(alphabet.length());
      char c = alphabet.charAt(at);
      if (Character.isHighSurrogate(c) && at + 1 < alphabet.length()) {
        out.append(c).append(alphabet.charAt(at + 1));
      } else if (!Character.isLowSurrogate(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  // Equal values of equal classes, all the way down.
  private static void assertSameValue(Object expected, Object actual, String where) {
    if (expected == null || actual == null) {
      assertEquals(expected, actual, where);
      return;
    }
    assertEquals(expected.getClass(), actual.getClass(), where);
    if (expected instanceof Map<?, ?> map) {
      Map<?, ?> other = (Map<?, ?>) actual;
      assertEquals(new ArrayList<>(map.keySet()), new ArrayList<>(other.keySet()), where);
      for (Object key : map.keySet()) {
        assertSameValue(map.get(key), other.get(key), where);
      }
    } else if (expected instanceof List<?> list) {
      List<?> other = (List<?>) actual;
      assertEquals(list.size(), other.size(), where);
      for (int i = 0; i < list.size(); i++) {
        assertSameValue(list.get(i), other.get(i), where);
      }
    } else {
      assertEquals(expected, actual, where);
    }
  }

  private static String shown(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "... (" + text.length() + " chars)" : text;
  }
}
