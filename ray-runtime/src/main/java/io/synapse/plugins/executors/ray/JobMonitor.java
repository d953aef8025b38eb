package io.synapse.plugins.executors.ray;

import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.PluginError;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Reads and steers jobs through the dashboard's Job Submission API: status, details, logs (whole and
 * tailed live), stop, delete and the list of jobs. Secrets of this executor's own submissions are hidden
 * in everything it returns.
 */
final class JobMonitor {
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

  /** The job's whole log as the dashboard has it (not redacted). */
  String rawLogs(String submissionId) {
    String path = jobPath(submissionId) + "/logs";
    Object json = client.json("GET", path, notFoundChecked(submissionId, client.get(path)), submissions.redactorOf(submissionId));
    Object logs = json instanceof Map<?, ?> map ? map.get("logs") : null;
    return logs == null ? "" : String.valueOf(logs);
  }

  /** Streams the log as it grows (the dashboard's {@code logs/tail} websocket); see {@link RayJobExecutor#tailLogs}. */
  CompletableFuture<Void> tail(String submissionId, Consumer<String> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    Redactor redactor = submissions.redactorOf(submissionId);
    String base = dashboardUrl().replaceFirst("^http", "ws");
    java.net.URI uri = java.net.URI.create(base + jobPath(submissionId) + "/logs/tail");
    CompletableFuture<Void> done = new CompletableFuture<>();
    WebSocket.Builder builder = client.http().newWebSocketBuilder().connectTimeout(requestTimeout);
    client.headers().forEach(builder::header);
    builder.buildAsync(uri, new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          String chunk = partial.toString();
          partial.setLength(0);
          try {
            consumer.accept(redactor.redact(chunk));
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
            socket.abort();
            return null;
          }
        }
        socket.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        done.complete(null);
        return null;
      }

      @Override
      public void onError(WebSocket socket, Throwable error) {
        done.completeExceptionally(new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The log stream of Ray job '" + submissionId + "' from "
            + dashboardUrl() + " broke: " + error, Map.of("url", dashboardUrl(), "submission_id", submissionId), error));
      }
    }).whenComplete((socket, error) -> {
      if (error != null) {
        done.completeExceptionally(tailFailure(submissionId, error));
      } else {
        done.whenComplete((ignored, failure) -> {
          if (done.isCancelled()) {
            socket.abort();
          }
        });
      }
    });
    return done;
  }

  private PluginError tailFailure(String submissionId, Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof WebSocketHandshakeException handshake) {
      int status = handshake.getResponse().statusCode();
      if (status == 404) {
        return notFound(submissionId);
      }
      return new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard refused the log stream of job '" + submissionId
          + "' with status " + status, Map.of("url", dashboardUrl(), "submission_id", submissionId, "status", status), cause);
    }
    if (cause instanceof java.net.ConnectException || cause instanceof java.net.http.HttpConnectTimeoutException) {
      return client.unreachable((Exception) cause);
    }
    return new PluginError(RayJobExecutor.DASHBOARD_ERROR, "Cannot stream the log of Ray job '" + submissionId + "' from " + dashboardUrl()
        + ": " + cause, Map.of("url", dashboardUrl(), "submission_id", submissionId), cause);
  }

  /** Asks Ray to stop the job; whether it did. */
  boolean stop(String submissionId) {
    String path = jobPath(submissionId) + "/stop";
    DashboardClient.Reply reply = client.postJson(path, Map.of());
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
    Object json = client.json("GET", "/api/jobs/", client.get("/api/jobs/"), Redactor.none());
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

  private PluginError notFound(String submissionId) {
    return new PluginError(RayJobExecutor.JOB_NOT_FOUND, "The Ray cluster at " + dashboardUrl() + " has no job '" + submissionId + "'",
        Map.of("url", dashboardUrl(), "submission_id", submissionId));
  }

  private static String jobPath(String submissionId) {
    Objects.requireNonNull(submissionId, "submissionId");
    return "/api/jobs/" + URLEncoder.encode(submissionId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static JobInfo info(Map<?, ?> job) {
    Map<String, String> metadata = new TreeMap<>();
    if (job.get("metadata") instanceof Map<?, ?> given) {
      given.forEach((key, value) -> metadata.put(String.valueOf(key), String.valueOf(value)));
    }
    return new JobInfo(String.valueOf(job.get("submission_id")), JobStatus.parse(job.get("status")),
        job.get("message") == null ? null : String.valueOf(job.get("message")),
        job.get("entrypoint") == null ? null : String.valueOf(job.get("entrypoint")), metadata, instant(job.get("start_time")),
        instant(job.get("end_time")));
  }

  private static Instant instant(Object millis) {
    return millis instanceof Number number && number.longValue() > 0 ? Instant.ofEpochMilli(number.longValue()) : null;
  }
}
