package io.synapse.plugins.executors;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often, and after what pause, an executor tries again after a failure of the infrastructure (a
 * worker that died, a dashboard that did not answer), never after a failure of the action itself. The
 * pause before retry {@code n} (1 for the first) is {@code initialDelay * 2^(n-1)}, at most
 * {@code maxDelay}, of which a random half is taken off ("equal jitter"), so that many callers retrying at
 * once spread out. An immutable value, part of an executor's settings.
 *
 * @param maxRetries how many times to try again after the first attempt (0: never)
 * @param initialDelay the pause before the first retry, before jitter
 * @param maxDelay the longest pause, before jitter
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {
  /** Retry error details: how many attempts were made in all. */
  public static final String ATTEMPTS = "attempts";
  /** The name of the log event each retry is reported as. */
  public static final String RETRY_EVENT = "retry";

  /** Checks the values. */
  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, not " + maxRetries);
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay, not " + initialDelay + " and " + maxDelay);
    }
  }

  /** Two retries, 200 ms then 400 ms (before jitter), at most 5 s: the default of the Ray executors. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  /** No retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
  }

  /** This policy with {@code retries} retries. */
  public RetryPolicy withMaxRetries(int retries) {
    return new RetryPolicy(retries, initialDelay, maxDelay);
  }

  /**
   * The event that reports a retry: a WARNING {@code log} event named {@value #RETRY_EVENT} whose data holds
   * {@code attempt} (the attempt about to be made, 2 for the first retry), {@code max_attempts} (absent when
   * open-ended), {@code delay_ms}, {@code cause} and {@code request} (what is retried).
   *
   * @param action the action the retry is for, or null
   * @param jobId the run's job id, or null
   * @param retry the retry (1 for the first)
   * @param maxRetries how many retries there may be in all, or a negative number when open-ended
   */
  public static io.synapse.plugins.events.PluginEvent retryEvent(String action, String jobId, String request, int retry, int maxRetries,
      Duration delay, String cause) {
    java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("attempt", retry + 1);
    if (maxRetries >= 0) {
      data.put("max_attempts", maxRetries + 1);
    }
    data.put("delay_ms", delay.toMillis());
    data.put("cause", cause);
    data.put("request", request);
    String message = "retrying " + request + " (attempt " + (retry + 1) + (maxRetries >= 0 ? " of " + (maxRetries + 1) : "") + ") in "
        + delay.toMillis() + " ms: " + cause;
    return new io.synapse.plugins.events.PluginEvent(io.synapse.plugins.events.EventType.LOG, System.Logger.Level.WARNING, action, null,
        RETRY_EVENT, message, data, null, java.time.Instant.now(), jobId);
  }

  /** The pause before retry {@code retry} (1 for the first), jitter included. */
  public Duration delayBefore(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries count from 1, not " + retry);
    }
    long initial = initialDelay.toMillis();
    long max = maxDelay.toMillis();
    long exponential = retry > 30 ? max : Math.min(max, initial << (retry - 1));
    long half = exponential / 2;
    return Duration.ofMillis(exponential - half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
  }
}
