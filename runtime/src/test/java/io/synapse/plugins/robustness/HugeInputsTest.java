package io.synapse.plugins.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.fixture.GreetParams;
import io.synapse.plugins.fixture.GreetParams_Binder;
import io.synapse.plugins.json.Json;
import io.synapse.plugins.spi.Readers;
import io.synapse.plugins.spi.Violations;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Inputs far beyond any sensible params (10,000 levels deep, 10 million elements, 100 MB strings,
 * a million wrong elements, a map containing itself) are refused with one clear ValidationError, in
 * bounded time and allocating a bounded amount of memory, and the action never starts.
 */
class HugeInputsTest {
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final long MAX_ALLOCATED = 512L * 1024 * 1024;
  private static final LocalExecutor EXECUTOR = LocalExecutor.builder().sink(EventSink.discarding()).build();

  @Test
  void inputNestedTenThousandLevelsDeepIsRefusedAtTheDepthLimit() {
    Object deep = "leaf";
    for (int i = 0; i < 10_000; i++) {
      deep = i % 2 == 0 ? List.of(deep) : Map.of("k", deep);
    }
    Map<String, Object> input = Map.of("name", "x", "labels", deep);
    Violation violation = refused(input);
    assertEquals("MaxDepth", violation.constraint());
    assertTrue(violation.path().startsWith("labels"), violation.path());
    assertEquals(Readers.MAX_DEPTH - 1, violation.path().chars().filter(c -> c == '.' || c == '[').count(), violation.path());
    assertTrue(violation.message().contains(String.valueOf(Readers.MAX_DEPTH)), violation.message());
  }

  @Test
  void hugeExponentsAreRefusedAtOnceNotComputed() {
    // seed is a Long, batchSize an int, labels' values Integers: each would build 10^999999999 if converted blindly.
    for (Object huge : List.of(new java.math.BigDecimal("1e999999999"), "1e999999999", "-1E+999999999", "1e500000000")) {
      Violation violation = refused(withLayer("seed", huge));
      assertEquals("seed", violation.path());
      assertTrue(violation.message().contains("out of range"), violation.message());
      assertEquals("labels.a", refused(withLayer("labels", Map.of("a", huge))).path());
    }
    for (Object tiny : List.of(new java.math.BigDecimal("1e-999999999"), "1e-999999999")) {
      Violation violation = refused(withLayer("batchSize", tiny));
      assertEquals("must be a whole number", violation.message());
    }
    assertEquals("is out of range (more than " + Readers.MAX_INTEGER_DIGITS + " digits)",
        refused(withLayer("seed", new java.math.BigDecimal("1e" + Readers.MAX_INTEGER_DIGITS))).message());
    assertEquals("is out of range for long (-9223372036854775808 to 9223372036854775807)",
        refused(withLayer("seed", new java.math.BigDecimal("1e" + (Readers.MAX_INTEGER_DIGITS - 1)))).message(), "1000 digits: a range check");
  }

  private static Map<String, Object> withLayer(String key, Object value) {
    return Map.of("name", "x", "layers", List.of(Map.of("size", 1)), key, value);
  }

  @Test
  void aMapContainingItselfIsRefusedNotLoopedOver() {
    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("self", cyclic);
    Map<String, Object> input = new HashMap<>(Map.of("name", "x"));
    input.put("labels", cyclic);
    assertEquals("MaxDepth", refused(input).constraint());
    List<Object> selfList = new ArrayList<>();
    selfList.add(selfList);
    assertEquals("MaxDepth", refused(Map.of("name", "x", "tags", selfList)).constraint());
  }

  @Test
  void aListOfTenMillionElementsIsRefusedWithoutReadingIt() {
    Violation violation = refused(Map.of("name", "x", "tags", Collections.nCopies(10_000_000, "t")));
    assertEquals(new Violation("tags", "makes the input hold more than " + Readers.MAX_VALUES + " values", "MaxValues"), violation);
  }

