package io.synapse.benchmarks.baseline;

import io.synapse.benchmarks.plugin.TrainParams;
import io.synapse.benchmarks.plugin.TrainParams.Item;
import io.synapse.benchmarks.plugin.TrainParams.Mode;
import io.synapse.benchmarks.plugin.TrainParams.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The floor for binding: what a careful engineer would write by hand for {@link TrainParams} and its
 * rules, with no framework. It reads the same wire-format map, applies the same defaults and the
 * same constraints, refuses unknown keys and wrong types, and collects every violation (path,
 * message, constraint) before failing with an exception that records no stack trace, as the generated
 * binder's {@code ValidationError} does. Only the benchmarks module has it.
 */
public final class HandBinder {
  private static final Pattern DATASET_URI = Pattern.compile("s3://[a-z0-9.-]+/.*");

  private HandBinder() {}

  /** One broken rule. */
  public record Violation(String path, String message, String constraint) {}

  /** Every violation of one bind. */
  public static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    Invalid(List<Violation> violations) {
      super(null, null, false, false);
      this.violations = violations;
    }

    /** The violations, in the order they were found. */
    public List<Violation> violations() {
      return violations;
    }

    @Override
    public String getMessage() {
      return violations.size() + " violations: " + violations;
    }
  }

  /**
   * Binds and validates {@code params}.
   *
   * @throws Invalid listing every violation
   */
  public static TrainParams bind(Map<String, ?> params) {
    List<Violation> out = new ArrayList<>(0);
    int known = 0;
    Object v;
    v = params.get("name");
    if (v != null) known++;
    String name = text(v, "name", out);
    if (name != null) {
      if (name.isBlank()) out.add(new Violation("name", "must not be blank", "NotBlank"));
      else if (name.length() > 64) out.add(new Violation("name", "size must be at most 64", "Size"));
    } else if (v == null) {
      out.add(new Violation("name", "must not be blank", "NotBlank"));
    }
    v = params.get("dataset_uri");
    if (v != null) known++;
    String datasetUri = text(v, "dataset_uri", out);
    if (datasetUri != null) {
      if (datasetUri.isBlank()) out.add(new Violation("dataset_uri", "must not be blank", "NotBlank"));
      else if (!DATASET_URI.matcher(datasetUri).matches()) out.add(new Violation("dataset_uri", "must match the pattern", "Pattern"));
    } else if (v == null) {
      out.add(new Violation("dataset_uri", "must not be blank", "NotBlank"));
    }
    v = params.get("epochs");
    if (v != null) known++;
    int epochs = 0;
    if (v == null) {
      out.add(new Violation("epochs", "is required", "Required"));
    } else {
      long n = integer(v, "epochs", Integer.MIN_VALUE, Integer.MAX_VALUE, out);
      epochs = (int) n;
      if (n != Long.MIN_VALUE && (n < 1 || n > 1000)) out.add(new Violation("epochs", "must be between 1 and 1000", n < 1 ? "Min" : "Max"));
    }
    v = params.get("batch_size");
    int batchSize = 32;
    if (v != null) {
      known++;
      long n = integer(v, "batch_size", Integer.MIN_VALUE, Integer.MAX_VALUE, out);
      batchSize = (int) n;
      if (n != Long.MIN_VALUE && n <= 0) out.add(new Violation("batch_size", "must be greater than 0", "Positive"));
    }
    v = params.get("learning_rate");
    double learningRate = 0;
    if (v == null) {
      out.add(new Violation("learning_rate", "is required", "Required"));
    } else {
      known++;
      learningRate = number(v, "learning_rate", out);
      if (!(learningRate > 0)) out.add(new Violation("learning_rate", "must be greater than 0", "DecimalMin"));
      else if (learningRate > 1) out.add(new Violation("learning_rate", "must be at most 1", "DecimalMax"));
    }
    v = params.get("seed");
    long seed = 0;
    if (v != null) {
      known++;
      long n = integer(v, "seed", Long.MIN_VALUE, Long.MAX_VALUE, out);
      seed = n == Long.MIN_VALUE ? 0 : n;
    }
    v = params.get("shuffle");
    boolean shuffle = true;
    if (v != null) {
      known++;
      if (v instanceof Boolean b) shuffle = b;
      else out.add(new Violation("shuffle", "must be a boolean", "Type"));
    }
    v = params.get("mode");
    Mode mode = null;
    if (v == null) {
      out.add(new Violation("mode", "must not be null", "NotNull"));
    } else {
      known++;
      mode = mode(v, out);
    }
    v = params.get("tags");
    List<String> tags = null;
    if (v != null) {
      known++;
      tags = tags(v, out);
    }
    v = params.get("owner");
    String owner = null;
    if (v != null) {
      known++;
      owner = text(v, "owner", out);
      if (owner != null && !email(owner)) out.add(new Violation("owner", "must be a well-formed email address", "Email"));
    }
    v = params.get("optimizer");
    Optimizer optimizer = null;
    if (v == null) {
      out.add(new Violation("optimizer", "must not be null", "NotNull"));
    } else {
      known++;
      optimizer = optimizer(v, out);
    }
    v = params.get("items");
    List<Item> items = null;
    if (v != null) {
      known++;
      items = items(v, out);
    }
    if (known != params.size()) {
      for (Object key : params.keySet()) {
        if (!isKnown(String.valueOf(key))) out.add(new Violation(String.valueOf(key), "is not a field", "Unknown"));
      }
    }
    if (!out.isEmpty()) {
      throw new Invalid(out);
    }
    return new TrainParams(name, datasetUri, epochs, batchSize, learningRate, seed, shuffle, mode, tags, owner, optimizer, items);
  }

  private static boolean isKnown(String key) {
    return switch (key) {
      case "name", "dataset_uri", "epochs", "batch_size", "learning_rate", "seed", "shuffle", "mode", "tags", "owner", "optimizer",
          "items" -> true;
      default -> false;
    };
  }

  private static String text(Object v, String path, List<Violation> out) {
    if (v == null) return null;
    if (v instanceof String s) return s;
    out.add(new Violation(path, "must be a string", "Type"));
    return null;
  }

  /** The integral value, or {@code Long.MIN_VALUE} (with a violation) when it is not one in range. */
  private static long integer(Object v, String path, long min, long max, List<Violation> out) {
    long n = integral(v, min, max);
    if (n == Long.MIN_VALUE) out.add(new Violation(path, "must be an integer in range", "Type"));
    return n;
  }

  /** The integral value, or {@code Long.MIN_VALUE} when it is not one in range. */
  private static long integral(Object v, long min, long max) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      long n = ((Number) v).longValue();
      if (n >= min && n <= max) return n;
    } else if (v instanceof Number number) {
      double d = number.doubleValue();
      if (d == Math.rint(d) && d >= min && d <= max) return (long) d;
    }
    return Long.MIN_VALUE;
  }

  private static double number(Object v, String path, List<Violation> out) {
    if (v instanceof Number n) return n.doubleValue();
    out.add(new Violation(path, "must be a number", "Type"));
    return Double.NaN;
  }

  private static Mode mode(Object v, List<Violation> out) {
    if (v instanceof String s) {
      switch (s) {
        case "fast": return Mode.FAST;
        case "balanced": return Mode.BALANCED;
        case "accurate": return Mode.ACCURATE;
        default: break;
      }
    }
    out.add(new Violation("mode", "must be one of fast, balanced, accurate", "Enum"));
    return null;
  }

  private static List<String> tags(Object v, List<Violation> out) {
    if (!(v instanceof List<?> list)) {
      out.add(new Violation("tags", "must be a list", "Type"));
      return null;
    }
    if (list.size() > 10) out.add(new Violation("tags", "size must be at most 10", "Size"));
    List<String> tags = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object e = list.get(i);
      if (e instanceof String s) tags.add(s);
      else out.add(new Violation("tags[" + i + "]", "must be a string", "Type"));
    }
    return List.copyOf(tags);
  }

  private static boolean email(String s) {
    int at = s.indexOf('@');
    if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == '(' || c == ')' || c == ',' || c == ';' || c == '<' || c == '>') return false;
    }
    return s.charAt(s.length() - 1) != '.';
  }

  private static Optimizer optimizer(Object v, List<Violation> out) {
    if (!(v instanceof Map<?, ?> map)) {
      out.add(new Violation("optimizer", "must be an object", "Type"));
      return null;
    }
    int before = out.size();
    int known = 0;
    Object k = map.get("kind");
    if (k != null) known++;
    String kind = text(k, "optimizer.kind", out);
    if (kind == null ? k == null : kind.isBlank()) out.add(new Violation("optimizer.kind", "must not be blank", "NotBlank"));
    Object m = map.get("momentum");
    double momentum = 0;
    if (m == null) {
      out.add(new Violation("optimizer.momentum", "is required", "Required"));
    } else {
      known++;
      momentum = number(m, "optimizer.momentum", out);
      if (momentum < 0) out.add(new Violation("optimizer.momentum", "must be at least 0", "DecimalMin"));
      else if (momentum > 1) out.add(new Violation("optimizer.momentum", "must be at most 1", "DecimalMax"));
    }
    Object w = map.get("weight_decay");
    double weightDecay = 0;
    if (w == null) {
      out.add(new Violation("optimizer.weight_decay", "is required", "Required"));
    } else {
      known++;
      weightDecay = number(w, "optimizer.weight_decay", out);
      if (weightDecay < 0) out.add(new Violation("optimizer.weight_decay", "must be at least 0", "PositiveOrZero"));
    }
    if (known != map.size()) {
      for (Object key : map.keySet()) {
        if (!"kind".equals(key) && !"momentum".equals(key) && !"weight_decay".equals(key)) {
          out.add(new Violation("optimizer." + key, "is not a field", "Unknown"));
        }
      }
    }
    return out.size() == before ? new Optimizer(kind, momentum, weightDecay) : null;
  }

  private static List<Item> items(Object v, List<Violation> out) {
    if (!(v instanceof List<?> list)) {
      out.add(new Violation("items", "must be a list", "Type"));
      return null;
    }
    if (list.isEmpty() || list.size() > 100) out.add(new Violation("items", "size must be between 1 and 100", "Size"));
    List<Item> items = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Item item = item(list.get(i), i, out);
      if (item != null) items.add(item);
    }
    return List.copyOf(items);
  }

  private static Item item(Object v, int index, List<Violation> out) {
    if (!(v instanceof Map<?, ?> map)) {
      out.add(new Violation("items[" + index + "]", "must be an object", "Type"));
      return null;
    }
    int before = out.size();
    int known = 0;
    Object i = map.get("id");
    if (i != null) known++;
    String id = i instanceof String s ? s : null;
    if (i != null && id == null) out.add(new Violation("items[" + index + "].id", "must be a string", "Type"));
    else if (id == null || id.isBlank()) out.add(new Violation("items[" + index + "].id", "must not be blank", "NotBlank"));
    Object w = map.get("weight");
    int weight = 0;
    if (w == null) {
      out.add(new Violation("items[" + index + "].weight", "is required", "Required"));
    } else {
      known++;
      long n = integral(w, Integer.MIN_VALUE, Integer.MAX_VALUE);
      weight = (int) n;
      if (n == Long.MIN_VALUE) {
        out.add(new Violation("items[" + index + "].weight", "must be an integer in range", "Type"));
      } else if (n < 0 || n > 100) {
        out.add(new Violation("items[" + index + "].weight", "must be between 0 and 100", n < 0 ? "Min" : "Max"));
      }
    }
    Object l = map.get("label");
    String label = null;
    if (l != null) {
      known++;
      label = l instanceof String s ? s : null;
      if (label == null) out.add(new Violation("items[" + index + "].label", "must be a string", "Type"));
      else if (label.length() > 32) out.add(new Violation("items[" + index + "].label", "size must be at most 32", "Size"));
    }
    if (known != map.size()) {
      for (Object key : map.keySet()) {
        if (!"id".equals(key) && !"weight".equals(key) && !"label".equals(key)) {
          out.add(new Violation("items[" + index + "]." + key, "is not a field", "Unknown"));
        }
      }
    }
    return out.size() == before ? new Item(id, weight, label) : null;
  }
}
