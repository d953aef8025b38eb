package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.synapse.plugins.errors.ValidationError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Properties of the params text readers: any JSON-like tree written as JSON or as YAML reads back as
 * exactly itself; an unquoted YAML scalar binds to the value YAML 1.1 and YAML 1.2 agree on or is
 * refused exactly when RELIABILITY.md says (checked against an oracle written from both specs'
 * resolvers, independently of the reader's own patterns); a feature injected into a clean document
 * is refused at its path with its constraint; and random text gives a value, a usage error or a
 * ValidationError, never anything else.
 */
class ParamsTextPropertiesTest {
  static final int ROUND_TRIP_TRIES = 2_000;
  static final int SCALAR_TRIES = 20_000;
  static final int INJECTED_TRIES = 3_000;
  static final int FUZZ_TRIES = 5_000;

  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static int scalarsChecked;
  private static int scalarsRefused;
  private static int scalarsNumbers;

  // -- round trips --

  @Property(tries = ROUND_TRIP_TRIES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void aTreeWrittenAsJsonReadsBackAsItself(@ForAll("trees") Map<String, Object> tree) throws Exception {
    String text = JACKSON.writeValueAsString(tree);
    assertEquals(tree, ParamsText.json(text, "--params"), text);
  }

  @Property(tries = ROUND_TRIP_TRIES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void aTreeWrittenAsYamlReadsBackAsItself(@ForAll("trees") Map<String, Object> tree, @ForAll boolean flow) {
    String text = flow ? YamlWriter.flow(tree) : YamlWriter.block(tree);
    assertEquals(tree, ParamsText.yaml(text, "--params-file p.yaml"), text);
  }

  // -- unquoted scalars against both specs --

  @Property(tries = SCALAR_TRIES, edgeCases = EdgeCasesMode.MIXIN)
  void anUnquotedScalarBindsAsBothYamlVersionsAgreeOrIsRefused(@ForAll("plainScalars") String scalar) {
    Object outcome;
    try {
      outcome = ParamsText.yaml("v: " + scalar + "\n", "p.yaml");
    } catch (ValidationError e) {
      outcome = e;
    } catch (CliException e) {
      // Not a plain scalar at all in YAML's syntax (a flow indicator, a comment, a key): nothing to check.
      return;
    }
    Oracle.Reading yaml11 = Oracle.yaml11(scalar);
    Oracle.Reading yaml12 = Oracle.yaml12(scalar);
    scalarsChecked++;
    scalarsRefused += outcome instanceof ValidationError ? 1 : 0;
    scalarsNumbers += outcome instanceof Map<?, ?> map && map.get("v") instanceof Number ? 1 : 0;
    if (yaml12.specialFloat()) {
      assertRefused(outcome, "SpecialFloat", scalar);
    } else if (Oracle.refused(scalar, yaml11, yaml12)) {
      assertRefused(outcome, "AmbiguousNumber", scalar);
    } else {
      assertEquals(Map.of("v", yaml12.value() == null ? Oracle.NULL : yaml12.value()),
          outcome instanceof Map<?, ?> map && map.get("v") == null ? Map.of("v", Oracle.NULL) : outcome,
          () -> scalar + ": YAML 1.1 reads " + yaml11 + ", YAML 1.2 reads " + yaml12);
    }
  }

  @net.jqwik.api.lifecycle.AfterContainer
  static void theScalarPropertyCheckedAllThreeOutcomes() {
    // A generator that mostly produced YAML syntax errors, or only one outcome, would make it vacuous.
    if (scalarsChecked > 0 && (scalarsChecked < SCALAR_TRIES / 2 || scalarsRefused < SCALAR_TRIES / 20 || scalarsNumbers < SCALAR_TRIES / 20)) {
      fail(scalarsChecked + " scalars checked, " + scalarsRefused + " refused, " + scalarsNumbers + " numbers");
    }
  }

  private static void assertRefused(Object outcome, String constraint, String scalar) {
    ValidationError error = assertInstanceOf(ValidationError.class, outcome, () -> scalar + " was not refused: " + outcome);
    assertEquals("v:" + constraint, error.violations().get(0).path() + ":" + error.violations().get(0).constraint(), scalar);
  }

  // -- features injected into clean documents --

  /** A YAML feature to inject, what it is appended as, and the violation ("path:Constraint") or usage phrase it gives. */
  enum Feature {
    DUPLICATE_KEY(null, "DuplicateKey"), ANCHOR("zz: &a 1\n", "zz:YamlAnchor"), ALIAS("zz: *a\n", "zz:YamlAlias"),
    TAG("zz: !!str 1\n", "zz:YamlTag"), LOCAL_TAG("zz: !thing x\n", "zz:YamlTag"), MERGE("<<: {q: 1}\n", "<<:YamlMergeKey"),
    NUMBER_KEY("1: x\n", "1:NonStringKey"), BOOLEAN_KEY("false: x\n", "false:NonStringKey"), SPECIAL_FLOAT("zz: -.inf\n", "zz:SpecialFloat"),
    OCTAL("zz: 0644\n", "zz:AmbiguousNumber"), SEXAGESIMAL("zz: 1:30\n", "zz:AmbiguousNumber"),
    SECOND_DOCUMENT("---\nq: 1\n", "more than one YAML document"), DIRECTIVE(null, "%YAML or %TAG directive");

    final String line;
    final String expected;

    Feature(String line, String expected) {
      this.line = line;
      this.expected = expected;
    }
  }

  @Property(tries = INJECTED_TRIES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void aFeatureInjectedIntoACleanDocumentIsRefusedAtItsPath(@ForAll("nonEmptyTrees") Map<String, Object> tree, @ForAll Feature feature) {
    String clean = YamlWriter.block(tree);
    String firstKey = tree.keySet().iterator().next();
    String text = switch (feature) {
      case DUPLICATE_KEY -> clean + YamlWriter.quoted(firstKey) + ": 1\n";
      case DIRECTIVE -> "%YAML 1.1\n---\n" + clean;
      default -> clean + feature.line;
    };
    try {
      Object value = ParamsText.yaml(text, "p.yaml");
      fail(feature + " was accepted as " + value + "\n" + text);
    } catch (ValidationError e) {
      String expected = feature == Feature.DUPLICATE_KEY ? ParamsText.child("", firstKey) + ":DuplicateKey" : feature.expected;
      assertEquals(List.of(expected), e.violations().stream().map(v -> v.path() + ":" + v.constraint()).toList(), text);
    } catch (CliException e) {
      assertTrue(e.getMessage().contains(feature.expected), feature + ": " + e.getMessage());
    }
  }

  // -- random text --

  @Property(tries = FUZZ_TRIES)
  void randomTextIsAValueAUsageErrorOrViolations(@ForAll("syntaxSoup") String text) {
    for (boolean yaml : new boolean[] {true, false}) {
      try {
        Object value = yaml ? ParamsText.yaml(text, "p.yaml") : ParamsText.json(text, "--params");
        assertTrue(value == null || value instanceof Map || value instanceof List || value instanceof String || value instanceof Number
            || value instanceof Boolean, () -> "not a JSON-like value: " + value);
      } catch (CliException e) {
        assertEquals(ExitCodes.USAGE, e.exitCode());
      } catch (ValidationError e) {
        assertTrue(!e.violations().isEmpty());
      }
    }
  }

  // -- generators --

  // Built once: arbitraries are values, and building the nested ones per try cost most of the run.
  private static final Arbitrary<String> KEYS = Arbitraries.oneOf(
      Arbitraries.strings().alpha().numeric().withChars('_', '-', '.', ' ').ofMinLength(1).ofMaxLength(8),
      tricky(), Arbitraries.strings().all().ofMaxLength(6).filter(ParamsTextPropertiesTest::isText));
  private static final Arbitrary<Object> SCALARS = Arbitraries.oneOf(strings(), Arbitraries.integers().map(i -> (Object) i),
      Arbitraries.longs().filter(l -> l < Integer.MIN_VALUE || l > Integer.MAX_VALUE).map(l -> (Object) l),
      Arbitraries.bigIntegers().between(BigInteger.TWO.pow(64), BigInteger.TWO.pow(200)).map(b -> (Object) b),
      Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000_000_000L), BigInteger.valueOf(1_000_000_000_000L)),
          Arbitraries.integers().between(1, 30)).as((unscaled, scale) -> (Object) new BigDecimal(unscaled, scale)),
      Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null));
  private static final Arbitrary<Map<String, Object>> TREES = maps(3);

  @Provide
  Arbitrary<Map<String, Object>> trees() {
    return TREES;
  }

  @Provide
  Arbitrary<Map<String, Object>> nonEmptyTrees() {
    return Combinators.combine(KEYS.filter(key -> !key.equals("zz") && !key.equals("<<")), maps(2)).as((key, rest) -> {
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put(key, 1);
      rest.forEach((k, v) -> {
        if (!k.equals("zz") && !k.equals("<<") && !k.equals("1") && !k.equals("false") && !k.equals("q")) {
          tree.putIfAbsent(k, v);
        }
      });
      return tree;
    });
  }

  private static Arbitrary<Map<String, Object>> maps(int depth) {
    return Arbitraries.maps(KEYS, value(depth)).ofMaxSize(4).map(LinkedHashMap::new);
  }

  private static Arbitrary<Object> value(int depth) {
    if (depth == 0) {
      return SCALARS;
    }
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, SCALARS),
        net.jqwik.api.Tuple.of(1, value(depth - 1).list().ofMaxSize(3).map(list -> (Object) new ArrayList<>(list))),
        net.jqwik.api.Tuple.of(1, maps(depth - 1).map(map -> (Object) map)));
  }

  private static Arbitrary<String> strings() {
    return Arbitraries.oneOf(tricky(), Arbitraries.strings().all().ofMaxLength(12).filter(ParamsTextPropertiesTest::isText),
        Arbitraries.strings().ascii().ofMaxLength(12));
  }

  // Text that a careless writer would leave unquoted and a careless reader would turn into something else.
  private static Arbitrary<String> tricky() {
    return Arbitraries.of("0755", "08", "0o17", "0x1F", "1_000", "12:30", "09:30", ".inf", "-.Inf", ".nan", "yes", "no", "on", "off",
        "y", "n", "true", "False", "~", "null", "", " ", "1e3", "1.0", "-0", "+12", "2024-01-01", "<<", "&a", "*a", "!!str", "? x",
        "- x", "x: y", "#c", "a #c", "'", "\"", "\\", "%YAML", "---", "...", "[", "{", "|", ">", "@", "`", "\t", "\n", "\r\n", "\u0085",
        "\u2028", "\uFEFF", "\u0000", "\u007f", "😀", "é", "\uFFFE");
  }

  private static boolean isText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @Provide
  Arbitrary<String> plainScalars() {
    Arbitrary<String> sign = Arbitraries.of("", "", "-", "+");
    Arbitrary<String> prefix = Arbitraries.of("", "", "", "0", "0x", "0o", "0b", "00");
    Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(4);
    Arbitrary<String> hexDigits = Arbitraries.strings().withChars("0123456789abcdefABCDEF_").ofMinLength(0).ofMaxLength(4);
    Arbitrary<String> underscore = Arbitraries.of("", "", "", "_", "1_0");
    Arbitrary<String> sexagesimal = Arbitraries.of("", "", "", ":30", ":5", ":59:01", ":60", ":7:45");
    Arbitrary<String> fraction = Arbitraries.of("", "", ".", ".5", ".25", ".0_1", "._");
    Arbitrary<String> exponent = Arbitraries.of("", "", "e3", "E+3", "e-2", "e+10", "E3");
    Arbitrary<String> number = Combinators.combine(sign, prefix, Arbitraries.oneOf(digits, hexDigits), underscore, sexagesimal, fraction, exponent)
        .as((s, p, d, u, x, f, e) -> s + p + d + u + x + f + e);
    Arbitrary<String> word = Arbitraries.of(".inf", ".Inf", ".INF", "-.inf", "+.INF", ".nan", ".NaN", ".NAN", "-.nan", "inf", "nan", "NaN",
        "yes", "No", "ON", "off", "y", "n", "true", "True", "TRUE", "tRue", "false", "~", "null", "Null", "NULL", "nUll", "1.2.3", "1e", "e3",
        "0x", "0b", "0o", "-", "+", ".", "_", "1_", "_1", "1__0", "2024-01-01", "12:30:00", "1:2:3", "0:30", "00:30", "9:30");
    Arbitrary<String> clean = Combinators.combine(sign, Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(6),
        Arbitraries.of("", "", ".5", ".", ".125"), Arbitraries.of("", "", "e3", "e-3", "E+10")).as((s, d, f, e) -> s + d + f + e);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, number), net.jqwik.api.Tuple.of(2, clean), net.jqwik.api.Tuple.of(2, word))
        .filter(s -> !s.isEmpty());
  }

  @Provide
  Arbitrary<String> syntaxSoup() {
    return Arbitraries.strings().withChars("{}[]\":,'#&*!|>-?%@`\\ \t\n\r0123456789abcxyzeE.+_~\u00e9\uFEFF\u0000😀").ofMaxLength(40);
  }

  /** Writes trees as YAML without any reader's help: every string quoted, block or flow style. */
  static final class YamlWriter {
    private YamlWriter() {}

    static String block(Map<String, Object> tree) {
      if (tree.isEmpty()) {
        return "{}\n";
      }
      StringBuilder out = new StringBuilder();
      writeMap(tree, 0, out);
      return out.toString();
    }

    static String flow(Object value) {
      return flowValue(value) + "\n";
    }

    private static void writeMap(Map<?, ?> map, int indent, StringBuilder out) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(" ".repeat(indent)).append(quoted((String) entry.getKey())).append(":");
        writeNested(entry.getValue(), indent, out);
      }
    }

    private static void writeNested(Object value, int indent, StringBuilder out) {
      if (value instanceof Map<?, ?> map && !map.isEmpty()) {
        out.append("\n");
        writeMap(map, indent + 2, out);
      } else if (value instanceof List<?> list && !list.isEmpty()) {
        out.append("\n");
        for (Object item : list) {
          out.append(" ".repeat(indent + 2)).append("-");
          writeNested(item, indent + 2, out);
        }
      } else {
        out.append(" ").append(flowValue(value)).append("\n");
      }
    }

    private static String flowValue(Object value) {
      if (value instanceof Map<?, ?> map) {
        List<String> entries = new ArrayList<>();
        map.forEach((k, v) -> entries.add(quoted((String) k) + ": " + flowValue(v)));
        return "{" + String.join(", ", entries) + "}";
      }
      if (value instanceof List<?> list) {
        List<String> items = new ArrayList<>();
        list.forEach(item -> items.add(flowValue(item)));
        return "[" + String.join(", ", items) + "]";
      }
      if (value instanceof String text) {
        return quoted(text);
      }
      return String.valueOf(value);
    }

    /** A YAML double-quoted scalar; everything YAML might fold or refuse raw is escaped. */
    static String quoted(String text) {
      StringBuilder out = new StringBuilder("\"");
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      return out.append('"').toString();
    }
  }

  /**
   * How YAML 1.1 (PyYAML's resolver, which the Python SDK uses) and YAML 1.2 (core schema) read an
   * unquoted scalar, written from the specs, not from the reader under test.
   */
  static final class Oracle {
    static final Object NULL = new Object() {
      @Override
      public String toString() {
        return "null";
      }
    };

    /** A reading: text, a number (as BigDecimal), a boolean or null; or a special float. */
    record Reading(Object value, boolean number, boolean specialFloat) {}

    private static final Pattern Y11_BOOL = Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern Y11_INT = Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
        + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern Y11_FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final Pattern NULLS = Pattern.compile("~|null|Null|NULL|");

    static Reading yaml11(String s) {
      if (NULLS.matcher(s).matches()) {
        return new Reading(null, false, false);
      }
      if (Y11_BOOL.matcher(s).matches()) {
        return new Reading(s.matches("(?i)yes|true|on"), false, false);
      }
      if (Y11_INT.matcher(s).matches()) {
        return new Reading(new BigDecimal(int11(s)), true, false);
      }
      if (Y11_FLOAT.matcher(s).matches()) {
        return s.toLowerCase().contains("inf") || s.toLowerCase().contains("nan") ? new Reading(null, true, true)
            : new Reading(float11(s), true, false);
      }
      return new Reading(s, false, false);
    }

    static Reading yaml12(String s) {
      if (NULLS.matcher(s).matches()) {
        return new Reading(null, false, false);
      }
      if (s.matches("true|True|TRUE|false|False|FALSE")) {
        return new Reading(Boolean.valueOf(s.toLowerCase()), false, false);
      }
      if (s.matches("[-+]?[0-9]+")) {
        BigInteger value = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
        return new Reading(asJavaInteger(value), true, false);
      }
      if (s.matches("0o[0-7]+")) {
        return new Reading(asJavaInteger(new BigInteger(s.substring(2), 8)), true, false);
      }
      if (s.matches("0x[0-9a-fA-F]+")) {
        return new Reading(asJavaInteger(new BigInteger(s.substring(2), 16)), true, false);
      }
      if (s.matches("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?")) {
        return new Reading(new BigDecimal(s.startsWith("+") ? s.substring(1) : s), true, false);
      }
      if (s.matches("[-+]?(\\.inf|\\.Inf|\\.INF)|\\.nan|\\.NaN|\\.NAN")) {
        return new Reading(null, true, true);
      }
      return new Reading(s, false, false);
    }

    /**
     * The rule RELIABILITY.md states: refused when YAML 1.1 reads a number other than YAML 1.2's
     * reading, and integers with leading zeros and 0o octal whichever way either reads them.
     */
    static boolean refused(String s, Reading yaml11, Reading yaml12) {
      if (s.matches("[-+]?0[0-9]+") || s.matches("0o[0-7]+")) {
        return true;
      }
      if (!yaml11.number() || yaml11.specialFloat()) {
        return false;
      }
      return !yaml12.number() || ((BigDecimal) yaml11.value()).compareTo(decimal(yaml12.value())) != 0;
    }

    private static BigDecimal decimal(Object value) {
      return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static Object asJavaInteger(BigInteger value) {
      return value.bitLength() < 32 ? (Object) value.intValue() : value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static BigInteger int11(String text) {
      String s = text.replace("_", "");
      int sign = 1;
      if (s.startsWith("-") || s.startsWith("+")) {
        sign = s.startsWith("-") ? -1 : 1;
        s = s.substring(1);
      }
      BigInteger value;
      if (s.equals("0") || s.equals("0b") || s.equals("0x") || s.isEmpty()) {
        value = BigInteger.ZERO; // "0b_": PyYAML would fail to construct it; refused either way
      } else if (s.startsWith("0b")) {
        value = new BigInteger(s.substring(2), 2);
      } else if (s.startsWith("0x")) {
        value = new BigInteger(s.substring(2), 16);
      } else if (s.startsWith("0")) {
        value = new BigInteger(s.substring(1), 8);
      } else if (s.contains(":")) {
        value = BigInteger.ZERO;
        for (String part : s.split(":")) {
          value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
        }
      } else {
        value = new BigInteger(s);
      }
      return sign < 0 ? value.negate() : value;
    }

    private static BigDecimal float11(String text) {
      String s = text.replace("_", "");
      if (s.contains(":")) {
        boolean negative = s.startsWith("-");
        String[] parts = s.replaceFirst("^[-+]", "").split(":");
        BigDecimal value = BigDecimal.ZERO;
        for (String part : parts) {
          value = value.multiply(BigDecimal.valueOf(60)).add(new BigDecimal(part.endsWith(".") ? part + "0" : part));
        }
        return negative ? value.negate() : value;
      }
      String normal = s.startsWith("+") ? s.substring(1) : s;
      normal = normal.startsWith(".") || normal.startsWith("-.") ? normal.replaceFirst("\\.", "0.") : normal;
      return new BigDecimal(normal.endsWith(".") ? normal + "0" : normal.replace(".e", ".0e").replace(".E", ".0E"));
    }
  }
}