  @Test
  void manySmallCollectionsAddingUpPastTheLimitAreRefused() {
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < 1_100; i++) {
      rows.add(Collections.nCopies(1_000, i));
    }
    assertEquals("MaxValues", refused(Map.of("name", "x", "tags", rows)).constraint());
  }

  @Test
  void aHundredMegabyteStringOrKeyIsRefused() {
    String huge = "x".repeat(100_000_000);
    Violation value = refused(Map.of("name", huge));
    assertEquals(new Violation("name", "is longer than " + Readers.MAX_STRING_LENGTH + " characters", "MaxLength"), value);
    Violation key = refused(Map.of("name", "x", "labels", Map.of(huge, 1)));
    assertEquals(new Violation("labels", "has a key longer than " + Readers.MAX_STRING_LENGTH + " characters", "MaxLength"), key);
  }

  @Test
  void aMillionWrongElementsGiveABoundedListOfViolations() {
    List<Object> wrong = Collections.nCopies(900_000, 7);
    ValidationError error = assertBounded(() -> assertThrows(ValidationError.class,
        () -> EXECUTOR.execute(RichFixture.Descriptor.INSTANCE, Map.of("name", "x", "mode", "train", "layers", List.of(Map.of("size", 1)), "tags", wrong))));
    List<Violation> violations = error.violations();
    assertEquals(Violations.MAX_LISTED + 1, violations.size());
    assertEquals(new Violation("tags[0]", "must be a string, not a number", "Type"), violations.get(0));
    assertEquals(new Violation("", "and " + (900_000 - Violations.MAX_LISTED) + " more violations, not listed", "TooManyViolations"),
        violations.get(violations.size() - 1));
    assertTrue(error.getMessage().length() < 100_000, "the message stays readable");
  }

  @Test
  void inputsJustInsideTheLimitsStillBind() {
    Object nested = "t";
    for (int i = 0; i < Readers.MAX_DEPTH - 2; i++) {
      nested = List.of(nested);
    }
    Object deep = nested;
    ValidationError typeOnly = assertThrows(ValidationError.class, () -> RichParams_Binder.INSTANCE.bind(
        Map.of("name", "x", "mode", "eval", "layers", List.of(Map.of("size", 1)), "tags", List.of(deep))));
    assertEquals("Type", typeOnly.violations().get(0).constraint(), "depth within the limit reaches the readers");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      many.add("t" + i);
    }
    RichParams bound = assertBounded(() -> RichParams_Binder.INSTANCE.bind(
        Map.of("name", "x".repeat(1_000_000), "mode", "eval", "layers", List.of(Map.of("size", 1)), "tags", many)));
    assertEquals(200_000, bound.tags().size());
  }

  @Test
  void everyBinderGetsTheLimitsNotOnlyRichOnes() {
    ValidationError error = assertThrows(ValidationError.class,
        () -> GreetParams_Binder.INSTANCE.bind(Map.of("name", "x".repeat(Readers.MAX_STRING_LENGTH + 1))));
    assertEquals("MaxLength", error.violations().get(0).constraint());
    GreetParams ok = GreetParams_Binder.INSTANCE.bind(Map.of("name", "x".repeat(Readers.MAX_STRING_LENGTH)));
    assertEquals(Readers.MAX_STRING_LENGTH, ok.name().length());
  }

  @Test
  void jsonTextBeyondTheLimitsIsRefusedByTheParser() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    IllegalArgumentException depth = assertBounded(() -> assertThrows(IllegalArgumentException.class, () -> Json.parse(deep)));
    assertTrue(depth.getMessage().contains("nesting depth"), depth.getMessage());
    String longString = "{\"name\":\"" + "x".repeat(30_000_000) + "\"}";
    IllegalArgumentException length = assertBounded(() -> assertThrows(IllegalArgumentException.class, () -> Json.parse(longString)));
    assertTrue(length.getMessage().contains("String value length"), length.getMessage());
  }

  /** The single violation a LocalExecutor run refuses {@code input} with; the action must not start. */
  private static Violation refused(Map<String, ?> input) {
    int started = RichFixture.STARTED.get();
    Map<String, Object> withMode = new LinkedHashMap<>(input);
    withMode.putIfAbsent("mode", "train");
    ValidationError error = assertBounded(() -> assertThrows(ValidationError.class,
        () -> EXECUTOR.execute(RichFixture.Descriptor.INSTANCE, withMode)));
    assertEquals(started, RichFixture.STARTED.get(), "the action started");
    assertEquals(1, error.violations().size(), error.getMessage());
    assertTrue(error.getMessage().length() < 20_000, "the message is readable");
    return error.violations().get(0);
  }

  /** Runs {@code work} within {@link #BOUND}, allocating at most {@link #MAX_ALLOCATED} bytes. */
  private static <T> T assertBounded(Supplier<T> work) {
    return assertTimeoutPreemptively(BOUND, () -> {
      com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();
      T result = work.get();
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertTrue(allocated < MAX_ALLOCATED, "allocated " + allocated + " bytes");
      return result;
    });
  }
}
