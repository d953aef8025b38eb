package io.synapse.plugins.context;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest progress of each category of one run, with the time since the category's first report
 * and an estimate of the time left. A {@link RuntimeContext} keeps one and updates it on every
 * progress report. Thread-safe.
 */
public final class ProgressTracker {
  private final Map<String, Instant> started = new ConcurrentHashMap<>();
  private final Map<String, Snapshot> latest = new ConcurrentHashMap<>();

  /** An empty tracker. */
  public ProgressTracker() {}

  /**
   * Records {@code current} of {@code total} (already clamped: {@code 0 <= current <= total},
   * {@code total > 0}) in {@code category} at {@code now}, and returns the category's new snapshot.
   */
  public Snapshot record(String category, long current, long total, Instant now) {
    Objects.requireNonNull(category, "category");
    Instant start = started.putIfAbsent(category, now);
    if (start == null) {
      start = now;
    }
    Duration elapsed = now.isBefore(start) ? Duration.ZERO : Duration.between(start, now);
    Snapshot snapshot = new Snapshot(category, current, total, elapsed, estimateRemaining(elapsed, current, total));
    latest.put(category, snapshot);
    return snapshot;
  }

  /** The latest progress of {@code category}, if it reported any. */
  public Optional<Snapshot> get(String category) {
    return Optional.ofNullable(latest.get(category));
  }

  /** The latest progress of every category, sorted by category name. */
  public Map<String, Snapshot> all() {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(latest));
  }

  private static Duration estimateRemaining(Duration elapsed, long current, long total) {
    if (current >= total) {
      return Duration.ZERO;
    }
    if (current <= 0) {
      return null;
    }
    // Linear: the rest will take as long per unit as the part done so far.
    double nanosPerUnit = (double) elapsed.toNanos() / current;
    return Duration.ofNanos((long) Math.min(Long.MAX_VALUE, nanosPerUnit * (total - current)));
  }

  /**
   * The progress of one category at its latest report.
   *
   * @param category the category
   * @param current how far
   * @param total out of how much (above 0)
   * @param elapsed time since the category's first report
   * @param remaining estimated time left, linear in the rate so far; null while nothing is done
   */
  public record Snapshot(String category, long current, long total, Duration elapsed, Duration remaining) {

    /** The completed percentage, 0 to 100. */
    public double percent() {
      return total <= 0 ? 0 : Math.min(100.0, 100.0 * current / total);
    }

    /** The estimated time left, if it can be estimated yet. */
    public Optional<Duration> eta() {
      return Optional.ofNullable(remaining);
    }
  }
}
