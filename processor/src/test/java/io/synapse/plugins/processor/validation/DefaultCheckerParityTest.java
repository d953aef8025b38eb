package io.synapse.plugins.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.processor.model.Constraint;
import io.synapse.plugins.processor.model.DefaultValue;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.GeneratedNames;
import io.synapse.plugins.processor.model.JavaName;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.RecordModel;
import io.synapse.plugins.processor.model.ScalarKind;
import io.synapse.plugins.spi.Checks;
import io.synapse.plugins.spi.Defaults;
import io.synapse.plugins.spi.Readers;
import io.synapse.plugins.spi.ValueReader;
import io.synapse.plugins.spi.ValuePath;
import io.synapse.plugins.spi.Violations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link DefaultChecker} (the processor's check of a {@code @Default} while javac runs) against the real
 * runtime: for every supported type and a table of default texts, the verdict at compile time is held to
 * what the generated binder does with the same text at run time (the same reader, the same form of the
 * default: the text itself for text-like and number types, {@code Defaults.json} of it otherwise, then the
 * same checks).
 *
 * <p>The rule: a default the processor accepts is never refused at run time (a plugin that compiles would
 * fail on every call). The processor may refuse what the runtime would coerce: a default must be the JSON
 * form of its type, so that the schema's {@code default} is valid too; those rows are marked
 * {@code STRICTER}.
 */
class DefaultCheckerParityTest {
  /** How a row's verdicts compare. */
  enum Verdict {
    /** Both accept. */
    BOTH,
    /** Both refuse. */
    NEITHER,
    /** The processor refuses a form the runtime would coerce (a string for a number, yes for true, ...). */
    STRICTER
  }

  /** One case: a type, a default text, the constraints on the component, and the expected verdicts. */
  record Case(String type, String text, Verdict verdict, List<Constraint> constraints) {}

  enum Mode { NEAREST, BI_LINEAR }

  record Pair(int a, String b) {}

  private static final FieldType.EnumType MODE = new FieldType.EnumType(JavaName.of("t", "Mode"), List.of("NEAREST", "BI_LINEAR"),
      List.of("nearest", "bi_linear"));
  private static final JavaName PAIR_NAME = JavaName.of("t", "Pair");
  private static final FieldType.RecordType PAIR = new FieldType.RecordType("t.Pair", PAIR_NAME, GeneratedNames.binder(PAIR_NAME));
  private static final RecordModel PAIR_MODEL = new RecordModel(null, PAIR, List.of(
      field("a", new FieldType.Scalar(ScalarKind.INT, true), List.of(), null),
      field("b", new FieldType.Scalar(ScalarKind.STRING, false), List.of(), null)), true, "", false);
  private static final ValueReader<Pair> PAIR_READER = (value, path, violations) -> {
    Map<?, ?> fields = Readers.object(value, path, Readers.fieldNames("a", "b"), violations);
    if (fields == null) {
      return null;
    }
    Integer a = Readers.required(fields, "a", path, violations, Readers.INT);
    String b = Readers.field(fields, "b", path, violations, Readers.STRING);
    return a == null ? null : new Pair(a, b);
  };

  /** Every supported type: its model as the processor reads it, and the reader the generated binder uses. */
  private static final Map<String, FieldType> TYPES = new LinkedHashMap<>();
  private static final Map<String, ValueReader<?>> READERS = new LinkedHashMap<>();

  static {
    for (ScalarKind kind : ScalarKind.values()) {
      TYPES.put(kind.name(), new FieldType.Scalar(kind, false));
    }
    READERS.put("STRING", Readers.STRING);
    READERS.put("BOOLEAN", Readers.BOOLEAN);
    READERS.put("INT", Readers.INT);
    READERS.put("LONG", Readers.LONG);
    READERS.put("SHORT", Readers.SHORT);
    READERS.put("BYTE", Readers.BYTE);
    READERS.put("DOUBLE", Readers.DOUBLE);
    READERS.put("FLOAT", Readers.FLOAT);
    READERS.put("BIG_DECIMAL", Readers.BIG_DECIMAL);
    READERS.put("BIG_INTEGER", Readers.BIG_INTEGER);
    READERS.put("PATH", Readers.PATH);
    READERS.put("URI", Readers.URI);
    READERS.put("DURATION", Readers.DURATION);
    READERS.put("INSTANT", Readers.INSTANT);
    READERS.put("LOCAL_DATE", Readers.LOCAL_DATE);
    READERS.put("ANY", Readers.ANY);
    TYPES.put("ENUM", MODE);
    READERS.put("ENUM", Readers.enumOf(Mode.values(), "nearest", "bi_linear"));
    TYPES.put("LIST_INT", new FieldType.ListType(new FieldType.Scalar(ScalarKind.INT, false)));
    READERS.put("LIST_INT", Readers.list(Readers.INT));
    TYPES.put("SET_STRING", new FieldType.SetType(new FieldType.Scalar(ScalarKind.STRING, false)));
    READERS.put("SET_STRING", Readers.set(Readers.STRING));
    TYPES.put("MAP_INT", new FieldType.MapType(new FieldType.Scalar(ScalarKind.INT, false)));
    READERS.put("MAP_INT", Readers.map(Readers.INT));
    TYPES.put("OPTIONAL_INT", new FieldType.OptionalType(new FieldType.Scalar(ScalarKind.INT, false)));
    READERS.put("OPTIONAL_INT", Readers.optional(Readers.INT));
    TYPES.put("OPTIONAL_ENUM", new FieldType.OptionalType(MODE));
    READERS.put("OPTIONAL_ENUM", Readers.optional(Readers.enumOf(Mode.values(), "nearest", "bi_linear")));
    TYPES.put("RECORD", PAIR);
    READERS.put("RECORD", PAIR_READER);
  }

  private static final String LONG_NUMBER = "0." + "0".repeat(450) + "1";

  private static final List<Case> CASES = List.of(
      c("STRING", "hello", Verdict.BOTH), c("STRING", "", Verdict.BOTH), c("STRING", " padded ", Verdict.BOTH),
      c("STRING", "{\"not\": \"json\"}", Verdict.BOTH),
      c("BOOLEAN", "true", Verdict.BOTH), c("BOOLEAN", " false ", Verdict.BOTH), c("BOOLEAN", "yes", Verdict.STRICTER),
      c("BOOLEAN", "TRUE", Verdict.STRICTER), c("BOOLEAN", "1", Verdict.STRICTER), c("BOOLEAN", "maybe", Verdict.NEITHER),
      c("INT", "32", Verdict.BOTH), c("INT", " 32 ", Verdict.BOTH), c("INT", "-0", Verdict.BOTH), c("INT", "3.0", Verdict.BOTH),
      c("INT", "1e2", Verdict.BOTH), c("INT", "2147483647", Verdict.BOTH), c("INT", "2147483648", Verdict.NEITHER),
      c("INT", "3.5", Verdict.NEITHER), c("INT", "\"32\"", Verdict.NEITHER), c("INT", "32abc", Verdict.NEITHER),
      c("INT", "0x10", Verdict.NEITHER), c("INT", "1e999999999", Verdict.NEITHER), c("INT", "", Verdict.NEITHER),
      c("LONG", "9223372036854775807", Verdict.BOTH), c("LONG", "9223372036854775808", Verdict.NEITHER),
      c("SHORT", "32767", Verdict.BOTH), c("SHORT", "40000", Verdict.NEITHER),
      c("BYTE", "-128", Verdict.BOTH), c("BYTE", "-129", Verdict.NEITHER),
      c("BIG_INTEGER", "1" + "0".repeat(399), Verdict.BOTH), c("BIG_INTEGER", "1" + "0".repeat(400), Verdict.NEITHER), c("BIG_INTEGER", "1e999", Verdict.BOTH),
      c("BIG_INTEGER", "1e1000", Verdict.NEITHER), c("BIG_INTEGER", "1e999999999", Verdict.NEITHER),
      c("BIG_INTEGER", "12.5", Verdict.NEITHER),
      c("DOUBLE", "0.5", Verdict.BOTH), c("DOUBLE", "1E5", Verdict.BOTH), c("DOUBLE", "-2", Verdict.BOTH),
      c("DOUBLE", "1e308", Verdict.BOTH), c("DOUBLE", "1e309", Verdict.NEITHER), c("DOUBLE", "NaN", Verdict.NEITHER),
      c("DOUBLE", "Infinity", Verdict.NEITHER), c("DOUBLE", "1.", Verdict.NEITHER), c("DOUBLE", ".5", Verdict.NEITHER),
      c("DOUBLE", "+1", Verdict.NEITHER), c("DOUBLE", "\"0.5\"", Verdict.NEITHER),
      c("FLOAT", "3.4e38", Verdict.BOTH), c("FLOAT", "3.5e38", Verdict.NEITHER),
      c("BIG_DECIMAL", "1e400", Verdict.BOTH), c("BIG_DECIMAL", "0.1", Verdict.BOTH), c("BIG_DECIMAL", LONG_NUMBER, Verdict.NEITHER),
      c("PATH", "/data/in.csv", Verdict.BOTH), c("PATH", "relative/dir", Verdict.BOTH), c("PATH", "a\u0000b", Verdict.NEITHER),
      c("URI", "https://example.com/a?b=c", Verdict.BOTH), c("URI", "a b", Verdict.NEITHER),
      c("DURATION", "PT30S", Verdict.BOTH), c("DURATION", " PT1H ", Verdict.BOTH), c("DURATION", "30s", Verdict.NEITHER),
      c("INSTANT", "2024-01-31T10:15:30Z", Verdict.BOTH), c("INSTANT", "2024-01-31", Verdict.NEITHER),
      c("LOCAL_DATE", "2024-01-31", Verdict.BOTH), c("LOCAL_DATE", "2024-02-30", Verdict.NEITHER),
      c("ANY", "{\"x\": [1, \"two\", null]}", Verdict.BOTH), c("ANY", "3", Verdict.BOTH), c("ANY", "nul", Verdict.NEITHER),
      c("ENUM", "nearest", Verdict.BOTH), c("ENUM", "BI_LINEAR", Verdict.BOTH), c("ENUM", "Bi_Linear", Verdict.BOTH),
      c("ENUM", " nearest ", Verdict.BOTH), c("ENUM", "bilinear", Verdict.NEITHER), c("ENUM", "", Verdict.NEITHER),
      c("LIST_INT", "[1, 2]", Verdict.BOTH), c("LIST_INT", "[]", Verdict.BOTH), c("LIST_INT", "[\"1\"]", Verdict.STRICTER),
      c("LIST_INT", "[1, null]", Verdict.NEITHER), c("LIST_INT", "1", Verdict.NEITHER), c("LIST_INT", "[1.5]", Verdict.NEITHER),
      c("SET_STRING", "[\"a\", \"a\"]", Verdict.BOTH), c("SET_STRING", "[1]", Verdict.NEITHER),
      c("MAP_INT", "{\"a\": 1}", Verdict.BOTH), c("MAP_INT", "{\"a\": null}", Verdict.NEITHER), c("MAP_INT", "[1]", Verdict.NEITHER),
      c("OPTIONAL_INT", "5", Verdict.BOTH), c("OPTIONAL_INT", "null", Verdict.NEITHER), c("OPTIONAL_INT", "x", Verdict.NEITHER),
      c("OPTIONAL_ENUM", "bi_linear", Verdict.BOTH), c("OPTIONAL_ENUM", "linear", Verdict.NEITHER),
      c("RECORD", "{\"a\": 1}", Verdict.BOTH), c("RECORD", "{\"a\": 1, \"b\": \"x\"}", Verdict.BOTH),
      c("RECORD", "{\"b\": \"x\"}", Verdict.NEITHER), c("RECORD", "{\"a\": 1, \"c\": 2}", Verdict.NEITHER),
      c("RECORD", "{\"A\": 1}", Verdict.NEITHER), c("RECORD", "[1]", Verdict.NEITHER), c("RECORD", "{\"a\": \"1\"}", Verdict.STRICTER),
      // Constraints on the default, checked by the runtime's Checks as the binder does.
      c("INT", "0", Verdict.NEITHER, new Constraint.Min(null, 1)), c("INT", "1", Verdict.BOTH, new Constraint.Min(null, 1)),
      c("INT", "11", Verdict.NEITHER, new Constraint.Max(null, 10)), c("INT", "0", Verdict.NEITHER, new Constraint.Positive(null)),
      c("DOUBLE", "0.5", Verdict.NEITHER, new Constraint.DecimalMin(null, "0.5", false)),
      c("DOUBLE", "0.5", Verdict.BOTH, new Constraint.DecimalMin(null, "0.5", true)),
      c("STRING", " ", Verdict.NEITHER, new Constraint.NotBlank(null)), c("STRING", "abc", Verdict.NEITHER, new Constraint.Size(null, 0, 2)),
      c("STRING", "\uD83D\uDE00", Verdict.BOTH, new Constraint.Size(null, 1, 1)),
      c("STRING", "ab", Verdict.BOTH, new Constraint.Pattern(null, "[a-z]+", List.of(), 0)),
      c("STRING", "a1", Verdict.NEITHER, new Constraint.Pattern(null, "[a-z]+", List.of(), 0)),
      c("STRING", "me@example.com", Verdict.BOTH, new Constraint.Email(null, ".*", List.of(), 0)),
      c("STRING", "me@", Verdict.NEITHER, new Constraint.Email(null, ".*", List.of(), 0)),
      c("LIST_INT", "[]", Verdict.NEITHER, new Constraint.NotEmpty(null)));

  private static Case c(String type, String text, Verdict verdict, Constraint... constraints) {
    return new Case(type, text, verdict, List.of(constraints));
  }

  private static ParamField field(String name, FieldType type, List<Constraint> constraints, String defaultText) {
    return new ParamField(null, name, name, type, constraints,
        Optional.ofNullable(defaultText).map(text -> new DefaultValue(text, null, null)), false, "");
  }

  private static boolean compileTimeAccepts(Case c) {
    DefaultChecker checker = new DefaultChecker(Map.of(PAIR.qualifiedName(), PAIR_MODEL));
    return checker.check(field("x", TYPES.get(c.type()), c.constraints(), c.text())) == null;
  }

  // What the generated binder does with the default: the text (trimmed but for text-like types) for the
  // types a text can stand for, Defaults.json of it for the rest; read when the key is absent; checked.
  private static boolean runTimeAccepts(Case c) {
    FieldType type = TYPES.get(c.type());
    Object defaultValue;
    if (type.isTextDefaultable()) {
      defaultValue = type.takesDefaultAsText() ? c.text() : c.text().trim();
    } else {
      try {
        defaultValue = Defaults.json(c.text());
      } catch (IllegalStateException e) {
        return false;
      }
    }
    Violations violations = new Violations();
    Object read = Readers.withDefault(Map.of(), "x", defaultValue, ValuePath.ROOT, violations, READERS.get(c.type()));
    for (Constraint constraint : c.constraints()) {
      check(constraint, read, violations);
    }
    return violations.count() == 0;
  }

  private static void check(Constraint constraint, Object value, Violations violations) {
    if (constraint instanceof Constraint.Min m) {
      Checks.min(value, m.value(), ValuePath.ROOT, "x", violations);
    } else if (constraint instanceof Constraint.Max m) {
      Checks.max(value, m.value(), ValuePath.ROOT, "x", violations);
    } else if (constraint instanceof Constraint.Positive) {
      Checks.positive(value, ValuePath.ROOT, "x", violations);
    } else if (constraint instanceof Constraint.DecimalMin m) {
      Checks.decimalMin(value, m.value(), m.inclusive(), ValuePath.ROOT, "x", violations);
    } else if (constraint instanceof Constraint.NotBlank) {
      Checks.notBlank(value, ValuePath.ROOT, "x", violations);
    } else if (constraint instanceof Constraint.NotEmpty) {
      Checks.notEmpty(value, ValuePath.ROOT, "x", violations);
    } else if (constraint instanceof Constraint.Size size) {
      Checks.size(value, size.min(), size.max(), ValuePath.ROOT, "x", violations);
    } else if (constraint instanceof Constraint.Pattern p) {
      Checks.pattern(value, java.util.regex.Pattern.compile(p.regexp(), p.flagBits()), ValuePath.ROOT, "x", violations);
    } else if (constraint instanceof Constraint.Email) {
      Checks.email(value, null, ValuePath.ROOT, "x", violations);
    } else {
      throw new IllegalArgumentException("no check in this test for " + constraint);
    }
  }

  @Test
  void aDefaultTheProcessorAcceptsIsNeverRefusedAtRunTimeAndEveryRowGetsItsVerdict() {
    List<String> wrong = new ArrayList<>();
    for (Case c : CASES) {
      boolean compile = compileTimeAccepts(c);
      boolean run = runTimeAccepts(c);
      Verdict actual = compile && run ? Verdict.BOTH : !compile && !run ? Verdict.NEITHER : !compile ? Verdict.STRICTER : null;
      if (actual != c.verdict()) {
        wrong.add(c.type() + " " + abbreviated(c.text()) + " " + c.constraints() + ": expected " + c.verdict() + ", compile-time "
            + (compile ? "accepts" : "refuses") + ", run time " + (run ? "accepts" : "refuses"));
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everySupportedTypeIsInTheTableBothWays() {
    for (String type : TYPES.keySet()) {
      assertTrue(CASES.stream().anyMatch(c -> c.type().equals(type) && c.verdict() == Verdict.BOTH), type + " has an accepted default");
      assertTrue(CASES.stream().anyMatch(c -> c.type().equals(type) && c.verdict() != Verdict.BOTH)
          || type.equals("STRING"), type + " has a refused default");
    }
    assertEquals(TYPES.keySet(), READERS.keySet());
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 20) + "...(" + text.length() + " chars)" : "'" + text + "'";
  }
}
