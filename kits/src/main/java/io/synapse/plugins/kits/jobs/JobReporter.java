package io.synapse.plugins.kits.jobs;

import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.kits.client.BackendClient;
import io.synapse.plugins.kits.client.JobLog;
import io.synapse.plugins.kits.client.JobUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reports one kit run to its platform job through the backend client, as the platform's job logger does: status
 * {@code RUNNING} when the kit starts and {@code SUCCEEDED} or {@code FAILED} (with {@code result: {"error": ...}})
 * when it ends; the latest {@code progress_record} ({@code record.steps.<step>} with {@code percent} and
 * {@code time_remaining}, and {@code current_progress} with {@code overall}, {@code step}, {@code percent}) and
 * {@code metrics_record} ({@code record.steps.<step>}) at most once per {@link #interval} and once more at the
 * end; log events and messages as {@code logs/} entries, sent in batches. Events are already redacted by the run.
 * A backend failure never fails the run: it is logged once as a warning and reporting stops, so a job id the
 * backend does not know costs one request. Thread-safe.
 */
public final class JobReporter {
  /** Log entries sent per {@code logs/} request. */
  public static final int LOG_BATCH = 50;
  private static final System.Logger LOGGER = System.getLogger(JobReporter.class.getName());

  private final BackendClient client;
  private final String jobId;
  private final String overallCategory;
  private final Duration interval;
  private final Clock clock;
  private final Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> metrics = new LinkedHashMap<>();
  private final List<JobLog> logs = new ArrayList<>();
  private Map<String, Object> currentProgress = Map.of("overall", 0);
  private boolean progressPending;
  private boolean metricsPending;
  private Instant lastSnapshot = Instant.MIN;
  private boolean broken;
  private boolean finished;

  /**
   * A reporter for job {@code jobId}.
   *
   * @param overallCategory the progress category that holds the run's overall progress (the action's name)
   * @param interval the least time between two progress/metrics updates
   */
  public JobReporter(BackendClient client, String jobId, String overallCategory, Duration interval, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.jobId = Objects.requireNonNull(jobId, "jobId");
    this.overallCategory = overallCategory;
    this.interval = Objects.requireNonNull(interval, "interval");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The job reported to. */
  public String jobId() {
    return jobId;
  }

  /** Sets the job {@code RUNNING}. */
  public synchronized void started() {
    send(() -> client.updateJob(jobId, new JobUpdate("RUNNING", null, null, null)));
  }

  /** Takes one of the run's events. */
  public synchronized void event(PluginEvent event) {
    if (broken || finished) {
      return;
    }
    switch (event.type()) {
      case PROGRESS -> progress(event);
      case METRICS -> {
        metrics.computeIfAbsent(step(event), key -> new LinkedHashMap<>()).putAll(event.data());
        metricsPending = true;
      }
      case LOG, MESSAGE -> log(event);
    }
    if ((progressPending || metricsPending) && !clock.instant().isBefore(lastSnapshot.plus(interval))) {
      flushSnapshot();
    }
    if (logs.size() >= LOG_BATCH) {
      flushLogs();
    }
  }

  /** Sends what is held back, then the final status: {@code SUCCEEDED}, or {@code FAILED} with the error's message. */
  public synchronized void finished(Throwable failure) {
    if (finished) {
      return;
    }
    flushLogs();
    Map<String, Object> result = failure == null ? null
        : Map.of("error", failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
    Map<String, Object> progress = progressPending ? progressRecord() : null;
    Map<String, Object> metricsRecord = metricsPending ? metricsRecord() : null;
    send(() -> client.updateJob(jobId, new JobUpdate(failure == null ? "SUCCEEDED" : "FAILED", progress, metricsRecord, result)));
    finished = true;
  }

  private void progress(PluginEvent event) {
    PluginEvent.Progress progress = event.progress();
    if (progress == null) {
      return;
    }
    double percent = Math.round(progress.percent() * 100) / 100.0;
    Object eta = event.data().get("eta_ms");
    Long remaining = eta instanceof Number n ? Math.round(n.doubleValue() / 1000.0) : null;
    String category = step(event);
    if (category.equals(overallCategory)) {
      Map<String, Object> current = new LinkedHashMap<>(currentProgress);
      current.put("overall", percent);
      currentProgress = current;
    } else {
      Map<String, Object> step = steps.computeIfAbsent(category, key -> new LinkedHashMap<>());
      step.put("percent", percent);
      step.put("time_remaining", remaining);
      Map<String, Object> current = new LinkedHashMap<>(currentProgress);
      current.put("step", category);
      current.put("percent", percent);
      current.put("time_remaining", remaining);
      currentProgress = current;
    }
    progressPending = true;
  }

  private void log(PluginEvent event) {
    String name = event.type() == EventType.MESSAGE ? "message" : event.name() == null ? "log" : event.name();
    Map<String, Object> data = event.data();
    if (event.type() == EventType.MESSAGE) {
      data = new LinkedHashMap<>(Map.of("content", event.message() == null ? "" : event.message()));
    }
    logs.add(new JobLog(jobId, name, data, event.timestamp(), event.category(), level(event.level())));
  }

  private static String level(System.Logger.Level level) {
    return switch (level) {
      case ALL, TRACE, DEBUG -> "debug";
      case INFO -> "info";
      case WARNING -> "warning";
      case ERROR, OFF -> "error";
    };
  }

  private static String step(PluginEvent event) {
    return event.category() == null ? "" : event.category();
  }

  private Map<String, Object> progressRecord() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("record", Map.of("steps", copy(steps)));
    record.put("current_progress", new LinkedHashMap<>(currentProgress));
    return record;
  }

  private Map<String, Object> metricsRecord() {
    return Map.of("record", Map.of("steps", copy(metrics)));
  }

  private static Map<String, Object> copy(Map<String, Map<String, Object>> byStep) {
    Map<String, Object> copy = new LinkedHashMap<>();
    byStep.forEach((step, values) -> copy.put(step, new LinkedHashMap<>(values)));
    return copy;
  }

  private void flushSnapshot() {
    Map<String, Object> progress = progressPending ? progressRecord() : null;
    Map<String, Object> metricsRecord = metricsPending ? metricsRecord() : null;
    progressPending = false;
    metricsPending = false;
    lastSnapshot = clock.instant();
    send(() -> client.updateJob(jobId, new JobUpdate(null, progress, metricsRecord, null)));
  }

  private void flushLogs() {
    while (!logs.isEmpty() && !broken) {
      List<JobLog> batch = new ArrayList<>(logs.subList(0, Math.min(LOG_BATCH, logs.size())));
      logs.subList(0, batch.size()).clear();
      send(() -> client.createLogs(batch));
    }
    logs.clear();
  }

  private void send(Runnable request) {
    if (broken) {
      return;
    }
    try {
      request.run();
    } catch (RuntimeException e) {
      broken = true;
      LOGGER.log(System.Logger.Level.WARNING, "job " + jobId + " is no longer reported to " + client.describe() + ": "
          + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
