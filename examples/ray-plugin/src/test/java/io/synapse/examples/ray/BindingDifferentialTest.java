package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.examples.ray.jobs.BindBatchAction_Descriptor;
import io.synapse.examples.ray.jobs.BindBatchParams;
import io.synapse.examples.ray.jobs.BindProbeAction_Descriptor;
import io.synapse.examples.ray.jobs.BindProbeParams;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same generated inputs bound in LOCAL (through {@code runPlugin}), by a real TASK worker and by a real
 * JOB entrypoint (both told not to validate on the driver, so that the worker's binder does the work) must
 * give identical records or identical violations. The inputs are JSON-like (they travel as JSON) and mix
 * valid values, lax forms ({@code "10"}, {@code 3.0}, {@code "yes"}) and every kind of wrong value, numbers
 * out of range ({@code 1e309} as text and as a JSON number) among them. A failure names the seed
 * ({@code -Dsynapse.fuzz.seed=<n>} replays it) and the case.
 */
@WithRayHead
class BindingDifferentialTest {
  private static final long SEED = Long.getLong("synapse.fuzz.seed", 20261201L);
  private static final int CASES = 400;
  private static final int SINGLE_JOBS = 4;
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final RunOptions LOCAL = RunOptions.builder().sink(EventSink.discarding()).build();

  private static String address;
  private static String dashboard;

  /** A record, or the violations of an input (with the error's subject). */
  private record Outcome(Object record, String subject, List<Violation> violations) {
    static Outcome of(Supplier<Object> run) {
      try {
        return new Outcome(run.get(), null, null);
      } catch (ValidationError e) {
        return new Outcome(null, e.subject(), e.violations());
      }
    }

    boolean valid() {
      return violations == null;
    }
  }

  @BeforeAll
  static void cluster(RayHead head) {
    address = head.address();
    dashboard = head.dashboardUrl();
  }

  private static Outcome local(Map<String, Object> input) {
    return Outcome.of(() -> PluginRunner.runPlugin("ray_job_demo", "bind-probe", input, ExecutionMode.LOCAL, LOCAL));
  }

  @Test
  void localATaskWorkerAndAJobEntrypointBindEveryInputAlike() {
    Random random = new Random(SEED);
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      inputs.add(generate(random, i % 2 == 0));
    }
    List<Outcome> local = inputs.stream().map(BindingDifferentialTest::local).toList();
    long valid = local.stream().filter(Outcome::valid).count();
    assertTrue(valid >= CASES / 4 && valid <= CASES * 3 / 4, "a mix of valid and invalid inputs: " + valid + " of " + CASES + " valid");

    try (RayActorExecutor pool = RayActorExecutor.builder().address(address).dashboardUrl(dashboard).validateOnDriver(false)
        .sink(EventSink.discarding()).scheduleTimeout(Duration.ofSeconds(120)).build()) {
      for (int i = 0; i < CASES; i++) {
        Map<String, Object> input = inputs.get(i);
        Outcome remote = Outcome.of(() -> pool.execute(BindProbeAction_Descriptor.INSTANCE, input));
        assertEquals(local.get(i), remote, () -> "seed " + SEED + ", TASK differs on " + input);
        if (remote.valid()) {
          // A record built in Java goes through the same binder, on the driver and on the worker.
          BindProbeParams record = (BindProbeParams) remote.record();
          assertEquals(record, LocalExecutor.builder().sink(EventSink.discarding()).build().execute(BindProbeAction_Descriptor.INSTANCE, record));
          assertEquals(record, pool.execute(BindProbeAction_Descriptor.INSTANCE, record));
        }
      }
    }

    RayJobExecutor jobs = RayJobExecutor.builder().dashboardUrl(dashboard).validateOnDriver(false).build();
    List<Map<String, Object>> validInputs = new ArrayList<>();
    List<Object> validRecords = new ArrayList<>();
    List<Map<String, Object>> invalidInputs = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      if (local.get(i).valid()) {
        validInputs.add(inputs.get(i));
        validRecords.add(local.get(i).record());
      } else if (invalidInputs.size() < 150) {
        invalidInputs.add(inputs.get(i));
      }
    }
    // One job binds every valid input, one every invalid one (their violations are told apart by index).
    String validJob = jobs.submit(BindBatchAction_Descriptor.INSTANCE, Map.of("cases", validInputs)).id();
    String invalidJob = jobs.submit(BindBatchAction_Descriptor.INSTANCE, Map.of("cases", invalidInputs)).id();
    List<String> singles = new ArrayList<>();
    List<Outcome> singleLocal = new ArrayList<>();
    for (int i = 0; i < SINGLE_JOBS; i++) {
      singles.add(jobs.submit(BindProbeAction_Descriptor.INSTANCE, inputs.get(i)).id());
      singleLocal.add(local.get(i));
    }
    assertEquals(new BindBatchParams(validRecords.stream().map(BindProbeParams.class::cast).toList()), jobs.wait(validJob, WAIT),
        () -> "seed " + SEED + ": the JOB entrypoint bound a valid input differently");
    ValidationError batchLocal = assertThrows(ValidationError.class, () -> PluginRunner.runPlugin("ray_job_demo", "bind-batch",
        Map.of("cases", invalidInputs), ExecutionMode.LOCAL, LOCAL));
    ValidationError batchJob = assertThrows(ValidationError.class, () -> jobs.wait(invalidJob, WAIT));
    assertEquals(batchLocal.violations(), batchJob.violations(), () -> "seed " + SEED + ": the JOB entrypoint's violations differ");
    assertEquals(expectedBatchViolations(invalidInputs), batchLocal.violations(), "a batch reports each case's own violations");
    for (int i = 0; i < SINGLE_JOBS; i++) {
      String id = singles.get(i);
      assertEquals(singleLocal.get(i), Outcome.of(() -> jobs.wait(id, WAIT)), "seed " + SEED + ", single job " + i);
    }
  }

  @Test
  void aDoubleOutOfRangeIsTheSameViolationInEveryModeAndEntryPoint() {
    for (Object huge : List.of("1e309", new BigDecimal("1e309"), "-1e309")) {
      Map<String, Object> input = new LinkedHashMap<>(Map.of("name", "ada", "ratio", huge));
      ValidationError error = assertThrows(ValidationError.class, () -> PluginRunner.runPlugin("ray_job_demo", "bind-probe", input,
          ExecutionMode.LOCAL, LOCAL));
      assertEquals(List.of(new Violation("ratio", "is out of range for double", "Type")), error.violations(), String.valueOf(huge));
    }
    ValidationError infinite = assertThrows(ValidationError.class, () -> PluginRunner.runPlugin("ray_job_demo", "bind-probe",
        Map.of("name", "ada", "ratio", Double.POSITIVE_INFINITY), ExecutionMode.LOCAL, LOCAL));
    assertEquals(List.of(new Violation("ratio", "must be a finite number", "Type")), infinite.violations());
    BindProbeParams typed = new BindProbeParams(1, 0, Double.NaN, 1f, null, false, "ada", null, null, List.of(), java.util.Set.of(), Map.of(),
        null, java.util.Optional.empty(), null, null, null, null, null);
    ValidationError record = assertThrows(ValidationError.class, () -> LocalExecutor.shared().execute(BindProbeAction_Descriptor.INSTANCE, typed));
    assertEquals(List.of(new Violation("ratio", "must be a finite number", "Type")), record.violations());
  }

  // The violations binding a batch of inputs gives: each input's own, under cases[i].
  private static List<Violation> expectedBatchViolations(List<Map<String, Object>> inputs) {
    List<Violation> all = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Outcome one = local(inputs.get(i));
      for (Violation violation : one.violations()) {
        String path = violation.path().isEmpty() ? "cases[" + i + "]" : violation.path().startsWith("[")
            ? "cases[" + i + "]" + violation.path() : "cases[" + i + "]." + violation.path();
        all.add(new Violation(path, violation.message(), violation.constraint()));
      }
    }
    return all;
  }

  // --- generated inputs ------------------------------------------------------------------------

  private static final Map<String, List<Object>> VALID = new LinkedHashMap<>();
  private static final Map<String, List<Object>> INVALID = new LinkedHashMap<>();

  static {
    field("count", List.of(5, 0, 1000, "42", 3.0, new BigDecimal("3.0"), " 7 "),
        List.of(3.5, -1, 1001, "abc", true, new BigDecimal("1e309"), "1e309", Long.MAX_VALUE, "", List.of(1)));
    field("total", List.of(7L, "9000000000", -3, new BigDecimal("1e3")), List.of(new BigDecimal("1e20"), "x", 2.5, "NaN"));
    field("ratio", List.of(0.25, new BigDecimal("0.1"), "2.5", 3, "-1e300", new BigDecimal("1e-400")),
        List.of("1e309", "-1e309", new BigDecimal("1e309"), "NaN", "Infinity", "0x10", true, Map.of()));
    field("scale", List.of(1.5, "2", new BigDecimal("3.4e38")), List.of("1e39", "abc", new BigDecimal("-1e40")));
    field("price", List.of(new BigDecimal("9.99"), "0.01", 5, "1e309"), List.of("-0.01", "x", -5));
    field("enabled", List.of(true, "yes", "OFF", 1, 0, "1"), List.of(2, "maybe", 0.5));
    field("name", List.of("ada", "a_1", "x".repeat(40)), List.of("", " ", "Ada", "x".repeat(41), 5, "émile"));
    field("mail", List.of("a@b.io", "first.last@example.org", ""), List.of("not-an-email", 3, "a@"));
    field("color", List.of("RED", "dark_blue", "Dark_Blue"), List.of("Purple", 1, ""));
    field("sizes", List.of(List.of(1, 2), List.of("3"), List.of()), List.of(List.of(1, 2, 3, 4), Arrays.asList(1, null), "1,2", List.of(1.5)));
    field("tags", List.of(List.of("a", "b", "a"), List.of("x")), List.of(List.of("a", "b", "c", "d", "e"), "a", List.of(1)));
    field("weights", List.of(Map.of("a", 1.5), Map.of("b", "2.5"), Map.of()),
        List.of(Map.of("a", "x"), nullValued("a"), List.of(1), Map.of("a", "1e309")));
    field("layer", List.of(Map.of("size", 3, "label", "x"), Map.of("size", "2", "label", "y")),
        List.of(Map.of("size", -1, "label", "x"), Map.of("size", "x", "label", ""), "str", Map.of("size", 1, "label", "a", "extra", 1),
            Map.of("label", "no size")));
    field("note", List.of("n"), List.of(5, List.of()));
    field("timeout", List.of("PT5S", "PT0.5S"), List.of("5s", 5));
    field("at", List.of("2024-01-31T10:15:30Z"), List.of("yesterday", "2024-01-31"));
    field("day", List.of("2024-01-31"), List.of("2024-02-30", "31/01/2024"));
    field("input", List.of("rel/x.csv", "/abs/x"), List.of(5, true));
    field("link", List.of("https://example.org/a", "mailto:x@y.z"), List.of("::bad uri", 3));
  }

  private static void field(String name, List<Object> valid, List<Object> invalid) {
    VALID.put(name, valid);
    INVALID.put(name, invalid);
  }

  private static Map<String, Object> nullValued(String key) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key, null);
    return map;
  }

  // An input: with allValid, every field is absent or valid (name is always given then); otherwise each
  // field is absent, null, valid or invalid, and an unknown key may come along.
  private static Map<String, Object> generate(Random random, boolean allValid) {
    Map<String, Object> input = new LinkedHashMap<>();
    for (String name : VALID.keySet()) {
      double roll = random.nextDouble();
      if (name.equals("name") && allValid) {
        input.put(name, pick(random, VALID.get(name)));
      } else if (roll < 0.25) {
        continue;
      } else if (roll < 0.3 && !allValid) {
        input.put(name, null);
      } else if (roll < 0.45 && !allValid) {
        input.put(name, pick(random, INVALID.get(name)));
      } else {
        input.put(name, pick(random, VALID.get(name)));
      }
    }
    if (!allValid && random.nextDouble() < 0.15) {
      input.put(random.nextBoolean() ? "nmae" : "extra", 1);
    }
    return input;
  }

  private static Object pick(Random random, List<Object> values) {
    return values.get(random.nextInt(values.size()));
  }

  @Test
  void theGeneratorCoversEveryFieldBothWays() {
    assertEquals(VALID.keySet(), INVALID.keySet());
    assertEquals(BindProbeParams.class.getRecordComponents().length, VALID.size(), "every component of the probe has values");
    for (String name : VALID.keySet()) {
      for (Object value : INVALID.get(name)) {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("name", "ada"));
        input.put(name, value);
        Outcome outcome = local(input);
        assertTrue(!outcome.valid() && outcome.violations().stream().anyMatch(v -> v.path().startsWith(name)),
            name + "=" + value + " must be a violation of " + name + ": " + outcome);
      }
      for (Object value : VALID.get(name)) {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("name", "ada"));
        input.put(name, value);
        assertInstanceOf(BindProbeParams.class, local(input).record(), name + "=" + value);
      }
    }
  }
}
