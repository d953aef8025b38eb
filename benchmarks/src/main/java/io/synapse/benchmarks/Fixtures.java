package io.synapse.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The untyped params every figure binds, as a caller would hand them over (parsed JSON), in the
 * platform's wire format: snake_case keys and enum values.
 */
public final class Fixtures {
  /** How many items the train params carry. */
  public static final int ITEMS = 20;

  private Fixtures() {}

  /** Valid train params: every field given, 20 items. */
  public static Map<String, Object> validTrain() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", "resnet-nightly");
    map.put("dataset_uri", "s3://datasets.example/imagenet/train/");
    map.put("epochs", 90);
    map.put("batch_size", 256);
    map.put("learning_rate", 0.1);
    map.put("seed", 42L);
    map.put("shuffle", true);
    map.put("mode", "balanced");
    map.put("tags", List.of("vision", "nightly", "resnet50"));
    map.put("owner", "ml-team@example.com");
    map.put("optimizer", Map.of("kind", "sgd", "momentum", 0.9, "weight_decay", 0.0001));
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      items.add(Map.of("id", "item-" + i, "weight", i % 100, "label", "label " + i));
    }
    map.put("items", items);
    return map;
  }

  /**
   * Train params of the right shapes and types that break constraints: blank and too-long strings,
   * a bad pattern and e-mail, out-of-range numbers, a bad nested record and bad items. Type errors are
   * left out because Jackson stops at the first one, and the baseline must find them all.
   */
  public static Map<String, Object> invalidTrain() {
    Map<String, Object> map = validTrain();
    map.put("name", " ");
    map.put("dataset_uri", "http://not-s3/x");
    map.put("epochs", 0);
    map.put("batch_size", -1);
    map.put("learning_rate", 1.5);
    map.put("owner", "not an address");
    map.put("tags", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"));
    map.put("optimizer", Map.of("kind", "", "momentum", 1.5, "weight_decay", -1.0));
    @SuppressWarnings("unchecked")
    List<Object> items = new ArrayList<>((List<Object>) map.get("items"));
    items.set(3, Map.of("id", "", "weight", 101, "label", "x".repeat(40)));
    items.set(7, Map.of("id", "item-7", "weight", -5, "label", "ok"));
    map.put("items", items);
    return map;
  }

  /**
   * {@link #validTrain()} with every key by its Java name ({@code batchSize}), which binding takes too:
   * what a caller still on the Java names hands over.
   */
  public static Map<String, Object> validTrainJavaNames() {
    Map<String, Object> map = new LinkedHashMap<>();
    validTrain().forEach((key, value) -> map.put(javaName(key), value));
    map.put("optimizer", Map.of("kind", "sgd", "momentum", 0.9, "weightDecay", 0.0001));
    return map;
  }

  private static String javaName(String wireName) {
    StringBuilder out = new StringBuilder();
    for (String part : wireName.split("_")) {
      out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return out.toString();
  }

  /** How many violations {@link #invalidTrain()} holds. */
  public static final int INVALID_VIOLATIONS = 14;

  /** The tutorial's params, as its run.py passes them. */
  public static Map<String, Object> tutorial() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("input_path", "/data/input.csv");
    map.put("output_path", "/data/output.csv");
    map.put("batch_size", 64);
    map.put("verbose", false);
    return map;
  }
}
