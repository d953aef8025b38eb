package io.synapse.plugins.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadersTest {
  enum Color { RED, DARK_BLUE }

  private static <T> T read(ValueReader<T> reader, Object value) {
    Violations violations = new Violations();
    T result = reader.read(value, "f", violations);
    violations.throwIfAny("test");
    return result;
  }

  private static List<Violation> violationsOf(ValueReader<?> reader, Object value) {
    Violations violations = new Violations();
    reader.read(value, "f", violations);
    return violations.list();
  }

  @Test
  void integersAcceptNumbersWholeDecimalsAndNumericStrings() {
    assertEquals(10, read(Readers.INT, 10));
    assertEquals(10, read(Readers.INT, 10L));
    assertEquals(10, read(Readers.INT, new BigDecimal("10.0")));
    assertEquals(10, read(Readers.INT, " 10 "));
    assertEquals(-3, read(Readers.INT, "-3"));
    assertEquals(Long.MAX_VALUE, read(Readers.LONG, String.valueOf(Long.MAX_VALUE)));
    assertEquals(new BigInteger("123456789012345678901234567890"), read(Readers.BIG_INTEGER, "123456789012345678901234567890"));
  }

  @Test
  void integersRefuseFractionsOverflowBooleansAndText() {
    assertEquals("must be a whole number", violationsOf(Readers.INT, 1.5).get(0).message());
    assertTrue(violationsOf(Readers.INT, 3_000_000_000L).get(0).message().contains("out of range for int"));
    assertTrue(violationsOf(Readers.BYTE, 200).get(0).message().contains("out of range for byte"));
    assertEquals("must be an integer, not a boolean", violationsOf(Readers.INT, true).get(0).message());
    assertEquals("must be an integer, not a string", violationsOf(Readers.INT, "ten").get(0).message());
    assertEquals("Type", violationsOf(Readers.INT, "0x10").get(0).constraint());
    assertEquals(1, violationsOf(Readers.INT, "NaN").size());
  }

  @Test
  void decimalsAreExactAndRefuseNonFinite() {
    assertEquals(new BigDecimal("0.1"), read(Readers.BIG_DECIMAL, "0.1"));
    assertEquals(0.25, read(Readers.DOUBLE, "0.25"));
    assertEquals(2.0, read(Readers.DOUBLE, 2));
    assertEquals(1, violationsOf(Readers.DOUBLE, Double.NaN).size());
    assertEquals(1, violationsOf(Readers.DOUBLE, "Infinity").size());
    assertEquals(1, violationsOf(Readers.FLOAT, "1e300").size());
  }

  @Test
  void booleansAcceptTheLaxSpellings() {
    for (Object yes : List.of(true, "true", "TRUE", "yes", "on", "1", 1)) {
      assertEquals(Boolean.TRUE, read(Readers.BOOLEAN, yes), String.valueOf(yes));
    }
    for (Object no : List.of(false, "false", "No", "off", "0", 0)) {
      assertEquals(Boolean.FALSE, read(Readers.BOOLEAN, no), String.valueOf(no));
    }
    assertEquals(1, violationsOf(Readers.BOOLEAN, "maybe").size());
    assertEquals(1, violationsOf(Readers.BOOLEAN, 2).size());
  }

  @Test
  void stringsAreNotMadeFromNumbers() {
    assertEquals("must be a string, not a number", violationsOf(Readers.STRING, 5).get(0).message());
    assertNull(read(Readers.STRING, null));
  }

  @Test
  void enumsMatchNamesInAnyCaseAndListTheConstants() {
    assertEquals(Color.DARK_BLUE, read(Readers.enumOf(Color.values()), "dark_blue"));
    assertEquals("must be one of RED, DARK_BLUE", violationsOf(Readers.enumOf(Color.values()), "green").get(0).message());
  }

  @Test
  void textTypesParseTheirFormats() {
    assertEquals(Path.of("/data/in.csv"), read(Readers.PATH, "/data/in.csv"));
    assertEquals(Duration.ofSeconds(30), read(Readers.DURATION, "PT30S"));
    assertEquals(LocalDate.of(2024, 1, 31), read(Readers.LOCAL_DATE, "2024-01-31"));
    assertEquals(1, violationsOf(Readers.DURATION, "30 seconds").size());
    assertEquals(1, violationsOf(Readers.INSTANT, "yesterday").size());
    assertEquals(1, violationsOf(Readers.URI, "http://exa mple.com").size());
    assertEquals(1, violationsOf(Readers.PATH, "a\0b").size());
  }

  @Test
  void collectionsReportEveryBadElementWithItsIndex() {
    List<Violation> violations = violationsOf(Readers.list(Readers.INT), Arrays.asList(1, "x", null, 2.5));
    assertEquals(List.of("f[1]", "f[2]", "f[3]"), violations.stream().map(Violation::path).toList());
    assertEquals(List.of(1, 2), read(Readers.list(Readers.INT), List.of("1", 2)));
    assertEquals(Set.of("a", "b"), read(Readers.set(Readers.STRING), List.of("a", "b", "a")));
    assertEquals(Map.of("x", 1), read(Readers.map(Readers.INT), Map.of("x", "1")));
    List<Violation> mapViolations = violationsOf(Readers.map(Readers.INT), Map.of("bad key", "no"));
    assertEquals("f[\"bad key\"]", mapViolations.get(0).path());
    assertEquals(Optional.empty(), read(Readers.optional(Readers.INT), null));
    assertEquals(Optional.of(4), read(Readers.optional(Readers.INT), "4"));
  }

  @Test
  void unknownKeysGetDidYouMean() {
    Violations violations = new Violations();
    Readers.object(Map.of("input_path", "x", "zzz", 1), ValuePath.ROOT, List.of("inputPath", "batchSize"), violations);
    Map<String, String> byPath = new java.util.TreeMap<>();
    violations.list().forEach(v -> byPath.put(v.path(), v.message()));
    assertEquals("is not a known field; did you mean 'inputPath'?", byPath.get("input_path"));
    assertTrue(byPath.get("zzz").contains("known: inputPath, batchSize"));
  }

  @Test
  void fieldNamesKeepOrderAndRefuseNullAndForeignKeys() {
    List<String> names = Readers.fieldNames("inputPath", "batchSize", "verbose");
    assertEquals(List.of("inputPath", "batchSize", "verbose"), names);
    assertTrue(names.contains("batchSize"));
    assertEquals(false, names.contains("batchsize"));
    assertEquals(false, names.contains(null));
    assertEquals(-1, names.indexOf(7));
    assertEquals(1, names.indexOf("batchSize"));
    assertThrows(UnsupportedOperationException.class, () -> names.add("x"));
    assertThrows(IllegalArgumentException.class, () -> Readers.fieldNames("a", "a"));
    Map<Object, Object> withNullKey = new java.util.HashMap<>();
    withNullKey.put(null, 1);
    withNullKey.put("inputPath", "x");
    withNullKey.put(3, "y");
    Violations violations = new Violations();
    Readers.object(withNullKey, ValuePath.of("p"), names, violations);
    assertEquals(List.of("Type", "Type"), violations.list().stream().map(Violation::constraint).toList());
  }

  @Test
  void readersGivenParentAndNameSpellOutThePathOnlyToReport() {
    // Every scalar reader: the well-typed value, a coerced one, and a mismatch reported at parent.name.
    Map<ValueReader<?>, List<Object>> cases = new java.util.LinkedHashMap<>();
    cases.put(Readers.STRING, Arrays.asList("x", "x", 1));
    cases.put(Readers.BOOLEAN, Arrays.asList(true, "yes", "maybe"));
    cases.put(Readers.INT, Arrays.asList(3, "3", "x"));
    cases.put(Readers.LONG, Arrays.asList(3L, 3, 1.5));
    cases.put(Readers.SHORT, Arrays.asList((short) 3, 3, 70000));
    cases.put(Readers.BYTE, Arrays.asList((byte) 3, 3, 300));
    cases.put(Readers.BIG_INTEGER, Arrays.asList(BigInteger.TWO, 2, "two"));
    cases.put(Readers.DOUBLE, Arrays.asList(0.5, 2, Double.NaN));
    cases.put(Readers.FLOAT, Arrays.asList(0.5f, 0.5, 1e300));
    cases.put(Readers.BIG_DECIMAL, Arrays.asList(BigDecimal.ONE, 1, "one"));
    cases.put(Readers.enumOf(Color.values()), Arrays.asList(Color.RED.name(), " dark_blue ", "GREEN"));
    cases.forEach((reader, values) -> {
      Violations violations = new Violations();
      Object exact = reader.readField(values.get(0), ValuePath.of("a[1]"), "f", violations);
      Object coerced = reader.readElement(values.get(1), ValuePath.of("a"), 2, violations);
      assertEquals(List.of(), violations.list(), reader + " " + values);
      assertEquals(read(reader, values.get(0)), exact);
      assertEquals(read(reader, values.get(1)), coerced);
      assertNull(reader.readField(values.get(2), ValuePath.of("a[1]"), "f", violations));
      assertNull(reader.readElement(values.get(2), ValuePath.of("a"), 2, violations));
      assertNull(reader.readField(null, ValuePath.of("a[1]"), "f", violations));
      assertEquals(List.of("a[1].f", "a[2]"), violations.list().stream().map(Violation::path).toList(), values.toString());
    });
  }

  @Test
  void anyCopiesJsonValuesAndRefusesOthers() {
    Object copy = read(Readers.ANY, Map.of("a", List.of(1, "two")));
    assertEquals(Map.of("a", List.of(1, "two")), copy);
    assertThrows(UnsupportedOperationException.class, () -> ((Map<String, Object>) copy).put("b", 1));
    assertEquals(1, violationsOf(Readers.ANY, new Object()).size());
  }

  @Test
  void requiredAndDefaultFields() {
    Violations violations = new Violations();
    Map<String, Object> fields = new java.util.HashMap<>();
    fields.put("n", null);
    assertNull(Readers.required(fields, "n", ValuePath.of("outer"), violations, Readers.INT));
    assertEquals(new Violation("outer.n", "is required", "Required"), violations.list().get(0));
    assertEquals(32, Readers.withDefault(fields, "n", "32", ValuePath.ROOT, violations, Readers.INT));
    ValidationError error = assertThrows(ValidationError.class, () -> violations.throwIfAny("params of X"));
    assertEquals(1, error.violations().size());
    assertTrue(error.getMessage().contains("outer.n: is required"), error.getMessage());
  }

  @Test
  void doublesBeyondTheirRangeAndNonFiniteNumbersAreViolationsWhateverTheirForm() {
    for (Object value : List.of("1e309", "-1e309", new BigDecimal("1e309"), new BigDecimal("-2e400"))) {
      assertEquals(List.of(new Violation("f", "is out of range for double", "Type")), violationsOf(Readers.DOUBLE, value), String.valueOf(value));
    }
    for (Object value : List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Float.POSITIVE_INFINITY, Float.NaN)) {
      assertEquals(List.of(new Violation("f", "must be a finite number", "Type")), violationsOf(Readers.DOUBLE, value), String.valueOf(value));
      assertEquals(List.of(new Violation("f", "must be a finite number", "Type")), violationsOf(Readers.FLOAT, value), String.valueOf(value));
      assertEquals(List.of(new Violation("f", "must be a finite number", "Type")), violationsOf(Readers.BIG_DECIMAL, value), String.valueOf(value));
    }
    assertEquals(Double.MAX_VALUE, read(Readers.DOUBLE, "1.7976931348623157e308"));
    assertEquals(0.0, read(Readers.DOUBLE, "1e-400"), "underflow to zero is a value, as Java parses it");
    assertEquals(List.of(new Violation("f", "is out of range for float", "Type")), violationsOf(Readers.FLOAT, "1e39"));
    assertEquals(new BigDecimal("1e309"), read(Readers.BIG_DECIMAL, "1e309"), "BigDecimal has the range");
  }

  @Test
  void relativePathsResolveAgainstTheBindsPathBaseAndAbsoluteOnesStay() {
    Path base = Path.of("/work/run").toAbsolutePath();
    Violations violations = new Violations(base);
    assertEquals(base.resolve("data/in.csv"), Readers.PATH.read("data/in.csv", "f", violations));
    assertEquals(Path.of("/abs/x"), Readers.PATH.read("/abs/x", "f", violations));
    assertEquals(Path.of("data/in.csv"), Readers.PATH.read("data/in.csv", "f", new Violations()));
    assertEquals(List.of(Path.of("/work/run/a")), Readers.list(Readers.PATH).read(List.of("a"), "f", new Violations(Path.of("/work/run"))));
    assertTrue(violations.isEmpty());
  }
}
