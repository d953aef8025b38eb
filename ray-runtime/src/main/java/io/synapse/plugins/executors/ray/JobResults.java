package io.synapse.plugins.executors.ray;

import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.context.PluginEvent;
import io.synapse.plugins.context.Redactor;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.remote.RemoteFailures;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import io.synapse.plugins.spi.ActionDescriptor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waits for jobs and reads their outcome from the log: the message {@code JobMain} printed between the
 * submission's markers, turned into the typed result or the typed error by {@link RemoteFailures}, with
 * the job's id, status, Ray's message and the log's tail added to execution errors.
 */
final class JobResults {
  private static final int LOG_TAIL_LINES = 40;

  private final JobMonitor monitor;
  private final SubmittedJobs submissions;
  private final EventSink sink;

  JobResults(JobMonitor monitor, SubmittedJobs submissions, EventSink sink) {
    this.monitor = monitor;
    this.submissions = submissions;
    this.sink = sink;
  }

  /** See {@link RayJobExecutor#wait(String, Duration)}. */
  Object wait(String submissionId, Duration timeout) {
    return wait(submissionId, timeout, sink);
  }

  /** Like {@link #wait(String, Duration)}, the job's events replayed to {@code events}. */
  Object wait(String submissionId, Duration timeout, EventSink events) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 20;
    Map<?, ?> details = monitor.details(submissionId);
    JobStatus status = JobStatus.parse(details.get("status"));
    while (!status.isTerminal()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new PluginError(RayJobExecutor.TIMEOUT, "Ray job '" + submissionId + "' did not finish within " + timeout + " (it is " + status
            + " and keeps running; stop(id) ends it)",
            Map.of("submission_id", submissionId, "status", status.name(), "timeout_ms", timeout.toMillis()));
      }
      RayJobExecutor.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
      pause = Math.min(250, pause * 3 / 2 + 1);
      details = monitor.details(submissionId);
      status = JobStatus.parse(details.get("status"));
    }
    return result(submissionId, status, details, events);
  }

  private Object result(String submissionId, JobStatus status, Map<?, ?> details, EventSink sink) {
    Map<?, ?> metadata = details.get("metadata") instanceof Map<?, ?> map ? map : Map.of();
    SubmittedJobs.Submission known = submissions.get(submissionId);
    String marker = known != null ? known.marker()
        : Optional.ofNullable(metadata.get(JobSubmitter.META_MARKER)).map(String::valueOf).orElse(null);
    Redactor redactor = submissions.redactorOf(submissionId);
    String logs = monitor.rawLogs(submissionId);
    String rayMessage = details.get("message") == null ? null : redactor.redact(String.valueOf(details.get("message")));
    String tail = redactor.redact(JobOutput.tail(logs, LOG_TAIL_LINES));
    if (status == JobStatus.STOPPED) {
      throw jobFailure("Ray job '" + submissionId + "' was stopped", submissionId, status, rayMessage, tail, null);
    }
    Optional<String> outcome = marker == null ? Optional.empty() : JobOutput.envelope(logs, marker);
    if (outcome.isEmpty()) {
      String why = status == JobStatus.FAILED
          ? "Ray job '" + submissionId + "' failed before the action could report" + (rayMessage == null ? "" : ": " + rayMessage)
          : "Ray job '" + submissionId + "' ended " + status + " without printing its result";
      throw jobFailure(why, submissionId, status, rayMessage, tail, null);
    }
    for (PluginEvent event : JobOutput.events(logs)) {
      sink.accept(event);
    }
    sink.flush();
    ActionDescriptor<?, ?> action = known != null ? known.action() : descriptorFromMetadata(metadata);
    return readOutcome(action, outcome.get(), submissionId, status, rayMessage, tail);
  }

  /**
   * Reads the outcome message {@code JobMain} printed: the typed result, or the typed error, with the job's
   * id, Ray's message and the log tail added to execution errors. Without a descriptor (a job of a plugin
   * this JVM does not have) the result is the JSON-like value.
   */
  static Object readOutcome(ActionDescriptor<?, ?> action, String line, String submissionId, JobStatus status, String rayMessage,
      String tail) {
    RemoteMessage message;
    try {
      message = RemoteProtocol.read(line);
    } catch (PluginError e) {
      throw jobFailure("Ray job '" + submissionId + "' printed a malformed result: " + e.getMessage(), submissionId, status, rayMessage,
          tail, e);
    }
    if (!(message instanceof RemoteMessage.Outcome outcome)) {
      throw jobFailure("Ray job '" + submissionId + "' printed no result or failure between its markers", submissionId, status, rayMessage,
          tail, null);
    }
    if (action == null) {
      if (outcome instanceof RemoteMessage.Result result) {
        return result.value();
      }
      RemoteMessage.Failure failure = (RemoteMessage.Failure) outcome;
      Map<String, Object> details = new LinkedHashMap<>(failure.details());
      details.put("submission_id", submissionId);
      throw new PluginError(failure.code(), String.valueOf(failure.message()), details);
    }
    try {
      return RemoteFailures.outcome(outcome, action);
    } catch (ExecutionError e) {
      Map<String, Object> details = new LinkedHashMap<>(e.details());
      details.remove("worker_pid");
      details.put("submission_id", submissionId);
      details.put("status", status.name());
      if (rayMessage != null) {
        details.put("ray_message", rayMessage);
      }
      details.put("log_tail", tail);
      throw new ExecutionError(e.getMessage() + " (Ray job '" + submissionId + "')", details, e.getCause());
    }
  }

  private static ExecutionError jobFailure(String message, String submissionId, JobStatus status, String rayMessage, String tail,
      Throwable cause) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("submission_id", submissionId);
    details.put("status", status.name());
    if (rayMessage != null) {
      details.put("ray_message", rayMessage);
    }
    details.put("log_tail", tail);
    return new ExecutionError(message + (tail.isBlank() ? "" : "\n--- last lines of the job's log ---\n" + tail), details, cause);
  }

  private static ActionDescriptor<?, ?> descriptorFromMetadata(Map<?, ?> metadata) {
    Object action = metadata.get(JobSubmitter.META_ACTION);
    if (action == null) {
      return null;
    }
    for (Object key : List.of(JobSubmitter.META_PLUGIN_SOURCE, JobSubmitter.META_PLUGIN)) {
      Object plugin = metadata.get(key);
      if (plugin != null) {
        try {
          return PluginRunner.discover(String.valueOf(plugin)).descriptor(String.valueOf(action));
        } catch (PluginError e) {
          // Not on this class path: try the next way of naming it, else give the JSON value.
        }
      }
    }
    return null;
  }
}
