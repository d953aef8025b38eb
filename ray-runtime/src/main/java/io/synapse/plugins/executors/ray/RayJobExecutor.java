package io.synapse.plugins.executors.ray;

import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.context.PluginEnvironment;
import io.synapse.plugins.context.PluginEvent;
import io.synapse.plugins.context.Redactor;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.executors.JobMain;
import io.synapse.plugins.internal.Json;
import io.synapse.plugins.spi.ActionDescriptor;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The JOB backend: runs each action as a Ray Job through the dashboard's Job Submission REST API, fully
 * isolated in a JVM of its own on a cluster node. {@link #submit} returns the submission id at once;
 * {@link #wait(String, Duration)} returns the same typed result a LOCAL or TASK run returns, or raises
 * the same typed errors.
 *
 * <pre>{@code
 * RayJobExecutor jobs = RayJobExecutor.builder().dashboardUrl("http://127.0.0.1:8265").build();
 * String id = jobs.submit(TrainAction_Descriptor.INSTANCE, Map.of("epochs", 10));
 * TrainResult result = (TrainResult) jobs.wait(id, Duration.ofHours(1));
 * }</pre>
 *
 * <p><b>What travels.</b> The job's working directory is a zip of jars: this JVM's class path (the runtime
 * and its dependencies; Ray's own jars excluded) and the plugin's jars. It is content-addressed
 * ({@code gcs://_ray_pkg_<sha1>.zip}, as Ray's SDK names uploads) and uploaded only when the cluster
 * does not have it, so later submits of the same plugin upload nothing. The per-submission request
 * (action, params, environment, result marker) is a second, small package in the job's
 * {@code py_modules}: params of any size travel there, never in the entrypoint or the environment.
 * The entrypoint is {@code java <jvm options> -cp lib/... } {@link JobMain} {@code <request file>}.
 *
 * <p><b>Secrets.</b> The values of {@code @Secret} params and of environment entries with secret-looking
 * names travel only inside the request package. They never reach the job's metadata or runtime_env
 * (which the dashboard shows), and are hidden in the logs and errors this class returns.
 *
 * <p>Needs nothing of Ray on this JVM's class path: only HTTP. Thread-safe.
 */
public final class RayJobExecutor {
  /** The dashboard URL used when none is given. */
  public static final String DEFAULT_DASHBOARD_URL = "http://127.0.0.1:8265";
  /** Error code: nothing answers at the dashboard URL. */
  public static final String DASHBOARD_UNREACHABLE = "ray_dashboard_unreachable";
  /** Error code: the dashboard answered with an error status or a body that is not JSON, or did not answer in time. */
  public static final String DASHBOARD_ERROR = "ray_dashboard_error";
  /** Error code: the dashboard knows no job with that id. */
  public static final String JOB_NOT_FOUND = "job_not_found";
  /** Error code: {@link #wait(String, Duration)} ran out of time; the job keeps running. */
  public static final String TIMEOUT = "timeout";
  /** Metadata keys this executor sets on each job. */
  static final String META_PLUGIN = "synapse.plugin";
  static final String META_PLUGIN_SOURCE = "synapse.plugin_source";
  static final String META_ACTION = "synapse.action";
  static final String META_MARKER = "synapse.marker";
  private static final int LOG_TAIL_LINES = 40;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Builder settings;
  private final DashboardClient client;
  private final ConcurrentMap<String, Submission> submissions = new ConcurrentHashMap<>();
  private final AtomicInteger jarUploads = new AtomicInteger();

  /** What this executor remembers of its own submissions: how to read the result, what to hide. */
  private record Submission(ActionDescriptor<?, ?> action, String marker, Redactor redactor) {}

  private RayJobExecutor(Builder builder) {
    this.settings = builder.copy();
    this.client = new DashboardClient(settings.dashboardUrl, settings.headers, settings.requestTimeout);
  }

  /** A builder with the defaults: {@value #DEFAULT_DASHBOARD_URL}, 30 s per HTTP request, no resource requests. */
  public static Builder builder() {
    return new Builder();
  }

  /** The dashboard URL this executor talks to. */
  public String dashboardUrl() {
    return client.base().toString();
  }

  /**
   * Submits {@code action} with bound params as a Ray Job.
   *
   * @return the submission id
   * @throws PluginError {@value #DASHBOARD_UNREACHABLE} or {@value #DASHBOARD_ERROR} when submitting fails
   */
  public <P extends Record, R> String submit(ActionDescriptor<P, R> action, P params) {
    Objects.requireNonNull(params, "params");
    return submitWritten(null, action, action.writeParams(params), action.secretValues(params), PluginEnvironment.empty(), null);
  }

  /**
   * Submits {@code action} with untyped params. They are bound and validated here first (unless
   * {@link Builder#validateOnDriver(boolean) validateOnDriver(false)}), so bad params fail before anything
   * is uploaded.
   *
   * @throws ValidationError listing every violated field (nothing is submitted)
   */
  public String submit(ActionDescriptor<?, ?> action, Map<String, ?> params) {
    return submitUntyped(null, action, params, PluginEnvironment.empty(), null);
  }

  /**
   * Submits action {@code action} of {@code plugin} (found by code, package or path) with untyped params.
   * A plugin loaded from a path ships its own jars.
   *
   * @throws io.synapse.plugins.errors.ActionNotFoundError when the plugin has no such action
   */
  public String submit(PluginDiscovery plugin, String action, Map<String, ?> params) {
    return submitUntyped(plugin, plugin.descriptor(action), params, PluginEnvironment.empty(), null);
  }

  String submitUntyped(PluginDiscovery plugin, ActionDescriptor<?, ?> action, Map<String, ?> params, PluginEnvironment actionEnv,
      String contextJobId) {
    Map<String, ?> input = params == null ? Map.of() : params;
    if (settings.validateOnDriver) {
      return submitBound(plugin, action, action.bindParams(input), actionEnv, contextJobId);
    }
    Set<String> secrets;
    try {
      secrets = secretsOf(action, action.bindParams(input));
    } catch (ValidationError e) {
      // The job reports the violations; the driver only wanted to know what to hide.
      secrets = Set.of();
    }
    Map<String, Object> written = new LinkedHashMap<>();
    input.forEach(written::put);
    return submitWritten(plugin, action, written, secrets, actionEnv, contextJobId);
  }

  <P extends Record> String submitBound(PluginDiscovery plugin, ActionDescriptor<P, ?> action, Record params, PluginEnvironment actionEnv,
      String contextJobId) {
    P typed = action.paramsType().cast(params);
    return submitWritten(plugin, action, action.writeParams(typed), action.secretValues(typed), actionEnv, contextJobId);
  }

  private static <P extends Record> Set<String> secretsOf(ActionDescriptor<P, ?> action, Record params) {
    return action.secretValues(action.paramsType().cast(params));
  }

  private String submitWritten(PluginDiscovery plugin, ActionDescriptor<?, ?> action, Map<String, Object> params, Set<String> secrets,
      PluginEnvironment actionEnv, String contextJobId) {
    String submissionId = "synapse-" + action.config().name().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + randomHex(6);
    String marker = randomHex(16);
    Map<String, String> variables = settings.variables();
    PluginEnvironment environment = PluginEnvironment.of(variables).merge(actionEnv);
    Redactor redactor = Redactor.builder().environment(environment).secretValues(secrets).build();

    JobPackage jars = JobPackage.ofClassPath(classPathFor(plugin, action));
    String requestFile = "synapse-request-" + submissionId + ".json";
    JobPackage request = requestPackage(requestFile, marker, action, params, environment,
        contextJobId == null ? submissionId : contextJobId);
    uploadIfMissing(jars, true, redactor);
    upload(request, redactor);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entrypoint", entrypoint(jars, requestFile));
    body.put("submission_id", submissionId);
    body.put("runtime_env", runtimeEnv(jars, request, variables));
    body.put("metadata", metadata(plugin, action, marker, redactor));
    if (settings.entrypointNumCpus != null) {
      body.put("entrypoint_num_cpus", settings.entrypointNumCpus);
    }
    if (settings.entrypointNumGpus != null) {
      body.put("entrypoint_num_gpus", settings.entrypointNumGpus);
    }
    if (settings.entrypointMemory != null) {
      body.put("entrypoint_memory", settings.entrypointMemory);
    }
    if (!settings.entrypointResources.isEmpty()) {
      body.put("entrypoint_resources", settings.entrypointResources);
    }
    // Remembered before the POST so that a wait() racing the reply still knows the marker.
    submissions.put(submissionId, new Submission(action, marker, redactor));
    try {
      Object reply = client.json("POST", "/api/jobs/", postJob(body), redactor);
      Object id = reply instanceof Map<?, ?> map ? map.get("submission_id") : null;
      if (!submissionId.equals(id)) {
        throw new PluginError(DASHBOARD_ERROR, "The Ray dashboard accepted the job but answered with submission id " + id
            + " instead of " + submissionId, Map.of("url", dashboardUrl(), "submission_id", submissionId));
      }
      return submissionId;
    } catch (RuntimeException e) {
      submissions.remove(submissionId);
      throw e;
    }
  }

  /**
   * Posts the job. A dashboard whose job agent is not up yet (just after the cluster started) answers
   * 500 "No available agent" after waiting 10 s itself; that is retried twice, as its message asks.
   */
  private DashboardClient.Reply postJob(Map<String, Object> body) {
    DashboardClient.Reply reply = client.postJson("/api/jobs/", body);
    for (int retry = 0; retry < 2 && agentNotReady(reply); retry++) {
      sleep(500);
      reply = client.postJson("/api/jobs/", body);
    }
    return reply;
  }

  private static boolean agentNotReady(DashboardClient.Reply reply) {
    return reply.status() == 500 && reply.body() != null && reply.body().contains("No available agent");
  }

  /**
   * The job's state.
   *
   * @throws PluginError {@value #JOB_NOT_FOUND} when the dashboard knows no such job
   */
  public JobStatus getStatus(String submissionId) {
    return JobStatus.parse(jobDetails(submissionId).get("status"));
  }

  /** Everything the dashboard says about the job. */
  public JobInfo getInfo(String submissionId) {
    return info(jobDetails(submissionId));
  }

  /**
   * The job's whole log (standard output and error of the entrypoint), secrets of jobs this executor
   * submitted hidden.
   */
  public String getLogs(String submissionId) {
    return redactorOf(submissionId).redact(rawLogs(submissionId));
  }

  /**
   * Streams the job's log as it grows (the dashboard's {@code logs/tail} websocket) to {@code consumer},
   * one chunk of lines at a time, secrets hidden. The future completes when the dashboard closes the
   * stream (the job ended), or fails with a precise {@link PluginError}; cancel it to stop listening.
   */
  public CompletableFuture<Void> tailLogs(String submissionId, Consumer<String> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    Redactor redactor = redactorOf(submissionId);
    String base = dashboardUrl().replaceFirst("^http", "ws");
    java.net.URI uri = java.net.URI.create(base + jobPath(submissionId) + "/logs/tail");
    CompletableFuture<Void> done = new CompletableFuture<>();
    WebSocket.Builder builder = client.http().newWebSocketBuilder().connectTimeout(settings.requestTimeout);
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
        done.completeExceptionally(new PluginError(DASHBOARD_ERROR, "The log stream of Ray job '" + submissionId + "' from "
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
      return new PluginError(DASHBOARD_ERROR, "The Ray dashboard refused the log stream of job '" + submissionId + "' with status "
          + status, Map.of("url", dashboardUrl(), "submission_id", submissionId, "status", status), cause);
    }
    if (cause instanceof java.net.ConnectException || cause instanceof java.net.http.HttpConnectTimeoutException) {
      return client.unreachable((Exception) cause);
    }
    return new PluginError(DASHBOARD_ERROR, "Cannot stream the log of Ray job '" + submissionId + "' from " + dashboardUrl() + ": "
        + cause, Map.of("url", dashboardUrl(), "submission_id", submissionId), cause);
  }

  /**
   * The latest progress of each category the action reported so far (read from the job's events), by
   * category; empty before the first report.
   */
  public Map<String, PluginEvent.Progress> getProgress(String submissionId) {
    return JobOutput.progress(rawLogs(submissionId));
  }

  /** The events the action reported so far, in order, secrets hidden. */
  public List<PluginEvent> getEvents(String submissionId) {
    return JobOutput.events(rawLogs(submissionId));
  }

  /**
   * Waits until the job ends and returns the action's result: the same typed object a LOCAL run returns
   * (for jobs this executor did not submit, the plugin is looked up from the job's metadata; when it
   * is not on this class path the result is the JSON-like value). The action's events go to the
   * builder's {@link Builder#sink sink}.
   *
   * @throws ValidationError when the params were invalid in the job, with every violation
   * @throws ExecutionError when the action failed, or the job FAILED or was STOPPED; its details hold the
   *     job id, Ray's message and the tail of the log
   * @throws PluginError {@value #TIMEOUT} when {@code timeout} passes first (the job keeps running)
   */
  public Object wait(String submissionId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 20;
    Map<?, ?> details = jobDetails(submissionId);
    JobStatus status = JobStatus.parse(details.get("status"));
    while (!status.isTerminal()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new PluginError(TIMEOUT, "Ray job '" + submissionId + "' did not finish within " + timeout + " (it is " + status
            + " and keeps running; stop(id) ends it)",
            Map.of("submission_id", submissionId, "status", status.name(), "timeout_ms", timeout.toMillis()));
      }
      sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
      pause = Math.min(250, pause * 3 / 2 + 1);
      details = jobDetails(submissionId);
      status = JobStatus.parse(details.get("status"));
    }
    return result(submissionId, status, details);
  }

  private Object result(String submissionId, JobStatus status, Map<?, ?> details) {
    Map<?, ?> metadata = details.get("metadata") instanceof Map<?, ?> map ? map : Map.of();
    Submission known = submissions.get(submissionId);
    String marker = known != null ? known.marker() : Optional.ofNullable(metadata.get(META_MARKER)).map(String::valueOf).orElse(null);
    Redactor redactor = redactorOf(submissionId);
    String logs = rawLogs(submissionId);
    String rayMessage = details.get("message") == null ? null : redactor.redact(String.valueOf(details.get("message")));
    String tail = redactor.redact(JobOutput.tail(logs, LOG_TAIL_LINES));
    if (status == JobStatus.STOPPED) {
      throw jobFailure("Ray job '" + submissionId + "' was stopped", submissionId, status, rayMessage, tail, null);
    }
    Optional<String> envelope = marker == null ? Optional.empty() : JobOutput.envelope(logs, marker);
    if (envelope.isEmpty()) {
      String why = status == JobStatus.FAILED
          ? "Ray job '" + submissionId + "' failed before the action could report" + (rayMessage == null ? "" : ": " + rayMessage)
          : "Ray job '" + submissionId + "' ended " + status + " without printing its result";
      throw jobFailure(why, submissionId, status, rayMessage, tail, null);
    }
    for (PluginEvent event : JobOutput.events(logs)) {
      settings.sink.accept(event);
    }
    settings.sink.flush();
    ActionDescriptor<?, ?> action = known != null ? known.action() : descriptorFromMetadata(metadata);
    return readEnvelope(action, envelope.get(), submissionId, status, rayMessage, tail);
  }

  /**
   * Reads the envelope {@link JobMain} printed: the typed result, or the typed error (the same ones
   * {@link TaskMessages} rebuilds), with the job's id, Ray's message and the log tail added to execution errors.
   */
  static Object readEnvelope(ActionDescriptor<?, ?> action, String envelope, String submissionId, JobStatus status, String rayMessage,
      String tail) {
    Map<?, ?> parsed;
    try {
      parsed = TaskMessages.asMap(Json.parse(envelope));
    } catch (IllegalArgumentException e) {
      throw jobFailure("Ray job '" + submissionId + "' printed a malformed result: " + e.getMessage(), submissionId, status, rayMessage,
          tail, e);
    }
    if (action == null) {
      if (Boolean.TRUE.equals(parsed.get("ok"))) {
        return parsed.get("result");
      }
      Map<?, ?> error = TaskMessages.asMap(parsed.get("error"));
      Map<String, Object> details = new LinkedHashMap<>();
      if (error.get("details") instanceof Map<?, ?> remote) {
        remote.forEach((key, value) -> details.put(String.valueOf(key), value));
      }
      details.put("submission_id", submissionId);
      throw new PluginError(String.valueOf(error.get("code")), String.valueOf(error.get("message")), details);
    }
    try {
      return TaskMessages.readResponse(action, envelope, EventSink.discarding());
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
    Object action = metadata.get(META_ACTION);
    if (action == null) {
      return null;
    }
    for (Object key : List.of(META_PLUGIN_SOURCE, META_PLUGIN)) {
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

  /**
   * Asks Ray to stop the job (the entrypoint is terminated, then killed).
   *
   * @return whether Ray stopped it (false when it had already ended)
   */
  public boolean stop(String submissionId) {
    String path = jobPath(submissionId) + "/stop";
    DashboardClient.Reply reply = client.postJson(path, Map.of());
    Object json = client.json("POST", path, notFoundChecked(submissionId, reply), redactorOf(submissionId));
    return json instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("stopped"));
  }

  /**
   * Deletes the ended job and its log from the cluster.
   *
   * @return whether Ray deleted it
   * @throws PluginError {@value #DASHBOARD_ERROR} when the job has not ended
   */
  public boolean delete(String submissionId) {
    String path = jobPath(submissionId);
    DashboardClient.Reply reply = client.delete(path);
    Object json = client.json("DELETE", path, notFoundChecked(submissionId, reply), redactorOf(submissionId));
    boolean deleted = json instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("deleted"));
    if (deleted) {
      submissions.remove(submissionId);
    }
    return deleted;
  }

  /** Every submitted job the cluster knows (not only this executor's), oldest first. */
  public List<JobInfo> list() {
    Object json = client.json("GET", "/api/jobs/", client.get("/api/jobs/"), Redactor.none());
    if (!(json instanceof List<?> jobs)) {
      throw new PluginError(DASHBOARD_ERROR, "The Ray dashboard answered GET /api/jobs/ with " + DashboardClient.excerpt(String.valueOf(json),
          Redactor.none()) + " instead of a list", Map.of("url", dashboardUrl()));
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

  /** How many times this executor uploaded a jar package; a submit whose jars the cluster already has uploads none. */
  public int jarUploads() {
    return jarUploads.get();
  }

  /** The URI of the jar package a submit of {@code action} (found by code) would use, for checking what the cluster holds. */
  public String jarPackageUri(ActionDescriptor<?, ?> action) {
    return JobPackage.ofClassPath(classPathFor(null, action)).uri();
  }

  /** Whether the cluster holds the package {@code uri} ({@code gcs://...}). */
  public boolean packageExists(String uri) {
    String path = "/api/packages/gcs/" + uri.substring("gcs://".length());
    DashboardClient.Reply reply = client.get(path);
    if (reply.status() == 404) {
      return false;
    }
    client.requireOk("GET", path, reply, Redactor.none());
    return true;
  }

  // --- the parts of a submission ------------------------------------------------------------------

  private List<Path> classPathFor(PluginDiscovery plugin, ActionDescriptor<?, ?> action) {
    Set<Path> entries = new LinkedHashSet<>();
    for (Path entry : settings.classPath != null ? settings.classPath : defaultClassPath()) {
      entries.add(entry.toAbsolutePath().normalize());
    }
    List<Path> pluginEntries = new ArrayList<>();
    if (plugin != null && plugin.source().isPresent()) {
      pluginEntries.addAll(plugin.classPath());
    } else {
      codeSourceOf(action).ifPresent(pluginEntries::add);
    }
    for (Path entry : pluginEntries) {
      entries.add(entry.toAbsolutePath().normalize());
    }
    return new ArrayList<>(entries);
  }

  /** This JVM's class path, without Ray's own jars (the job does not use Ray's Java API) and entries that do not exist. */
  static List<Path> defaultClassPath() {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry);
      String name = path.getFileName() == null ? "" : path.getFileName().toString();
      if (name.equals("ray_dist.jar") || name.startsWith("ray-api-") || name.startsWith("ray-runtime-")) {
        continue;
      }
      if (Files.exists(path)) {
        entries.add(path);
        entries.addAll(manifestClassPath(path));
      }
    }
    return entries;
  }

  /**
   * The {@code Class-Path} of a jar's manifest (a launcher jar such as surefire's, or {@code java -jar}),
   * resolved against the jar's directory: those entries are what the class path really is.
   */
  static List<Path> manifestClassPath(Path jar) {
    if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      return List.of();
    }
    List<Path> entries = new ArrayList<>();
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      java.util.jar.Manifest manifest = file.getManifest();
      String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
      if (classPath == null) {
        return List.of();
      }
      java.net.URI base = jar.toAbsolutePath().getParent().toUri();
      for (String item : classPath.trim().split("\\s+")) {
        try {
          Path entry = Path.of(base.resolve(item));
          String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
          if (Files.exists(entry) && !name.equals("ray_dist.jar") && !name.startsWith("ray-api-") && !name.startsWith("ray-runtime-")) {
            entries.add(entry);
          }
        } catch (IllegalArgumentException e) {
          // Not a file URL: nothing to ship.
        }
      }
    } catch (java.io.IOException e) {
      return List.of();
    }
    return entries;
  }

  private static Optional<Path> codeSourceOf(ActionDescriptor<?, ?> action) {
    if (action.actionClass() == null) {
      return Optional.empty();
    }
    CodeSource source = action.actionClass().getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(source.getLocation().toURI());
      return Files.exists(path) ? Optional.of(path) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static JobPackage requestPackage(String fileName, String marker, ActionDescriptor<?, ?> action, Map<String, Object> params,
      PluginEnvironment environment, String contextJobId) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("format", JobMain.REQUEST_FORMAT);
    request.put("marker", marker);
    request.put("plugin", action.pluginCode());
    request.put("action", action.config().name());
    request.put("params", params);
    request.put("env", environment.asMap());
    request.put("job_id", contextJobId);
    String json;
    try {
      json = Json.write(request);
    } catch (IllegalArgumentException e) {
      throw new ConfigError("The params of action '" + action.config().name() + "' cannot be written as JSON: " + e.getMessage(),
          Map.of("action", action.config().name()), e);
    }
    return JobPackage.of(new TreeMap<>(Map.of(fileName, json.getBytes(StandardCharsets.UTF_8))));
  }

  private String entrypoint(JobPackage jars, String requestFile) {
    List<String> command = new ArrayList<>();
    command.add(settings.javaCommand);
    command.addAll(settings.jvmOptions);
    command.add("-cp");
    command.add(String.join(":", jars.classPathEntries()));
    command.add(JobMain.class.getName());
    command.add(requestFile);
    StringBuilder line = new StringBuilder();
    for (String part : command) {
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(shellQuote(part));
    }
    return line.toString();
  }

  /** {@code text} as one word for {@code /bin/sh} (Ray runs the entrypoint through a shell). */
  static String shellQuote(String text) {
    if (!text.isEmpty() && text.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return text;
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }

  private Map<String, Object> runtimeEnv(JobPackage jars, JobPackage request, Map<String, String> variables) {
    Map<String, Object> env = new LinkedHashMap<>(settings.runtimeEnv);
    env.put("working_dir", jars.uri());
    env.put("py_modules", List.of(request.uri()));
    Map<String, String> processVariables = new TreeMap<>();
    if (settings.runtimeEnv.get("env_vars") instanceof Map<?, ?> given) {
      given.forEach((name, value) -> processVariables.put(String.valueOf(name), String.valueOf(value)));
    }
    variables.forEach((name, value) -> {
      // Secret-looking variables reach the action only through ctx().env(), inside the request package:
      // runtime_env is shown by the dashboard and by every job listing.
      if (!PluginEnvironment.isSecretName(name)) {
        processVariables.put(name, value);
      }
    });
    if (!processVariables.isEmpty()) {
      env.put("env_vars", processVariables);
    } else {
      env.remove("env_vars");
    }
    return env;
  }

  private Map<String, String> metadata(PluginDiscovery plugin, ActionDescriptor<?, ?> action, String marker, Redactor redactor) {
    Map<String, String> metadata = new TreeMap<>();
    settings.metadata.forEach((key, value) -> metadata.put(key, redactor.isSecretName(key) ? Redactor.MASK : redactor.redact(value)));
    metadata.put(META_PLUGIN, action.pluginCode());
    metadata.put(META_ACTION, action.config().name());
    metadata.put(META_MARKER, marker);
    if (plugin != null && plugin.source().isPresent()) {
      metadata.put(META_PLUGIN_SOURCE, plugin.source().get().toAbsolutePath().toString());
    }
    return metadata;
  }

  private void uploadIfMissing(JobPackage jars, boolean countAsJar, Redactor redactor) {
    String path = "/api/packages/gcs/" + jars.name();
    DashboardClient.Reply reply = client.get(path);
    if (reply.status() == 200) {
      return;
    }
    if (reply.status() != 404) {
      client.requireOk("GET", path, reply, redactor);
    }
    upload(jars, redactor);
    if (countAsJar) {
      jarUploads.incrementAndGet();
    }
  }

  /** Uploads without asking first: used for the request, whose URI is new by construction (it holds a fresh marker). */
  private void upload(JobPackage pkg, Redactor redactor) {
    String path = "/api/packages/gcs/" + pkg.name();
    client.requireOk("PUT", path, client.put(path, pkg.bytes()), redactor);
  }

  // --- reading jobs --------------------------------------------------------------------------------

  private Map<?, ?> jobDetails(String submissionId) {
    String path = jobPath(submissionId);
    Object json = client.json("GET", path, notFoundChecked(submissionId, client.get(path)), redactorOf(submissionId));
    if (json instanceof Map<?, ?> map) {
      return map;
    }
    throw new PluginError(DASHBOARD_ERROR, "The Ray dashboard answered GET " + path + " with something other than a JSON object",
        Map.of("url", dashboardUrl(), "submission_id", submissionId));
  }

  private String rawLogs(String submissionId) {
    String path = jobPath(submissionId) + "/logs";
    Object json = client.json("GET", path, notFoundChecked(submissionId, client.get(path)), redactorOf(submissionId));
    Object logs = json instanceof Map<?, ?> map ? map.get("logs") : null;
    return logs == null ? "" : String.valueOf(logs);
  }

  private DashboardClient.Reply notFoundChecked(String submissionId, DashboardClient.Reply reply) {
    if (reply.status() == 404) {
      throw notFound(submissionId);
    }
    return reply;
  }

  private PluginError notFound(String submissionId) {
    return new PluginError(JOB_NOT_FOUND, "The Ray cluster at " + dashboardUrl() + " has no job '" + submissionId + "'",
        Map.of("url", dashboardUrl(), "submission_id", submissionId));
  }

  private Redactor redactorOf(String submissionId) {
    Submission known = submissions.get(submissionId);
    return known == null ? Redactor.none() : known.redactor();
  }

  private static String jobPath(String submissionId) {
    Objects.requireNonNull(submissionId, "submissionId");
    return "/api/jobs/" + URLEncoder.encode(submissionId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JobInfo info(Map<?, ?> job) {
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

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PluginError(TIMEOUT, "Interrupted while waiting for a Ray job", Map.of(), e);
    }
  }

  /** Builds a {@link RayJobExecutor}; building does no I/O. */
  public static final class Builder {
    private String dashboardUrl = DEFAULT_DASHBOARD_URL;
    private Map<String, String> headers = new TreeMap<>();
    private Double entrypointNumCpus;
    private Double entrypointNumGpus;
    private Long entrypointMemory;
    private Map<String, Double> entrypointResources = new TreeMap<>();
    private Map<String, String> metadata = new TreeMap<>();
    private Map<String, String> env = new TreeMap<>();
    private List<String> inheritedEnv = new ArrayList<>();
    private List<String> jvmOptions = new ArrayList<>();
    private Duration requestTimeout = Duration.ofSeconds(30);
    private String javaCommand = "java";
    private List<Path> classPath;
    private Map<String, Object> runtimeEnv = new LinkedHashMap<>();
    private boolean validateOnDriver = true;
    private EventSink sink = EventSink.discarding();

    private Builder() {}

    /** The dashboard's URL (default {@value #DEFAULT_DASHBOARD_URL}; {@code ray.sh start} prints it). */
    public Builder dashboardUrl(String url) {
      Objects.requireNonNull(url, "url");
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw new ConfigError("The Ray dashboard URL must start with http:// or https://, not '" + url + "'", Map.of("url", url));
      }
      this.dashboardUrl = url;
      return this;
    }

    /** An HTTP header sent with every request (an auth token for a proxied dashboard, say). */
    public Builder header(String name, String value) {
      this.headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** HTTP headers sent with every request. */
    public Builder headers(Map<String, String> values) {
      values.forEach(this::header);
      return this;
    }

    /** CPUs reserved for the entrypoint JVM (Ray's default: 0). */
    public Builder entrypointNumCpus(double cpus) {
      this.entrypointNumCpus = cpus;
      return this;
    }

    /** GPUs reserved for the entrypoint JVM. */
    public Builder entrypointNumGpus(double gpus) {
      this.entrypointNumGpus = gpus;
      return this;
    }

    /** Memory reserved for the entrypoint JVM, in bytes. */
    public Builder entrypointMemory(long bytes) {
      this.entrypointMemory = bytes;
      return this;
    }

    /** A custom resource reserved for the entrypoint. */
    public Builder entrypointResource(String name, double amount) {
      this.entrypointResources.put(Objects.requireNonNull(name, "name"), amount);
      return this;
    }

    /**
     * Metadata of every job (shown by the dashboard). Values under secret-looking names are replaced by
     * {@value Redactor#MASK}, and known secrets in values are hidden.
     */
    public Builder metadata(Map<String, String> values) {
      this.metadata = new TreeMap<>(values);
      return this;
    }

    /**
     * Environment variables of the job. Each reaches the action through {@code ctx().env()}; those whose
     * names do not look secret are also set on the job's JVM process (the runtime_env's env_vars).
     * Secret-looking ones are kept out of the runtime_env, which the dashboard shows.
     */
    public Builder env(Map<String, String> variables) {
      this.env = new TreeMap<>(variables);
      return this;
    }

    /**
     * Names of variables to copy from this process's environment into the job's, treated like
     * {@link #env(Map)} (missing ones are skipped). Only these: the rest of the environment stays here.
     */
    public Builder inheritEnv(Collection<String> names) {
      this.inheritedEnv = new ArrayList<>(names);
      return this;
    }

    /** Options of the job's JVM, before {@code -cp} (heap size, system properties, ...). */
    public Builder jvmOptions(List<String> options) {
      this.jvmOptions = new ArrayList<>(options);
      return this;
    }

    /** How long one HTTP request (including an upload) may take (default 30 s). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The java command on the cluster's nodes (default {@code java}, from the PATH Ray starts jobs with). */
    public Builder javaCommand(String command) {
      this.javaCommand = Objects.requireNonNull(command, "command");
      return this;
    }

    /**
     * The jars and directories shipped as the runtime's side of the job's class path (default: this
     * JVM's class path without Ray's jars). The plugin's own entries are always added.
     */
    public Builder classPath(List<Path> entries) {
      this.classPath = List.copyOf(entries);
      return this;
    }

    /**
     * Further runtime_env entries of every job (for example {@code env_vars} or {@code config}).
     * {@code working_dir} and {@code py_modules} are this executor's own.
     *
     * @throws ConfigError when {@code environment} sets {@code working_dir} or {@code py_modules}
     */
    public Builder runtimeEnv(Map<String, ?> environment) {
      for (String owned : List.of("working_dir", "py_modules")) {
        if (environment.containsKey(owned)) {
          throw new ConfigError("runtime_env." + owned + " is set by the JOB backend (it ships the plugin's jars itself)",
              Map.of("key", owned));
        }
      }
      if (environment.get("env_vars") instanceof Map<?, ?> vars) {
        for (Object name : vars.keySet()) {
          if (PluginEnvironment.isSecretName(String.valueOf(name))) {
            throw new ConfigError("runtime_env.env_vars." + name + " looks secret and the dashboard shows runtime_env: pass it with env(...)"
                + " instead, which reaches the action through ctx().env()", Map.of("key", "env_vars." + name));
          }
        }
      }
      this.runtimeEnv = new LinkedHashMap<>(environment);
      return this;
    }

    /**
     * Whether {@link #submit(ActionDescriptor, Map)} binds and validates untyped params before submitting
     * (default true). With false they are checked only in the job, and {@link #wait} raises the
     * {@link ValidationError}.
     */
    public Builder validateOnDriver(boolean validate) {
      this.validateOnDriver = validate;
      return this;
    }

    /** Where {@link #wait} replays the job's events (default: nowhere). */
    public Builder sink(EventSink eventSink) {
      this.sink = Objects.requireNonNull(eventSink, "sink");
      return this;
    }

    /** The executor; building does no I/O. */
    public RayJobExecutor build() {
      return new RayJobExecutor(this);
    }

    /** The explicit variables plus the inherited ones present in this process's environment. */
    Map<String, String> variables() {
      Map<String, String> all = new TreeMap<>();
      for (String name : inheritedEnv) {
        String value = System.getenv(name);
        if (value != null) {
          all.put(name, value);
        }
      }
      all.putAll(env);
      return all;
    }

    /** The settings that identify an executor, for sharing one between runs with equal options. */
    String key() {
      return String.join("|", dashboardUrl, headers.toString(), String.valueOf(entrypointNumCpus), String.valueOf(entrypointNumGpus),
          String.valueOf(entrypointMemory), entrypointResources.toString(), metadata.toString(), env.toString(), inheritedEnv.toString(),
          jvmOptions.toString(), requestTimeout.toString(), javaCommand, String.valueOf(classPath), runtimeEnv.toString(),
          String.valueOf(validateOnDriver));
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.dashboardUrl = dashboardUrl;
      copy.headers = new TreeMap<>(headers);
      copy.entrypointNumCpus = entrypointNumCpus;
      copy.entrypointNumGpus = entrypointNumGpus;
      copy.entrypointMemory = entrypointMemory;
      copy.entrypointResources = new TreeMap<>(entrypointResources);
      copy.metadata = new TreeMap<>(metadata);
      copy.env = new TreeMap<>(env);
      copy.inheritedEnv = new ArrayList<>(inheritedEnv);
      copy.jvmOptions = new ArrayList<>(jvmOptions);
      copy.requestTimeout = requestTimeout;
      copy.javaCommand = javaCommand;
      copy.classPath = classPath;
      copy.runtimeEnv = new LinkedHashMap<>(runtimeEnv);
      copy.validateOnDriver = validateOnDriver;
      copy.sink = sink;
      return copy;
    }
  }
}
