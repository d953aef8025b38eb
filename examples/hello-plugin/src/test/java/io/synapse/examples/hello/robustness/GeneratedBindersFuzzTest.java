package io.synapse.examples.hello.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.synapse.examples.hello.LineCountParams;
import io.synapse.examples.hello.ProcessParams;
import io.synapse.examples.hello.SignParams;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.spi.ActionDescriptor;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random params against the processor's GENERATED binders of the hello plugin (ProcessParams,
 * LineCountParams, SignParams with its nested Destination record and @Secret token), run through
 * LocalExecutor. Each field is generated valid (with the value it must bind to) or broken (with the
 * exact violations it must cause). Valid input binds to exactly the expected record and the action
 * starts; invalid input is a ValidationError listing exactly the broken fields, and nothing starts.
 *
 * <p>jqwik is not on this module's test class path, so generation is a seeded {@link Random}: the
 * seed is printed with any failure and can be set with {@code -Dsynapse.fuzz.seed=...}.
 */
class GeneratedBindersFuzzTest {
  static final int CASES_PER_ACTION = 15_000;
  static final long SEED = Long.getLong("synapse.fuzz.seed", 20_261_127L);
  private static final Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "<absent>";
    }
  };

  @TempDir Path temp;

  /** One field's input, the value it must bind to, and its violations ("path:Constraint"). */
  record FieldCase(Object input, Object expected, List<String> broken) {
    static FieldCase ok(Object input, Object expected) {
      return new FieldCase(input, expected, List.of());
    }

    static FieldCase bad(Object input, String... broken) {
      return new FieldCase(input, null, List.of(broken));
    }
  }

  /** A whole input with its expected record (null when broken) and violations. */
  record InputCase(Map<String, Object> input, Object expected, List<String> broken) {}

  @Test
  void processParams() {
    fuzz("process", r -> {
      List<FieldCase> f = List.of(notBlankString(r, "input_path"), optionalString(r, "output_path"), batchSize(r), verbose(r));
      return assemble(r, List.of("input_path", "output_path", "batch_size", "verbose"),
          List.of("inputPath", "outputPath", "batchSize", "verbose"), f, "input-path",
          () -> new ProcessParams((String) f.get(0).expected(), (String) f.get(1).expected(), (Integer) f.get(2).expected(),
              (Boolean) f.get(3).expected()));
    });
  }

  @Test
  void lineCountParams() throws IOException {
    Path existing = Files.writeString(temp.resolve("lines.txt"), "# c\na\nb\n");
    fuzz("count-lines", r -> {
      List<FieldCase> f = List.of(path(r, "file", existing), skipPrefixes(r));
      return assemble(r, List.of("file", "skip_prefixes"), List.of("file", "skipPrefixes"), f, "skipprefixes",
          () -> new LineCountParams((Path) f.get(0).expected(), castList(f.get(1).expected())));
    });
  }

  @Test
  void signParamsWithANestedRecordAndASecret() throws IOException {
    Path existing = Files.writeString(temp.resolve("data.csv"), "a,b\n");
    fuzz("sign", r -> {
      List<FieldCase> f = List.of(path(r, "file", existing), destination(r), notBlankString(r, "api_token"));
      return assemble(r, List.of("file", "destination", "api_token"), List.of("file", "destination", "apiToken"), f, "API_TOKEN",
          () -> new SignParams((Path) f.get(0).expected(), (SignParams.Destination) f.get(1).expected(), (String) f.get(2).expected()));
    });
  }

  private void fuzz(String action, Function<Random, InputCase> generator) {
    ActionDescriptor<?, ?> descriptor = PluginDiscovery.fromModule("hello_plugin").descriptor(action);
    AtomicInteger events = new AtomicInteger();
    EventSink counting = (PluginEvent event) -> events.incrementAndGet();
    LocalExecutor executor = LocalExecutor.builder().sink(counting).build();
    Random random = new Random(SEED ^ action.hashCode());
    int valid = 0;
    int invalid = 0;
    for (int i = 0; i < CASES_PER_ACTION; i++) {
      InputCase c = generator.apply(random);
      String where = action + " case " + i + " (seed " + SEED + "): " + c.input();
      events.set(0);
      try {
        Object bound = descriptor.bindParams(c.input());
        assertEquals(List.of(), c.broken(), () -> "bound although broken: " + where);
        assertEquals(c.expected(), bound, where);
        valid++;
        try {
          executor.execute(descriptor, c.input());
        } catch (ExecutionError started) {
          // a missing file fails the action once it has started: that is fine here
        }
      } catch (ValidationError e) {
        List<String> reported = e.violations().stream().map(v -> v.path() + ":" + v.constraint()).sorted().toList();
        assertEquals(c.broken().stream().sorted().toList(), reported, () -> where + "\n" + e.getMessage());
        ValidationError again = assertThrowsValidation(executor, descriptor, c.input(), where);
        assertEquals(e.violations(), again.violations(), where);
        assertEquals(0, events.get(), () -> "the action reported events on invalid params: " + where);
        invalid++;
      } catch (RuntimeException e) {
        fail("unexpected " + e + " for " + where, e);
      }
    }
    int validCount = valid;
    int invalidCount = invalid;
    assertTrue(valid > CASES_PER_ACTION / 10 && invalid > CASES_PER_ACTION / 10,
        () -> action + ": too few of one outcome: " + validCount + " valid, " + invalidCount + " invalid");
  }

  private static ValidationError assertThrowsValidation(LocalExecutor executor, ActionDescriptor<?, ?> descriptor, Map<String, Object> input,
      String where) {
    try {
      executor.execute(descriptor, input);
    } catch (ValidationError e) {
      return e;
    }
    throw new AssertionError("the executor ran invalid params: " + where);
  }

  // Each field goes under its wire name or (one time in four) its Java name; now and then under both,
  // which is a DuplicateField violation on top of the field's own.
  private static InputCase assemble(Random r, List<String> names, List<String> javaNames, List<FieldCase> fields,
      String unknownKey, java.util.function.Supplier<Object> record) {
    Map<String, Object> input = new LinkedHashMap<>();
    List<String> broken = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      boolean aliased = !names.get(i).equals(javaNames.get(i));
      if (fields.get(i).input() != ABSENT) {
        input.put(aliased && r.nextInt(4) == 0 ? javaNames.get(i) : names.get(i), fields.get(i).input());
        if (aliased && r.nextInt(40) == 0) {
          input.put(names.get(i), fields.get(i).input());
          input.put(javaNames.get(i), "other");
          broken.add(names.get(i) + ":DuplicateField");
        }
      }
      broken.addAll(fields.get(i).broken());
    }
    if (r.nextInt(10) == 0) {
      input.put(unknownKey, "x");
      broken.add(unknownKey + ":UnknownField");
    }
    return new InputCase(input, broken.isEmpty() ? record.get() : null, List.copyOf(broken));
  }

  // ---- field generators: mostly valid (about 12 in 13), each broken form with its violations ----

  private static boolean valid(Random r) {
    return r.nextInt(13) != 0;
  }

  private static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  private static String anyText(Random r, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = r.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      int kind = r.nextInt(4);
      char next = kind == 0 ? (char) ('a' + r.nextInt(26)) : kind == 1 ? (char) (0x20 + r.nextInt(95))
          : kind == 2 ? (char) (0xA0 + r.nextInt(0x2000)) : pick(r, List.of('é', '中', '\t', '_', '/'));
      text.append(next);
    }
    return text.toString();
  }

  private static FieldCase notBlankString(Random r, String name) {
    if (valid(r)) {
      String value = "v" + anyText(r, 12);
      return FieldCase.ok(value, value);
    }
    return switch (r.nextInt(4)) {
      case 0 -> FieldCase.bad(pick(r, List.of("", " ", "\t\n", "   ")), name + ":NotBlank");
      case 1 -> FieldCase.bad(r.nextBoolean() ? ABSENT : null, name + ":Required");
      case 2 -> FieldCase.bad(r.nextInt(), name + ":Type");
      default -> FieldCase.bad(List.of("v"), name + ":Type");
    };
  }

  private static FieldCase optionalString(Random r, String name) {
    if (valid(r)) {
      if (r.nextBoolean()) {
        return FieldCase.ok(r.nextBoolean() ? ABSENT : null, null);
      }
      String value = anyText(r, 10);
      return FieldCase.ok(value, value);
    }
    return FieldCase.bad(pick(r, List.<Object>of(5, 2.5, true, Map.of())), name + ":Type");
  }

  private static FieldCase batchSize(Random r) {
    if (valid(r)) {
      int n = 1 + r.nextInt(1024);
      return switch (r.nextInt(5)) {
        case 0 -> FieldCase.ok(r.nextBoolean() ? ABSENT : null, 32);
        case 1 -> FieldCase.ok(String.valueOf(n), n);
        case 2 -> FieldCase.ok((long) n, n);
        case 3 -> FieldCase.ok(new BigDecimal(n + ".0"), n);
        default -> FieldCase.ok(n, n);
      };
    }
    return switch (r.nextInt(5)) {
      case 0 -> FieldCase.bad(-r.nextInt(1_000_000), "batch_size:Min");
      case 1 -> FieldCase.bad(1025 + r.nextInt(Integer.MAX_VALUE - 1025), "batch_size:Max");
      case 2 -> FieldCase.bad(Integer.MAX_VALUE + 1L + (r.nextLong() & 0xFFFFFFFFL), "batch_size:Type");
      case 3 -> FieldCase.bad(new BigDecimal((1 + r.nextInt(100)) + ".5"), "batch_size:Type");
      default -> FieldCase.bad(pick(r, List.<Object>of("", "abc", "NaN", "1e", true)), "batch_size:Type");
    };
  }

  private static FieldCase verbose(Random r) {
    if (valid(r)) {
      return switch (r.nextInt(4)) {
        case 0 -> FieldCase.ok(r.nextBoolean() ? ABSENT : null, false);
        case 1 -> {
          boolean b = r.nextBoolean();
          yield FieldCase.ok(b, b);
        }
        case 2 -> FieldCase.ok(pick(r, List.of("yes", "ON", "True", "1")), true);
        default -> FieldCase.ok(pick(r, List.<Object>of("no", "Off", "FALSE", "0", 0)), false);
      };
    }
    return FieldCase.bad(pick(r, List.<Object>of("maybe", "", 2, 0.5, List.of())), "verbose:Type");
  }

  private static FieldCase path(Random r, String name, Path existing) {
    if (valid(r)) {
      String text = r.nextInt(5) == 0 ? existing.toString() : "missing/" + anyText(r, 8).replace('\0', '_') + "/f" + r.nextInt(1000);
      return FieldCase.ok(text, Path.of(text));
    }
    return switch (r.nextInt(3)) {
      case 0 -> FieldCase.bad(r.nextBoolean() ? ABSENT : null, name + ":Required");
      case 1 -> FieldCase.bad("bad\0path", name + ":Type");
      default -> FieldCase.bad(pick(r, List.<Object>of(7, true, List.of("a"))), name + ":Type");
    };
  }

  private static FieldCase skipPrefixes(Random r) {
    if (valid(r)) {
      if (r.nextInt(4) == 0) {
        return FieldCase.ok(r.nextBoolean() ? ABSENT : null, List.of("#"));
      }
      List<String> prefixes = new ArrayList<>();
      for (int i = r.nextInt(11); i > 0; i--) {
        prefixes.add(anyText(r, 3));
      }
      return FieldCase.ok(prefixes, prefixes);
    }
    int size = 1 + r.nextInt(5);
    List<Object> prefixes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      prefixes.add("p" + i);
    }
    return switch (r.nextInt(4)) {
      case 0 -> {
        for (int i = size; i < 11 + r.nextInt(4); i++) {
          prefixes.add("p" + i);
        }
        yield FieldCase.bad(prefixes, "skip_prefixes:Size");
      }
      case 1 -> {
        int at = r.nextInt(size);
        prefixes.set(at, null);
        yield FieldCase.bad(prefixes, "skip_prefixes[" + at + "]:NotNull");
      }
      case 2 -> {
        int at = r.nextInt(size);
        prefixes.set(at, 42);
        yield FieldCase.bad(prefixes, "skip_prefixes[" + at + "]:Type");
      }
      default -> FieldCase.bad(pick(r, List.<Object>of("#", 1, Map.of("a", "#"))), "skip_prefixes:Type");
    };
  }

  private static FieldCase destination(Random r) {
    if (!valid(r) && r.nextBoolean()) {
      return r.nextBoolean() ? FieldCase.bad(r.nextBoolean() ? ABSENT : null, "destination:Required")
          : FieldCase.bad(pick(r, List.<Object>of("bucket", 3, List.of())), "destination:Type");
    }
    Map<String, Object> input = new LinkedHashMap<>();
    List<String> broken = new ArrayList<>();
    String bucket = null;
    if (valid(r)) {
      bucket = pick(r, List.of("b", "my-bucket", "data.lake", "0x")) + (r.nextBoolean() ? "" : String.valueOf(r.nextInt(100)));
      input.put("bucket", bucket);
    } else {
      switch (r.nextInt(4)) {
        case 0 -> broken.add("destination.bucket:Required");
        case 1 -> {
          input.put("bucket", pick(r, List.of("", " ")));
          broken.add("destination.bucket:NotBlank");
          broken.add("destination.bucket:Pattern");
        }
        case 2 -> {
          input.put("bucket", pick(r, List.of("Bad Bucket", "-lead", "UPPER", "a_b")));
          broken.add("destination.bucket:Pattern");
        }
        default -> {
          input.put("bucket", 12);
          broken.add("destination.bucket:Type");
        }
      }
    }
    String prefix = "uploads/";
    if (valid(r)) {
      if (r.nextBoolean()) {
        prefix = anyText(r, 6);
        input.put("prefix", prefix);
      }
    } else {
      input.put("prefix", 9);
      broken.add("destination.prefix:Type");
    }
    if (r.nextInt(20) == 0) {
      input.put("prefx", "p/");
      broken.add("destination.prefx:UnknownField");
    }
    return broken.isEmpty() ? FieldCase.ok(input, new SignParams.Destination(bucket, prefix)) : new FieldCase(input, null, broken);
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object value) {
    return (List<String>) value;
  }
}
