package io.synapse.plugins.executors.ray;

import io.synapse.plugins.executors.JobStatus;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.PluginError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Reads and steers jobs through the dashboard's Job Submission API: status, details, logs (whole and
 * tailed live), stop, delete and the list of jobs. Secrets of this executor's own submissions are hidden
 * in everything it returns.
 */
final class JobMonitor {
  /** How long a log tail keeps trying to resume a broken stream, at least. */
  static final Duration MIN_RECONNECT_TIME = Duration.ofSeconds(45);

  private final DashboardClient client;
  private final SubmittedJobs submissions;
  private final Duration requestTimeout;

  JobMonitor(DashboardClient client, SubmittedJobs submissions, Duration requestTimeout) {
    this.client = client;
    this.submissions = submissions;
    this.requestTimeout = requestTimeout;
  }

  private String dashboardUrl() {
    return client.base().toString();
  }

  /** Everything the dashboard says about the job, as JSON. */
  Map<?, ?> details(String submissionId) {
    String path = jobPath(submissionId);
    Object json = client.json("GET", path, notFoundChecked(submissionId, client.get(path)), submissions.redactorOf(submissionId));
    if (json instanceof Map<?, ?> map) {
      return map;
    }
    throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard answered GET " + path + " with something other than a JSON object",
        Map.of("url", dashboardUrl(), "submission_id", submissionId));
  }

  /** The job's state now. */
  JobStatus status(String submissionId) {
    return status(details(submissionId).get("status"));
  }

  /**
   * Parses the API's status text.
   *
   * @throws PluginError {@value RayJobExecutor#DASHBOARD_ERROR} for a status this version does not know
   */
  static JobStatus status(Object text) {
    for (JobStatus status : JobStatus.values()) {
      if (status.name().equals(text)) {
        return status;
      }
    }
    throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard reported an unknown job status '"
        + DashboardClient.excerpt(String.valueOf(text), Redactor.none()) + "'", Map.of("status", DashboardClient.excerpt(String.valueOf(text),
        Redactor.none())));
  }

  /**
   * Sends every line of the job's log, as the dashboard has it (not redacted), with its line break, to
   * {@code lines} while it arrives; a line longer than {@link LogTail#MAX_LINE} comes in pieces, the last with
   * the break. The log is never held whole, and it may be at most the client's log limit.
   */
  void readLogs(String submissionId, Consumer<String> lines) {
    String path = jobPath(submissionId) + "/logs";
    DashboardClient.Streamed<Void> streamed = client.getStreaming(path, body -> {
      LogsReply.read(new java.io.BufferedReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8)), LogTail.MAX_LINE, lines);
      return null;
    });
    client.requireOk("GET", path, notFoundChecked(submissionId, streamed.reply()), submissions.redactorOf(submissionId));
  }

  /** Reads the job's log into {@code output}, to its end. */
  void readLogs(String submissionId, JobOutput output) {
    readLogs(submissionId, (Consumer<String>) output);
    output.finish();
  }

  /** The job's whole log as the dashboard has it (not redacted). */
  String rawLogs(String submissionId) {
    JobOutput output = new JobOutput(null, false, 0, true);
    readLogs(submissionId, output);
    return output.text();
  }

  /** Streams the log as it grows (the dashboard's {@code logs/tail} websocket); see {@link RayJobExecutor#tailLogs}. */
  CompletableFuture<Void> tail(String submissionId, Consumer<String> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    Duration reconnectTime = requestTimeout.compareTo(MIN_RECONNECT_TIME) > 0 ? requestTimeout : MIN_RECONNECT_TIME;
    return new LogTail(client, this, submissionId, jobPath(submissionId) + "/logs/tail", submissions.redactorOf(submissionId), consumer,
        reconnectTime).start();
  }

  /** Asks Ray to stop the job; whether it did. */
  boolean stop(String submissionId) {
    String path = jobPath(submissionId) + "/stop";
    DashboardClient.Reply reply = client.postJson(path, Map.of(), true);
    Object json = client.json("POST", path, notFoundChecked(submissionId, reply), submissions.redactorOf(submissionId));
    return json instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("stopped"));
  }

  /** Deletes the ended job; whether Ray did. */
  boolean delete(String submissionId) {
    String path = jobPath(submissionId);
    DashboardClient.Reply reply = client.delete(path);
    Object json = client.json("DELETE", path, notFoundChecked(submissionId, reply), submissions.redactorOf(submissionId));
    boolean deleted = json instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("deleted"));
    if (deleted) {
      submissions.forget(submissionId);
    }
    return deleted;
  }

  /** Every submitted job the cluster knows, oldest first. */
  List<JobInfo> list() {
    // A long-lived cluster lists many jobs: the list may be as large as a log.
    Object json = client.json("GET", "/api/jobs/", client.getLarge("/api/jobs/"), Redactor.none());
    if (!(json instanceof List<?> jobs)) {
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard answered GET /api/jobs/ with "
          + DashboardClient.excerpt(String.valueOf(json), Redactor.none()) + " instead of a list", Map.of("url", dashboardUrl()));
    }
    List<JobInfo> infos = new ArrayList<>();
    for (Object job : jobs) {
      if (job instanceof Map<?, ?> map && map.get("submission_id") != null) {
        infos.add(info(map));
      }
    }
    infos.sort((a, b) -> {
      long left = a.startTime() == null ? 0 : a.startTime().toEpochMilli();
      long right = b.startTime() == null ? 0 : b.startTime().toEpochMilli();
      return Long.compare(left, right);
    });
    return infos;
  }

  private DashboardClient.Reply notFoundChecked(String submissionId, DashboardClient.Reply reply) {
    if (reply.status() == 404) {
      throw notFound(submissionId);
    }
    return reply;
  }

  PluginError notFound(String submissionId) {
    return new PluginError(RayJobExecutor.JOB_NOT_FOUND, "The Ray cluster at " + dashboardUrl() + " has no job '" + submissionId + "'",
        Map.of("url", dashboardUrl(), "submission_id", submissionId));
  }

  static String jobPath(String submissionId) {
    io.synapse.plugins.context.ContextSettings.checkJobId(Objects.requireNonNull(submissionId, "submissionId"));
    return "/api/jobs/" + URLEncoder.encode(submissionId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static JobInfo info(Map<?, ?> job) {
    Map<String, String> metadata = new TreeMap<>();
    if (job.get("metadata") instanceof Map<?, ?> given) {
      given.forEach((key, value) -> metadata.put(String.valueOf(key), String.valueOf(value)));
    }
    return new JobInfo(String.valueOf(job.get("submission_id")), status(job.get("status")),
        job.get("message") == null ? null : String.valueOf(job.get("message")),
        job.get("entrypoint") == null ? null : String.valueOf(job.get("entrypoint")), metadata, instant(job.get("start_time")),
        instant(job.get("end_time")));
  }

  private static Instant instant(Object millis) {
    return millis instanceof Number number && number.longValue() > 0 ? Instant.ofEpochMilli(number.longValue()) : null;
  }
}
