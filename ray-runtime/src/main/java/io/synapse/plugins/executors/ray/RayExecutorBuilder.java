package io.synapse.plugins.executors.ray;

import io.synapse.plugins.context.ContextSettings;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The setters both Ray executors' builders share, defined once: the dashboard, what code and environment
 * ship with each run, and how params are checked; plus {@link ContextSettings.Builder}'s environment, job
 * id, working directory and sink.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class RayExecutorBuilder<B extends RayExecutorBuilder<B>> extends ContextSettings.Builder<B> {
  private String dashboardUrl;
  private final Map<String, String> headers = new TreeMap<>();
  private Duration requestTimeout = Duration.ofSeconds(60);
  private List<Path> classPath;
  private RuntimeEnvSpec runtimeEnv = RuntimeEnvSpec.empty();
  private List<String> jvmOptions = new ArrayList<>();
  private boolean validateOnDriver = true;
  private long workingDirLimit = WorkingDirPackage.DEFAULT_LIMIT;
  private RetryPolicy retries = RetryPolicy.defaults();
  private long maxReplyBytes = DEFAULT_MAX_REPLY_BYTES;
  private long maxLogBytes = DEFAULT_MAX_LOG_BYTES;
  private Duration cancelGrace = DEFAULT_CANCEL_GRACE;

  /** How long a cancelled action may take to stop on its own by default: 10 s. */
  public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofSeconds(10);

  /** The largest dashboard reply read by default (logs and job lists aside): 8 MiB. */
  public static final long DEFAULT_MAX_REPLY_BYTES = 8L << 20;
  /** The largest job log (or list of jobs) read from the dashboard by default: 64 MiB. */
  public static final long DEFAULT_MAX_LOG_BYTES = 64L << 20;

  RayExecutorBuilder(EventSink defaultSink) {
    super(defaultSink);
  }

  /**
   * The cluster's dashboard: JOB submits there, both modes upload their packages there (default:
   * {@code SYNAPSE_RAY_DASHBOARD}, then an http {@code RAY_ADDRESS} ({@link RayDefaults}); else TASK asks the cluster for its head node and uses Ray's port 8265,
   * JOB uses {@value RayJobExecutor#DEFAULT_DASHBOARD_URL}).
   *
   * @throws io.synapse.plugins.errors.ConfigError when {@code url} is not an http or https URL
   */
  public B dashboardUrl(String url) {
    this.dashboardUrl = DashboardClient.checkedUrl(url);
    return self();
  }

  /** An HTTP header sent with every request to the dashboard (an auth token for a proxied dashboard, say). */
  public B header(String name, String value) {
    this.headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return self();
  }

  /** HTTP headers sent with every request to the dashboard. */
  public B headers(Map<String, String> values) {
    values.forEach(this::header);
    return self();
  }

  /** How long one request to the dashboard (an upload included) may take (default 60 s). */
  public B requestTimeout(Duration timeout) {
    this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
    return self();
  }

  /**
   * The jars and directories shipped as the runtime's side of the code package (default: this JVM's class
   * path without Ray's jars). The plugin's own entries are always added.
   */
  public B classPath(List<Path> entries) {
    this.classPath = List.copyOf(entries);
    return self();
  }

  /**
   * The Ray runtime env of every actor or job: {@code env_vars}, {@code java_jars} (or {@code jars}),
   * {@code working_dir}, {@code config}. Checked now; see the README's "Running on a real cluster" for what
   * each mode does with each key.
   *
   * @throws io.synapse.plugins.errors.ConfigError naming a key that cannot apply to a Java worker (pip, uv,
   *     conda, py_modules, ...) and why, a secret-looking env_vars name, or a malformed value
   */
  public B runtimeEnv(Map<String, ?> environment) {
    this.runtimeEnv = RuntimeEnvSpec.parse(environment);
    return self();
  }

  /** Options of the JVMs that run the action: the actors' workers, or a job's entrypoint (heap size, properties, ...). */
  public B jvmOptions(List<String> options) {
    this.jvmOptions = new ArrayList<>(options);
    return self();
  }

  /**
   * Whether untyped params, and records built in Java, are bound and checked on the driver before they are
   * sent (default true). With false only the worker or the job binds them, and its violations come back as
   * the same {@code ValidationError}.
   */
  public B validateOnDriver(boolean validate) {
    this.validateOnDriver = validate;
    return self();
  }

  /** The largest working directory shipped, in bytes of its files (default 64 MiB; Ray's dashboard takes up to 100 MiB). */
  public B workingDirLimit(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("workingDirLimit must not be negative, not " + bytes);
    }
    this.workingDirLimit = bytes;
    return self();
  }

  /**
   * How failures of the infrastructure are retried, with exponential backoff and jitter (default
   * {@link RetryPolicy#defaults()}: 2 retries). JOB: dashboard requests that may be repeated (reads, uploads,
   * stops, and submits, which carry their submission id) after nothing answered, the connection broke, or a
   * 502, 503 or 504. TASK: a call whose actor died or could not be reached, on another actor. An action's own
   * failure, bad params and timeouts are never retried. Each retry is a WARNING {@code retry} event in the
   * sink, and the error after the last one counts the {@code attempts} in its details.
   */
  public B retryPolicy(RetryPolicy policy) {
    this.retries = Objects.requireNonNull(policy, "policy");
    return self();
  }

  /** Like {@link #retryPolicy} with the default pauses and {@code retries} retries (0: none). */
  public B maxRetries(int retries) {
    this.retries = this.retries.withMaxRetries(retries);
    return self();
  }

  /**
   * The largest reply read from the dashboard, in bytes (default {@value #DEFAULT_MAX_REPLY_BYTES}); a larger
   * one is a {@code ray_dashboard_error}. Logs and job lists have their own limit ({@link #maxLogBytes}).
   */
  public B maxReplyBytes(long bytes) {
    this.maxReplyBytes = positive(bytes, "maxReplyBytes");
    return self();
  }

  /** The largest job log (or list of jobs) read from the dashboard, in bytes (default {@value #DEFAULT_MAX_LOG_BYTES}). */
  public B maxLogBytes(long bytes) {
    this.maxLogBytes = positive(bytes, "maxLogBytes");
    return self();
  }

  /**
   * How long a cancelled action may take to stop on its own (it is told: {@code ctx().isCancelled()} turns
   * true and its thread is interrupted; a step workflow rolls back) before it is stopped by force (default
   * {@link #DEFAULT_CANCEL_GRACE}): TASK kills and replaces its actor, JOB ends the job's JVM (and Ray kills
   * its process a little later).
   */
  public B cancelGrace(Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("cancelGrace must not be negative, not " + grace);
    }
    this.cancelGrace = grace;
    return self();
  }

  private static long positive(long bytes, String what) {
    if (bytes <= 0) {
      throw new IllegalArgumentException(what + " must be positive, not " + bytes);
    }
    return bytes;
  }

  /** The shared settings given so far (the dashboard URL as given, or as {@link RayDefaults} says, else null). */
  ClusterSettings clusterSettings() {
    String url = RayConnection.givenDashboardUrl(dashboardUrl);
    return new ClusterSettings(url == null ? null : DashboardClient.checkedUrl(url), headers, requestTimeout, classPath, runtimeEnv,
        jvmOptions, validateOnDriver, workingDirLimit, retries, maxReplyBytes, maxLogBytes, cancelGrace);
  }
}
