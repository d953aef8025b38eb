package io.synapse.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Medians and spreads of repeated measurements, in the unit they were taken. */
final class Stats {
  private Stats() {}

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  static double percentile(double[] values, double fraction) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.min(sorted.length - 1, Math.round(fraction * (sorted.length - 1)));
    return sorted[index];
  }

  /** Median, min, max and the count of {@code values}, as the JSON of a summary shows them. */
  static Map<String, Object> spread(double[] values) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("median", median(values));
    out.put("min", Arrays.stream(values).min().orElse(Double.NaN));
    out.put("max", Arrays.stream(values).max().orElse(Double.NaN));
    out.put("n", values.length);
    return out;
  }

  /**
   * The exponent of growth between two points of a curve: {@code log(y2/y1) / log(x2/x1)}. 1 is
   * linear, below 1 better than linear, 2 quadratic.
   */
  static double exponent(double x1, double y1, double x2, double y2) {
    return Math.log(y2 / y1) / Math.log(x2 / x1);
  }
}
