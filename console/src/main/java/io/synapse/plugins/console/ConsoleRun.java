package io.synapse.plugins.console;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.environment.Redactor;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run started from the console: its status, the frames of its event stream (kept for browsers that
 * connect late or reconnect), its progress per category, the tail of its log, and its result or error.
 * Everything stored here has passed through the run's {@link Redactor} already. Thread-safe.
 */
final class ConsoleRun {
  /** A run's state. */
  enum Status { RUNNING, SUCCEEDED, FAILED, STOPPED }

  /** The most frames kept per run; older ones are dropped (a late browser then starts at the oldest kept). */
  static final int MAX_FRAMES = 10_000;
  /** The log lines kept for the runs list. */
  static final int LOG_TAIL = 20;

  /** One event of the stream: its sequence number (the SSE id), kind (the SSE event name) and JSON data. */
  record Frame(long seq, String kind, String json) {}

  private final String id;
  private final String plugin;
  private final String action;
  private final ExecutionMode mode;
  private final Instant startedAt = Instant.now();
  private final Redactor redactor;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private final Map<String, Map<String, Object>> progress = new LinkedHashMap<>();
  private final Deque<String> logTail = new ArrayDeque<>();
  private long nextSeq = 1;
  private Status status = Status.RUNNING;
  private Instant finishedAt;
  private String jobId;
  private Object result;
  private Map<String, Object> error;
  private Runnable stopper = () -> { };
  private boolean stopRequested;

  ConsoleRun(String id, String plugin, String action, ExecutionMode mode, Redactor redactor) {
    this.id = id;
    this.plugin = plugin;
    this.action = action;
    this.mode = mode;
    this.redactor = redactor;
  }

  String id() {
    return id;
  }

  ExecutionMode mode() {
    return mode;
  }

  Redactor redactor() {
    return redactor;
  }

  synchronized Status status() {
    return status;
  }

  synchronized String jobId() {
    return jobId;
  }

  /** Records the Ray job id of a JOB run. */
  synchronized void jobId(String submissionId) {
    this.jobId = submissionId;
    publish("job", Map.of("job_id", submissionId));
  }

  /** What stops the run (interrupts its thread, or asks Ray to stop its job). */
  synchronized void stopper(Runnable action) {
    this.stopper = action;
  }

  /**
   * Asks the run to stop; returns whether it was still running. A run asked before its thread or job
   * started stops as soon as it does ({@link #stopRequested()}).
   */
  boolean stop() {
    Runnable current;
    synchronized (this) {
      if (status != Status.RUNNING) {
        return false;
      }
      stopRequested = true;
      current = stopper;
    }
    current.run();
    return true;
  }

  /** Whether {@link #stop()} was called while the run went on. */
  synchronized boolean stopRequested() {
    return stopRequested;
  }

  /** Adds an event of the action (already redacted and turned into JSON-like data). */
  synchronized void event(Map<String, Object> data) {
    if ("progress".equals(data.get("type")) && data.get("progress") instanceof Map<?, ?> counts) {
      String category = String.valueOf(data.getOrDefault("category", "default"));
      @SuppressWarnings("unchecked")
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) counts);
      progress.put(category, copy);
      data.put("overall", overall());
    }
    if ("log".equals(data.get("type")) || "message".equals(data.get("type"))) {
      Object text = data.get("message") != null ? data.get("message") : data.get("name");
      addLogLine(String.valueOf(data.getOrDefault("level", "")) + " " + text);
    }
    publish("plugin", data);
  }

  /** Adds lines of a job's log (already redacted). */
  synchronized void logLines(List<String> lines) {
    lines.forEach(this::addLogLine);
    publish("log", Map.of("lines", lines));
  }

  private void addLogLine(String line) {
    logTail.addLast(line);
    while (logTail.size() > LOG_TAIL) {
      logTail.removeFirst();
    }
  }

  /** Ends the run with its result (the wire form, redacted). */
  synchronized void succeed(Object wireResult) {
    if (status != Status.RUNNING) {
      return;
    }
    this.result = wireResult;
    for (Map<String, Object> counts : progress.values()) {
      counts.put("percent", 100.0);
    }
    publish("result", resultData());
    finish(Status.SUCCEEDED);
  }

  /** Ends the run with a typed error ({@code code}, {@code message}, {@code details}, redacted). */
  synchronized void fail(Map<String, Object> typedError, boolean stopped) {
    if (status != Status.RUNNING) {
      return;
    }
    this.error = typedError;
    publish("error", Map.of("error", typedError));
    finish(stopped ? Status.STOPPED : Status.FAILED);
  }

  private Map<String, Object> resultData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("result", result);
    return data;
  }

  private void finish(Status end) {
    status = end;
    finishedAt = Instant.now();
    publish("end", Map.of("status", end.name().toLowerCase(java.util.Locale.ROOT)));
  }

  private void publish(String kind, Map<String, Object> data) {
    frames.addLast(new Frame(nextSeq++, kind, HttpIo.json(data)));
    while (frames.size() > MAX_FRAMES) {
      frames.removeFirst();
    }
    notifyAll();
  }

  // The mean of the categories' percentages so far: the console does not know which categories an
  // action will report, so a new category can lower it.
  private double overall() {
    double sum = 0;
    for (Map<String, Object> counts : progress.values()) {
      sum += ((Number) counts.get("percent")).doubleValue();
    }
    return progress.isEmpty() ? 0 : sum / progress.size();
  }

  /**
   * The frames after {@code afterSeq}, waiting up to {@code waitMillis} for one when there are none
   * and the run goes on; empty when the wait passed or the run has ended with nothing more.
   */
  synchronized List<Frame> framesAfter(long afterSeq, long waitMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + waitMillis;
    while (true) {
      List<Frame> after = new ArrayList<>();
      for (Frame frame : frames) {
        if (frame.seq() > afterSeq) {
          after.add(frame);
        }
      }
      long left = deadline - System.currentTimeMillis();
      if (!after.isEmpty() || status != Status.RUNNING || left <= 0) {
        return after;
      }
      wait(left);
    }
  }

  /** Whether the run has ended and {@code seq} is its last frame. */
  synchronized boolean endedAt(long seq) {
    return status != Status.RUNNING && (frames.isEmpty() || frames.getLast().seq() <= seq);
  }

  /** The run as the runs list shows it. */
  synchronized Map<String, Object> summary() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", id);
    map.put("plugin", plugin);
    map.put("action", action);
    map.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
    map.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
    map.put("started_at", startedAt.toString());
    map.put("finished_at", finishedAt == null ? null : finishedAt.toString());
    map.put("job_id", jobId);
    map.put("progress", new LinkedHashMap<>(progress));
    map.put("overall", status == Status.SUCCEEDED ? 100.0 : overall());
    map.put("log_tail", List.copyOf(logTail));
    map.put("result", result);
    map.put("error", error);
    return map;
  }
}
