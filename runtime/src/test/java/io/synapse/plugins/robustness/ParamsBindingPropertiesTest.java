package io.synapse.plugins.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.LocalExecutor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random params against {@link RichParams} (nested records, lists, sets, maps, enums, optionals and
 * every constraint family), bound by a hand-written binder shaped like the generated ones and run
 * through {@link LocalExecutor}. Each generated field is valid (with the value it must bind to) or
 * broken (with the exact path and constraint of the violation it must cause). The outcome is the
 * exact record, or a ValidationError whose violations are exactly the broken fields, and the action
 * starts only on valid input. Any other exception fails the property.
 */
class ParamsBindingPropertiesTest {
  /** Tries of the exact-outcome property; RELIABILITY.md quotes it. */
  static final int EXACT_TRIES = 60_000;
  /** Tries of the random-tree property. */
  static final int TREE_TRIES = 5_000;

  private static final Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "<absent>";
    }
  };
  private static final LocalExecutor EXECUTOR = LocalExecutor.builder().sink(EventSink.discarding()).build();
  private static final List<String> UNKNOWN_KEYS = List.of("nmae", "batch_size", "extra", "Mode", "layer");

  private static int validSeen;
  private static int invalidSeen;

  /** One field's input, the value it must bind to, and the violations ("path:Constraint") it must cause. */
  record FieldCase(Object input, Object expected, List<String> broken) {
    static FieldCase ok(Object input, Object expected) {
      return new FieldCase(input, expected, List.of());
    }

    static FieldCase bad(Object input, String... broken) {
      return new FieldCase(input, null, List.of(broken));
    }

    /** This case with its violation paths put under {@code prefix}. */
    FieldCase under(String prefix) {
      return new FieldCase(input, expected, broken.stream()
          .map(b -> b.startsWith(":") ? prefix + b : prefix + "." + b).toList());
    }
  }

  @Property(tries = EXACT_TRIES, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
  void bindsExactlyTheExpectedRecordOrReportsExactlyTheBrokenFields(@ForAll("richInputs") List<Object> generated) {
    @SuppressWarnings("unchecked")
    List<FieldCase> fields = (List<FieldCase>) generated.get(0);
    @SuppressWarnings("unchecked")
    List<String> unknown = (List<String>) generated.get(1);
    List<String> names = RichParams_Binder.INSTANCE.fieldNames();
    Map<String, Object> input = new LinkedHashMap<>();
    List<String> broken = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      FieldCase field = fields.get(i);
      if (field.input() != ABSENT) {
        input.put(names.get(i), field.input());
      }
      broken.addAll(field.broken());
    }
    for (String key : unknown) {
      input.put(key, "surplus");
      broken.add(key + ":UnknownField");
    }
    int startedBefore = RichFixture.STARTED.get();
    try {
      RichParams bound = EXECUTOR.execute(RichFixture.Descriptor.INSTANCE, input);
      assertEquals(List.of(), broken, () -> "bound although broken: " + input);
      RichParams expected = new RichParams((String) fields.get(0).expected(), (Integer) fields.get(1).expected(),
          castOptional(fields.get(2).expected()), (RichParams.Mode) fields.get(3).expected(), castList(fields.get(4).expected()),
          castMap(fields.get(5).expected()), (String) fields.get(6).expected(), (String) fields.get(7).expected(),
          (Boolean) fields.get(8).expected(), castSet(fields.get(9).expected()), (Long) fields.get(10).expected());
      assertEquals(expected, bound, () -> "input " + input);
      assertEquals(startedBefore + 1, RichFixture.STARTED.get());
      validSeen++;
    } catch (ValidationError e) {
      List<String> reported = e.violations().stream().map(v -> v.path() + ":" + v.constraint()).sorted().toList();
      assertEquals(broken.stream().sorted().toList(), reported, () -> "input " + input + "\n" + e.getMessage());
      assertEquals(startedBefore, RichFixture.STARTED.get(), "the action started on invalid params");
      assertTrue(e.getMessage().startsWith("Invalid params of action 'rich'"), e.getMessage());
      invalidSeen++;
    }
  }

  @Property(tries = TREE_TRIES, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
  void randomTreesBindOrFailWithViolationsOnly(@ForAll("treeInputs") Map<String, Object> input) {
    int startedBefore = RichFixture.STARTED.get();
    try {
      RichParams bound = EXECUTOR.execute(RichFixture.Descriptor.INSTANCE, input);
      assertEquals(RichParams_Binder.INSTANCE.bind(input), bound, "binding is a function of the input");
    } catch (ValidationError e) {
      assertFalse(e.violations().isEmpty());
      assertEquals(startedBefore, RichFixture.STARTED.get(), "the action started on invalid params");
      for (Violation violation : e.violations()) {
        String top = violation.path().split("[.\\[]", 2)[0];
        assertTrue(input.containsKey(top) || RichParams_Binder.INSTANCE.fieldNames().contains(top),
            () -> violation + " is not about a field of " + input);
      }
    }
  }

  @AfterContainer
  static void bothOutcomesWereExercised() {
    // A generator that (almost) only produced one outcome would make the exact property vacuous.
    if (validSeen + invalidSeen >= EXACT_TRIES && (validSeen < EXACT_TRIES / 10 || invalidSeen < EXACT_TRIES / 10)) {
      fail("too few cases of one outcome: " + validSeen + " valid, " + invalidSeen + " invalid");
    }
  }

  @Provide
  Arbitrary<List<Object>> richInputs() {
    Arbitrary<List<FieldCase>> fields = Combinators.combine(List.of(name(), batchSize(), learningRate(), mode(), layers(), labels(),
        tag(), owner(), verbose(), tags(), seed())).as(list -> list);
    // Unknown keys are rare, so that a good share of inputs is fully valid.
    Arbitrary<List<String>> unknown = Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.just(List.<String>of())),
        Tuple.of(1, Arbitraries.of(UNKNOWN_KEYS).set().ofMinSize(1).ofMaxSize(2).map(List::copyOf)));
    return Combinators.combine(fields, unknown).as((f, u) -> List.of(f, u));
  }

  @Provide
  Arbitrary<Map<String, Object>> treeInputs() {
    List<String> keys = new ArrayList<>(RichParams_Binder.INSTANCE.fieldNames());
    keys.addAll(UNKNOWN_KEYS);
    return Arbitraries.maps(Arbitraries.of(keys), tree()).ofMaxSize(8).map(m -> new LinkedHashMap<>(m));
  }

  // ---- per-field generators: valid forms with their bound values, broken forms with their violations ----

  /** Valid forms twelve times as often as broken ones, so that about a third of the inputs is fully valid. */
  private static Arbitrary<FieldCase> mostlyValid(Arbitrary<FieldCase> valid, Arbitrary<FieldCase> broken) {
    return Arbitraries.frequencyOf(Tuple.of(12, valid), Tuple.of(1, broken));
  }

  private static Arbitrary<FieldCase> name() {
    return mostlyValid(
        Arbitraries.strings().ofMaxLength(12).map(s -> FieldCase.ok("n" + s, "n" + s)),
        Arbitraries.oneOf(
            Arbitraries.strings().withChars(" \t\n").ofMaxLength(3).map(s -> FieldCase.bad(s, "name:NotBlank")),
            Arbitraries.of(ABSENT, null).map(v -> FieldCase.bad(v, "name:Required")),
            Arbitraries.integers().map(i -> FieldCase.bad(i, "name:Type")),
            Arbitraries.just(FieldCase.bad(List.of("n"), "name:Type"))));
  }

  private static Arbitrary<FieldCase> batchSize() {
    return mostlyValid(
        Arbitraries.oneOf(
            Arbitraries.of(ABSENT, null).map(v -> FieldCase.ok(v, 32)),
            Arbitraries.integers().between(1, 1024).map(n -> FieldCase.ok(n, n)),
            Arbitraries.integers().between(1, 1024).map(n -> FieldCase.ok((long) n, n)),
            Arbitraries.integers().between(1, 1024).map(n -> FieldCase.ok(String.valueOf(n), n)),
            Arbitraries.integers().between(1, 1024).map(n -> FieldCase.ok(new BigDecimal(n + ".0"), n))),
        Arbitraries.oneOf(
            Arbitraries.integers().between(-1_000_000, 0).map(n -> FieldCase.bad(n, "batchSize:Min")),
            Arbitraries.integers().between(1025, Integer.MAX_VALUE).map(n -> FieldCase.bad(String.valueOf(n), "batchSize:Max")),
            Arbitraries.longs().between(Integer.MAX_VALUE + 1L, Long.MAX_VALUE).map(n -> FieldCase.bad(n, "batchSize:Type")),
            Arbitraries.integers().between(1, 1000).map(n -> FieldCase.bad(new BigDecimal(n + ".5"), "batchSize:Type")),
            Arbitraries.of("", "abc", "1e", "0x10", "NaN", " ").map(s -> FieldCase.bad(s, "batchSize:Type")),
            Arbitraries.of(true, false).map(b -> FieldCase.bad(b, "batchSize:Type"))));
  }

  private static Arbitrary<FieldCase> learningRate() {
    return mostlyValid(
        Arbitraries.oneOf(
            Arbitraries.of(ABSENT, null).map(v -> FieldCase.ok(v, Optional.empty())),
            Arbitraries.doubles().between(0, false, 1, true).map(d -> FieldCase.ok(d, Optional.of(d))),
            Arbitraries.doubles().between(0, false, 1, true).map(d -> FieldCase.ok(Double.toString(d), Optional.of(d)))),
        Arbitraries.oneOf(
            Arbitraries.doubles().between(-1e9, 0).map(d -> FieldCase.bad(d, "learningRate:DecimalMin")),
            Arbitraries.doubles().between(1, false, 1e9, true).map(d -> FieldCase.bad(d, "learningRate:DecimalMax")),
            Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, "NaN", "fast", true)
                .map(v -> FieldCase.bad(v, "learningRate:Type"))));
  }

  private static Arbitrary<FieldCase> mode() {
    return mostlyValid(
        Arbitraries.of(RichParams.Mode.values()).flatMap(m -> Arbitraries.of(
            FieldCase.ok(m.name(), m), FieldCase.ok(m.name().toLowerCase(Locale.ROOT), m), FieldCase.ok(" " + m.name().charAt(0)
                + m.name().substring(1).toLowerCase(Locale.ROOT) + " ", m))),
        Arbitraries.oneOf(
            Arbitraries.of(ABSENT, null).map(v -> FieldCase.bad(v, "mode:Required")),
            Arbitraries.strings().alpha().ofMaxLength(6).filter(s -> !s.equalsIgnoreCase("train") && !s.equalsIgnoreCase("eval"))
                .map(s -> FieldCase.bad(s, "mode:Type")),
            Arbitraries.integers().map(i -> FieldCase.bad(i, "mode:Type"))));
  }

  private static Arbitrary<FieldCase> layer() {
    Arbitrary<FieldCase> size = mostlyValid(
        Arbitraries.integers().between(1, 100_000).map(n -> FieldCase.ok(n, n)),
        Arbitraries.oneOf(
            Arbitraries.integers().between(-100, 0).map(n -> FieldCase.bad(n, "size:Positive")),
            Arbitraries.of(ABSENT, null).map(v -> FieldCase.bad(v, "size:Required")),
            Arbitraries.of("big", 1.25).map(v -> FieldCase.bad(v, "size:Type"))));
    Arbitrary<FieldCase> activation = mostlyValid(
        Arbitraries.oneOf(
            Arbitraries.of(ABSENT, null).map(v -> FieldCase.ok(v, RichParams.Activation.RELU)),
            Arbitraries.of(RichParams.Activation.values()).map(a -> FieldCase.ok(a.name().toLowerCase(Locale.ROOT), a))),
        Arbitraries.of("gelu", 3).map(v -> FieldCase.bad(v, "activation:Type")));
    Arbitrary<FieldCase> asObject = Combinators.combine(size, activation, Arbitraries.integers().between(0, 39)).as((s, a, extra) -> {
      Map<String, Object> map = new LinkedHashMap<>();
      List<String> broken = new ArrayList<>(s.broken());
      broken.addAll(a.broken());
      if (s.input() != ABSENT) {
        map.put("size", s.input());
      }
      if (a.input() != ABSENT) {
        map.put("activation", a.input());
      }
      if (extra == 0) {
        map.put("sise", 1);
        broken.add("sise:UnknownField");
      }
      return broken.isEmpty()
          ? FieldCase.ok(map, new RichParams.Layer((Integer) s.expected(), (RichParams.Activation) a.expected()))
          : new FieldCase(map, null, List.copyOf(broken));
    });
    return Arbitraries.frequencyOf(
        Tuple.of(60, asObject),
        Tuple.of(1, Arbitraries.just(FieldCase.bad(null, ":NotNull"))),
        Tuple.of(1, Arbitraries.of("relu", 7, List.of()).map(v -> FieldCase.bad(v, ":Type"))));
  }

  private static Arbitrary<FieldCase> layers() {
    Arbitrary<FieldCase> asList = Arbitraries.frequencyOf(
        Tuple.of(12, layer().list().ofMinSize(1).ofMaxSize(4)),
        Tuple.of(1, layer().list().ofMinSize(5).ofMaxSize(6)),
        Tuple.of(1, Arbitraries.just(List.<FieldCase>of()))).map(elements -> {
          List<Object> input = new ArrayList<>();
          List<Object> expected = new ArrayList<>();
          List<String> broken = new ArrayList<>();
          for (int i = 0; i < elements.size(); i++) {
            FieldCase element = elements.get(i).under("layers[" + i + "]");
            input.add(element.input());
            expected.add(element.expected());
            broken.addAll(element.broken());
          }
          if (broken.isEmpty() && (elements.isEmpty() || elements.size() > 4)) {
            broken.add("layers:Size");
          }
          return broken.isEmpty() ? FieldCase.ok(input, expected) : new FieldCase(input, null, List.copyOf(broken));
        });
    return Arbitraries.frequencyOf(
        Tuple.of(24, asList),
        Tuple.of(1, Arbitraries.of(ABSENT, null).map(v -> FieldCase.bad(v, "layers:Size"))),
        Tuple.of(1, Arbitraries.of("dense", 4, Map.of("size", 1)).map(v -> FieldCase.bad(v, "layers:Type"))));
  }

  private static Arbitrary<FieldCase> labels() {
    Arbitrary<FieldCase> value = mostlyValid(
        Arbitraries.oneOf(
            Arbitraries.integers().map(n -> FieldCase.ok(n, n)),
            Arbitraries.integers().map(n -> FieldCase.ok(String.valueOf(n), n))),
        Arbitraries.oneOf(
            Arbitraries.just(FieldCase.bad(null, ":NotNull")),
            Arbitraries.of("many", 0.5, false).map(v -> FieldCase.bad(v, ":Type"))));
    Arbitrary<FieldCase> asMap = Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3), value)
        .ofMaxSize(4).map(entries -> {
          Map<String, Object> input = new LinkedHashMap<>();
          Map<String, Object> expected = new LinkedHashMap<>();
          List<String> broken = new ArrayList<>();
          entries.forEach((key, entry) -> {
            FieldCase placed = entry.under("labels." + key);
            input.put(key, placed.input());
            expected.put(key, placed.expected());
            broken.addAll(placed.broken());
          });
          if (broken.isEmpty() && entries.size() > 3) {
            broken.add("labels:Size");
          }
          return broken.isEmpty() ? FieldCase.ok(input, expected) : new FieldCase(input, null, List.copyOf(broken));
        });
    return Arbitraries.frequencyOf(
        Tuple.of(16, asMap),
        Tuple.of(8, Arbitraries.of(ABSENT, null).map(v -> FieldCase.ok(v, Map.of()))),
        Tuple.of(1, Arbitraries.of("a=1", List.of(1), 3).map(v -> FieldCase.bad(v, "labels:Type"))));
  }

  private static Arbitrary<FieldCase> tag() {
    return mostlyValid(
        Arbitraries.oneOf(
            Arbitraries.of(ABSENT, null).map(v -> FieldCase.ok(v, null)),
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).map(s -> FieldCase.ok(s, s))),
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(9).ofMaxLength(12).map(s -> FieldCase.bad(s, "tag:Pattern")),
            Arbitraries.of("", "Upper", "a1", "a b").map(s -> FieldCase.bad(s, "tag:Pattern")),
            Arbitraries.of(1, true, Map.of()).map(v -> FieldCase.bad(v, "tag:Type"))));
  }

  private static Arbitrary<FieldCase> owner() {
    Arbitrary<String> part = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    return mostlyValid(
        Arbitraries.oneOf(
            Arbitraries.of(ABSENT, null).map(v -> FieldCase.ok(v, null)),
            Arbitraries.just(FieldCase.ok("", "")),
            Combinators.combine(part, part, part).as((l, d, t) -> l + "@" + d + "." + t).map(s -> FieldCase.ok(s, s))),
        Arbitraries.oneOf(
            part.map(s -> FieldCase.bad(s, "owner:Email")),
            part.map(s -> FieldCase.bad(s + "@@" + s, "owner:Email")),
            part.map(s -> FieldCase.bad("@" + s, "owner:Email")),
            Arbitraries.of(42, List.of("a@b.c")).map(v -> FieldCase.bad(v, "owner:Type"))));
  }

  private static Arbitrary<FieldCase> verbose() {
    return mostlyValid(
        Arbitraries.oneOf(
            Arbitraries.of(ABSENT, null).map(v -> FieldCase.ok(v, false)),
            Arbitraries.of(true, false).map(b -> FieldCase.ok(b, b)),
            Arbitraries.of("yes", "on", "true", "1", "YES", "True", " On ").map(s -> FieldCase.ok(s, true)),
            Arbitraries.of("no", "off", "false", "0", "NO", "False").map(s -> FieldCase.ok(s, false)),
            Arbitraries.of(0, 1).map(n -> FieldCase.ok(n, n == 1))),
        Arbitraries.of("maybe", "", 2, -1, 0.5, List.of()).map(v -> FieldCase.bad(v, "verbose:Type")));
  }

  private static Arbitrary<FieldCase> tags() {
    Arbitrary<FieldCase> element = Arbitraries.frequencyOf(
        Tuple.of(40, Arbitraries.of("a", "b", "c", "d").map(s -> FieldCase.ok(s, s))),
        Tuple.of(1, Arbitraries.just(FieldCase.bad(null, ":NotNull"))),
        Tuple.of(1, Arbitraries.of(1, true).map(v -> FieldCase.bad(v, ":Type"))));
    Arbitrary<FieldCase> asList = element.list().ofMaxSize(6).map(elements -> {
      List<Object> input = new ArrayList<>();
      Set<Object> expected = new LinkedHashSet<>();
      List<String> broken = new ArrayList<>();
      for (int i = 0; i < elements.size(); i++) {
        FieldCase placed = elements.get(i).under("tags[" + i + "]");
        input.add(placed.input());
        expected.add(placed.expected());
        broken.addAll(placed.broken());
      }
      return broken.isEmpty() ? FieldCase.ok(input, expected) : new FieldCase(input, null, List.copyOf(broken));
    });
    return Arbitraries.frequencyOf(
        Tuple.of(16, asList),
        Tuple.of(8, Arbitraries.of(ABSENT, null).map(v -> FieldCase.ok(v, Set.of()))),
        Tuple.of(1, Arbitraries.of("a", Map.of("a", 1)).map(v -> FieldCase.bad(v, "tags:Type"))));
  }

  private static Arbitrary<FieldCase> seed() {
    return mostlyValid(
        Arbitraries.oneOf(
            Arbitraries.of(ABSENT, null).map(v -> FieldCase.ok(v, null)),
            Arbitraries.longs().between(0, Long.MAX_VALUE).map(n -> FieldCase.ok(n, n)),
            Arbitraries.integers().between(0, Integer.MAX_VALUE).map(n -> FieldCase.ok(n, (long) n))),
        Arbitraries.oneOf(
            Arbitraries.longs().between(Long.MIN_VALUE, -1).map(n -> FieldCase.bad(n, "seed:PositiveOrZero")),
            Arbitraries.of(new BigInteger("99999999999999999999"), new BigDecimal("1.5"), "x", false)
                .map(v -> FieldCase.bad(v, "seed:Type"))));
  }

  /** Any JSON-like tree, plus the odd value that is not JSON-like at all. */
  private static Arbitrary<Object> tree() {
    Arbitrary<Object> scalars = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(8).map(s -> (Object) s),
        Arbitraries.of("train", "eval", "relu", "yes", "32", "a@b.c", "abc", " ").map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY).map(d -> (Object) d),
        Arbitraries.bigDecimals().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.of(new Object(), new StringBuilder("sb"), 'c', Thread.State.NEW).map(o -> o));
    return Arbitraries.recursive(() -> scalars.injectNull(0.05), inner -> Arbitraries.oneOf(
        inner.list().ofMaxSize(4).map(l -> (Object) l),
        Arbitraries.maps(Arbitraries.of("size", "activation", "a", "b", "name", "x y"), inner).ofMaxSize(3).map(m -> (Object) m),
        Arbitraries.maps(Arbitraries.integers().between(0, 3), inner).ofMaxSize(2).map(m -> (Object) m)), 0, 4);
  }

  @SuppressWarnings("unchecked")
  private static Optional<Double> castOptional(Object value) {
    return (Optional<Double>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<RichParams.Layer> castList(Object value) {
    return (List<RichParams.Layer>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> castMap(Object value) {
    return (Map<String, Integer>) value;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> castSet(Object value) {
    return (Set<String>) value;
  }
}
