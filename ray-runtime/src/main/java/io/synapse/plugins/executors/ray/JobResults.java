package io.synapse.plugins.executors.ray;

import io.synapse.plugins.executors.JobStatus;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.CancelledError;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.UnverifiedResultError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.remote.RemoteFailures;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import io.synapse.plugins.executors.remote.ResultSeal;
import io.synapse.plugins.spi.ActionDescriptor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Waits for jobs and reads their outcome from the log: the message {@code JobMain} printed between the
 * submission's markers, believed only when its seal ({@link ResultSeal}) proves that the job ran a request
 * of this submitter, and then turned into the typed result or the typed error by {@link RemoteFailures},
 * with the job's id, status, Ray's message and the log's tail added to execution errors. The log is
 * streamed, never held whole; the job's events are replayed into the sink only once the outcome is
 * verified.
 *
 * <p>The result is read with the descriptor the caller gives, else the one this executor submitted with,
 * else the executor's plugin, else a plugin of that code on this class path; never with code that the
 * job's metadata or log names by path. Without one the result is its JSON-like value.
 */
final class JobResults {
  private static final int LOG_TAIL_LINES = 40;

  private final JobMonitor monitor;
  private final SubmittedJobs submissions;
  private final ResultKeys keys;
  private final EventSink sink;
  private final PluginDiscovery plugin;

  JobResults(JobMonitor monitor, SubmittedJobs submissions, ResultKeys keys, EventSink sink, PluginDiscovery plugin) {
    this.monitor = monitor;
    this.submissions = submissions;
    this.keys = keys;
    this.sink = sink;
    this.plugin = plugin;
  }

  /**
   * Waits for the job's end and reads its outcome with {@code action} (null: as the class says).
   *
   * @throws PluginError {@value RayJobExecutor#TIMEOUT} when {@code timeout} passes first
   */
  Object wait(String submissionId, ActionDescriptor<?, ?> action, Duration timeout) {
    return wait(submissionId, action, timeout, sink);
  }

  /** Like {@link #wait(String, ActionDescriptor, Duration)}, the job's events replayed to {@code events}. */
  Object wait(String submissionId, ActionDescriptor<?, ?> action, Duration timeout, EventSink events) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 20;
    Map<?, ?> details = monitor.details(submissionId);
    JobStatus status = JobMonitor.status(details.get("status"));
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
      status = JobMonitor.status(details.get("status"));
    }
    return result(submissionId, status, details, action, events);
  }

  private Object result(String submissionId, JobStatus status, Map<?, ?> details, ActionDescriptor<?, ?> given, EventSink sink) {
    SubmittedJobs.Submission known = submissions.get(submissionId);
    String marker;
    byte[] resultKey;
    if (known != null) {
      marker = known.marker();
      resultKey = known.resultKey();
    } else {
      byte[] secret = keys.load().orElseThrow(() -> unverified(submissionId, "there is no result key at " + keys.file()
          + " (the key file of the user and machine that submitted it)"));
      Map<?, ?> metadata = details.get("metadata") instanceof Map<?, ?> map ? map : Map.of();
      // Checked before the log is read: a job someone else submitted is not even looked into.
      if (!ResultKeys.isSubmitterTag(secret, submissionId, metadata.get(JobSubmitter.META_SUBMITTER))) {
        throw unverified(submissionId, "it was not submitted with the result key " + keys.file());
      }
      marker = ResultKeys.marker(secret, submissionId);
      resultKey = ResultKeys.resultKey(secret, submissionId);
    }
    Redactor redactor = submissions.redactorOf(submissionId);
    JobOutput output = new JobOutput(marker, true, LOG_TAIL_LINES, false);
    monitor.readLogs(submissionId, output);
    String rayMessage = details.get("message") == null ? null : redactor.redact(String.valueOf(details.get("message")));
    String tail = redactor.redact(output.tail());
    Optional<String> verified = output.envelope().flatMap(line -> ResultSeal.open(line, submissionId, resultKey));
    if (status == JobStatus.STOPPED) {
      throw cancelled(submissionId, rayMessage, tail, verified);
    }
    if (output.envelope().isEmpty()) {
      String why = status == JobStatus.FAILED
          ? "Ray job '" + submissionId + "' failed before the action could report" + (rayMessage == null ? "" : ": " + rayMessage)
          : "Ray job '" + submissionId + "' ended " + status + " without printing its result";
      throw jobFailure(why, submissionId, status, rayMessage, tail, null);
    }
    if (verified.isEmpty()) {
      throw unverified(submissionId, "its outcome carries no valid seal of this submitter's key (" + keys.file() + ")");
    }
    for (PluginEvent event : output.events()) {
      sink.accept(event);
    }
    sink.flush();
    ActionDescriptor<?, ?> action = given != null ? given : known != null ? known.action() : descriptorFromPlugin(details);
    return readOutcome(action, verified.get(), submissionId, status, rayMessage, tail);
  }

  private UnverifiedResultError unverified(String submissionId, String why) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("submission_id", submissionId);
    details.put("key_file", keys.file().toString());
    return new UnverifiedResultError("The result of Ray job '" + submissionId + "' cannot be verified, so it is not accepted: " + why
        + ". Only jobs submitted with this key are believed; nothing the job's metadata or log names was loaded", details);
  }

  private static CancelledError cancelled(String submissionId, String rayMessage, String tail, Optional<String> verified) {
    Map<String, Object> details = new LinkedHashMap<>();
    // What the job reported as it stopped (the steps it rolled back), when it had time to and is believed.
    verified.ifPresent(line -> {
      try {
        if (RemoteProtocol.read(line) instanceof RemoteMessage.Failure failure && CancelledError.CODE.equals(failure.code())) {
          details.putAll(failure.details());
        }
      } catch (PluginError e) {
        // Nothing more to say than that it was stopped.
      }
    });
    details.put("submission_id", submissionId);
    details.put("status", JobStatus.STOPPED.name());
    if (rayMessage != null) {
      details.put("ray_message", rayMessage);
    }
    details.put("log_tail", tail);
    return new CancelledError("Ray job '" + submissionId + "' was stopped", details);
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

  /**
   * The descriptor of a verified job this executor did not submit: its action in the executor's plugin, or
   * in a plugin of that code on this class path (found among registries, never by a path); null when none.
   */
  private ActionDescriptor<?, ?> descriptorFromPlugin(Map<?, ?> details) {
    Map<?, ?> metadata = details.get("metadata") instanceof Map<?, ?> map ? map : Map.of();
    Object code = metadata.get(JobSubmitter.META_PLUGIN);
    Object action = metadata.get(JobSubmitter.META_ACTION);
    if (code == null || action == null) {
      return null;
    }
    try {
      PluginDiscovery found = plugin != null && plugin.config().code().equals(code) ? plugin : PluginDiscovery.fromModule(String.valueOf(code));
      return found.hasAction(String.valueOf(action)) ? found.descriptor(String.valueOf(action)) : null;
    } catch (PluginError e) {
      // Not on this class path: the result stays its JSON value.
      return null;
    }
  }
}
