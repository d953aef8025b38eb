package io.synapse.plugins.executors.ray;

import io.synapse.plugins.executors.JobStatus;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.context.ContextSettings;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.CancelledError;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.JobConflictError;
import io.synapse.plugins.errors.UnverifiedResultError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.executors.JobExecutor;
import io.synapse.plugins.executors.JobHandle;
import io.synapse.plugins.executors.remote.JobMain;
import io.synapse.plugins.executors.RetryPolicy;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.spi.ActionDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The JOB backend: runs each action as a Ray Job through the dashboard's Job Submission REST API, fully
 * isolated in a JVM of its own on a cluster node. {@link #submit} returns a typed {@link JobHandle} at
 * once; {@link JobHandle#await} returns the same typed result a LOCAL or TASK run returns, or raises the
 * same typed errors; {@link #attach} gives a handle back for a job id, in this process or another one. As
 * an {@link io.synapse.plugins.executors.Executor} it submits and waits, so the generated facade's
 * {@code MyPlugin.train(params, jobs)} works with it as with every executor.
 *
 * <pre>{@code
 * RayJobExecutor jobs = RayJobExecutor.builder().dashboardUrl("http://10.0.0.5:8265").plugin("my_plugin").build();
 * JobHandle<TrainResult> job = MyPlugin.submitTrain(new TrainParams(10), jobs);   // or jobs.submit(descriptor, params)
 * JobHandle<?> same = jobs.submit("train", Map.of("epochs", 10));                // the seeds' string entrypoint
 * TrainResult result = job.await(Duration.ofHours(1));
 * }</pre>
 *
 * <p><b>What travels.</b> The same content-addressed code package a TASK pool uses (this JVM's class path
 * without Ray's jars, plus the plugin's jars), uploaded only when the cluster does not have it; the run's
 * working directory, if any, as the job's {@code working_dir}; and a small per-submission request package
 * holding the params, the environment and the key the outcome is sealed with, so params of any size travel
 * there and never in the entrypoint or the environment. The entrypoint runs {@link JobMain}, which runs the
 * request with the worker routine a TASK actor runs.
 *
 * <p><b>Identity.</b> The run's job id ({@code jobId(...)}, {@code RunOptions.jobId}, {@code --job-id}) is the
 * submission id and the action's {@code ctx().jobId()}; submitting the same request with the same id again
 * returns the existing job, another request with a taken id is a {@link JobConflictError}.
 *
 * <p><b>Trust.</b> A result is believed only when the job's outcome carries a seal made with a key derived
 * from this submitter's secret (a per-user key file, see {@link Builder#resultKeyFile}); otherwise it is an
 * {@link UnverifiedResultError}. Results are read with the descriptor given, the one submitted with, the
 * builder's plugin, or a plugin of the job's code on this class path; nothing a job's metadata names by path
 * is ever loaded.
 *
 * <p><b>Secrets.</b> The values of {@code @Secret} params and of environment entries with secret-looking
 * names travel only inside the request package. They never reach the job's metadata or runtime_env
 * (which the dashboard shows), and are hidden in the logs and errors this class returns.
 *
 * <p><b>Bounded.</b> Every dashboard request ends within the request timeout and reads a bounded reply
 * (logs streamed line by line); idempotent requests are retried after transient failures.
 *
 * <p>Needs nothing of Ray on this JVM's class path: only HTTP. Thread-safe.
 */
public final class RayJobExecutor implements JobExecutor {
  /** The dashboard URL used when none is given and {@link RayDefaults} finds none in the environment. */
  public static final String DEFAULT_DASHBOARD_URL = "http://127.0.0.1:8265";
  /** Error code: nothing answers at the dashboard URL. */
  public static final String DASHBOARD_UNREACHABLE = "ray_dashboard_unreachable";
  /** Error code: the dashboard answered with an error status or a body that is not JSON, or did not answer in time. */
  public static final String DASHBOARD_ERROR = "ray_dashboard_error";
  /** Error code: the dashboard knows no job with that id. */
  public static final String JOB_NOT_FOUND = "job_not_found";
  /** Error code: {@link JobHandle#await} ran out of time; the job keeps running. */
  public static final String TIMEOUT = "timeout";
  /** How long a blocking {@link #execute} waits by default. */
  public static final Duration DEFAULT_EXECUTE_TIMEOUT = Duration.ofHours(24);

  private final JobSettings settings;
  private final ContextSettings context;
  private final PackageUploader uploader;
  private final SubmittedJobs submissions = new SubmittedJobs();
  private final JobSubmitter submitter;
  private final JobMonitor monitor;
  private final JobResults results;

  RayJobExecutor(JobSettings settings, ContextSettings context) {
    this.settings = settings;
    this.context = context;
    EventSink sink = context.sink();
    DashboardClient client = settings.cluster().client(settings.cluster().dashboardUrl())
        .withListener((request, retry, maxRetries, delay, cause) ->
            sink.accept(RetryPolicy.retryEvent(null, null, request, retry, maxRetries, delay, cause)));
    ResultKeys keys = new ResultKeys(settings.resultKeyFile());
    this.uploader = new PackageUploader(client);
    this.submitter = new JobSubmitter(settings, context, client, uploader, submissions, keys);
    this.monitor = new JobMonitor(client, submissions, settings.cluster().requestTimeout());
    this.results = new JobResults(monitor, submissions, keys, sink, settings.plugin());
  }

  /**
   * A builder with the defaults: {@code SYNAPSE_RAY_DASHBOARD}, else an http {@code RAY_ADDRESS} ({@link RayDefaults}), else {@value #DEFAULT_DASHBOARD_URL}; 60 s per
   * HTTP request; no resource requests.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The dashboard URL this executor talks to. */
  public String dashboardUrl() {
    return uploader.dashboardUrl();
  }

  @Override
  public ExecutionMode mode() {
    return ExecutionMode.JOB;
  }

  /**
   * Submits the action with params built in Java and waits for its result (at most the builder's
   * {@link Builder#executeTimeout execute timeout}): the blocking call of every executor.
   *
   * @throws ValidationError listing every violated field (nothing is submitted)
   * @throws ExecutionError when the action or the job failed
   * @throws PluginError {@value #TIMEOUT} when the job did not end in time (it is stopped)
   */
  @Override
  public <P extends Record, R> R execute(ActionDescriptor<P, R> action, P params) {
    return awaitBlocking(submit(action, params));
  }

  /** Like {@link #execute(ActionDescriptor, Record)} with untyped params, bound and checked first. */
  @Override
  public <P extends Record, R> R execute(ActionDescriptor<P, R> action, Map<String, ?> params) {
    return awaitBlocking(submit(action, params));
  }

  private <R> R awaitBlocking(JobHandle<R> job) {
    try {
      return job.await(settings.executeTimeout());
    } catch (PluginError e) {
      if (TIMEOUT.equals(e.code()) || Thread.currentThread().isInterrupted()) {
        // A blocking call that gave up leaves nothing running behind it.
        stopQuietly(job.id());
      }
      throw e;
    }
  }

  private void stopQuietly(String submissionId) {
    try {
      monitor.stop(submissionId);
    } catch (PluginError e) {
      // It ended meanwhile, or the dashboard is gone: nothing is left to stop.
    }
  }

  /**
   * Submits {@code action} with params built in Java, checked first by the rules untyped params are bound by
   * (unless {@link Builder#validateOnDriver(boolean) validateOnDriver(false)}).
   *
   * @return the job's handle
   * @throws ValidationError listing every violated field (nothing is submitted)
   * @throws JobConflictError when the executor's job id names a job of another request
   * @throws PluginError {@value #DASHBOARD_UNREACHABLE} or {@value #DASHBOARD_ERROR} when submitting fails
   */
  @Override
  public <P extends Record, R> RayJobHandle<R> submit(ActionDescriptor<P, R> action, P params) {
    Map<String, Object> written = action.writeParams(Objects.requireNonNull(params, "params"));
    P checked = settings.cluster().validateOnDriver() ? action.bindParams(written) : params;
    return handle(submitter.submit(null, action, written, action.secretValues(checked), context), action);
  }

  /**
   * Submits {@code action} with untyped params. They are bound and validated here first (unless
   * {@link Builder#validateOnDriver(boolean) validateOnDriver(false)}), so bad params fail before anything
   * is uploaded.
   *
   * @throws ValidationError listing every violated field (nothing is submitted)
   */
  @Override
  public <P extends Record, R> RayJobHandle<R> submit(ActionDescriptor<P, R> action, Map<String, ?> params) {
    return handle(submitter.submitUntyped(null, action, params, context), action);
  }

  /**
   * Submits the action {@code action} of the builder's plugin: its name ({@code "train"}) or its class's name
   * ({@code "com.acme.TrainAction"}), the seeds' string entrypoint, with untyped params.
   *
   * @throws io.synapse.plugins.errors.ActionNotFoundError when the plugin has no such action, listing those it has
   * @throws ConfigError when the builder was given no plugin
   */
  @Override
  public RayJobHandle<?> submit(String action, Map<String, ?> params) {
    PluginDiscovery plugin = settings.plugin();
    if (plugin == null) {
      throw new ConfigError("submit(\"" + action + "\", params) names an action, but this RayJobExecutor has no plugin:"
          + " give it with RayJobExecutor.builder().plugin(...)", Map.of("action", String.valueOf(action)));
    }
    return submit(plugin, plugin.descriptorFor(Objects.requireNonNull(action, "action")), params);
  }

  /**
   * Submits action {@code action} of {@code plugin} (found by code, package or path) with untyped params.
   * A plugin loaded from a path ships its own jars.
   *
   * @throws io.synapse.plugins.errors.ActionNotFoundError when the plugin has no such action
   */
  public RayJobHandle<?> submit(PluginDiscovery plugin, String action, Map<String, ?> params) {
    return submit(plugin, plugin.descriptor(action), params);
  }

  private <R> RayJobHandle<R> submit(PluginDiscovery plugin, ActionDescriptor<?, R> action, Map<String, ?> params) {
    return handle(submitter.submitUntyped(plugin, action, params, context), action);
  }

  /** Submits bound, validated params with the call's environment, job id and working directory ({@link RayJobBackend}). */
  <P extends Record> String submitBound(PluginDiscovery plugin, ActionDescriptor<P, ?> action, P params, ContextSettings call) {
    return submitter.submit(plugin, action, action.writeParams(params), action.secretValues(params), call);
  }

  /** Submits a whole pipeline run as one job ({@link JobSubmitter#submitPipeline}). */
  String submitPipeline(PluginDiscovery plugin, ActionDescriptor<?, ?> lastAction, String pipeline, String runId, String storeUrl,
      Map<String, Object> secretParams, String runDir, ContextSettings call) {
    return submitter.submitPipeline(plugin, lastAction, pipeline, runId, storeUrl, secretParams, runDir, call);
  }

  /**
   * A handle on job {@code submissionId}, whose result {@code action}'s descriptor reads: for a job submitted
   * earlier, by this process or another one.
   *
   * @throws io.synapse.plugins.errors.PluginError {@code invalid_job_id} for an id no job can have
   */
  @Override
  public <R> RayJobHandle<R> attach(String submissionId, ActionDescriptor<?, R> action) {
    return handle(ContextSettings.checkJobId(Objects.requireNonNull(submissionId, "submissionId")), Objects.requireNonNull(action, "action"));
  }

  /**
   * A handle on job {@code submissionId} whose result is read as {@link #wait(String, Duration)} reads it: with
   * the builder's plugin or a plugin of the job's code on this class path, else as its JSON-like value.
   */
  public RayJobHandle<Object> attach(String submissionId) {
    return handle(ContextSettings.checkJobId(Objects.requireNonNull(submissionId, "submissionId")), null);
  }

  private <R> RayJobHandle<R> handle(String submissionId, ActionDescriptor<?, R> action) {
    return new RayJobHandle<>(this, submissionId, action);
  }

  /** What {@link RayJobHandle#await} does. */
  Object await(String submissionId, ActionDescriptor<?, ?> action, Duration timeout) {
    return results.wait(submissionId, action, timeout);
  }

  /**
   * The job's state.
   *
   * @throws PluginError {@value #JOB_NOT_FOUND} when the dashboard knows no such job
   */
  public JobStatus getStatus(String submissionId) {
    return monitor.status(submissionId);
  }

  /** Everything the dashboard says about the job. */
  public JobInfo getInfo(String submissionId) {
    return JobMonitor.info(monitor.details(submissionId));
  }

  /**
   * The job's whole log (standard output and error of the entrypoint), secrets of jobs this executor
   * submitted hidden.
   */
  public String getLogs(String submissionId) {
    return submissions.redactorOf(submissionId).redact(monitor.rawLogs(submissionId));
  }

  /**
   * Sends the job's log as it is now to {@code lines}, one line at a time with its line break (lines longer
   * than 1 MiB in pieces), secrets of jobs this executor submitted hidden, while the dashboard streams it: a
   * log of any length (up to {@link Builder#maxLogBytes}) costs one line of memory.
   */
  public void readLogs(String submissionId, Consumer<String> lines) {
    Redactor redactor = submissions.redactorOf(submissionId);
    monitor.readLogs(submissionId, line -> lines.accept(redactor.redact(line)));
  }

  /**
   * Streams the job's log as it grows (the dashboard's {@code logs/tail} websocket) to {@code consumer},
   * one chunk of lines at a time, secrets hidden. The future completes when the dashboard closes the
   * stream (the job ended), or fails with a precise {@link PluginError}; cancel it to stop listening.
   */
  public CompletableFuture<Void> tailLogs(String submissionId, Consumer<String> consumer) {
    return monitor.tail(submissionId, consumer);
  }

  /**
   * The latest progress of each category the action reported so far (read from the job's events), by
   * category; empty before the first report.
   */
  public Map<String, PluginEvent.Progress> getProgress(String submissionId) {
    JobOutput output = new JobOutput(null, false, 0, false);
    monitor.readLogs(submissionId, output);
    return output.progress();
  }

  /** The events the action reported so far, in order, secrets hidden. */
  public List<PluginEvent> getEvents(String submissionId) {
    JobOutput output = new JobOutput(null, true, 0, false);
    monitor.readLogs(submissionId, output);
    return output.events();
  }

  /**
   * Waits until the job ends and returns the action's result: the same typed object a LOCAL run returns.
   * It is read with the descriptor this executor submitted it with, else the builder's plugin, else a plugin
   * of the job's code on this class path (found among registries, never by a path its metadata names); else
   * it is the JSON-like value. The action's events go to the builder's sink, once the result is verified.
   *
   * @throws ValidationError when the params were invalid in the job, with every violation
   * @throws ExecutionError when the action failed, or the job FAILED; its details hold the job id, Ray's
   *     message and the tail of the log
   * @throws CancelledError when the job was stopped
   * @throws UnverifiedResultError when the job's outcome carries no seal of this submitter's key
   * @throws PluginError {@value #TIMEOUT} when {@code timeout} passes first (the job keeps running)
   */
  public Object wait(String submissionId, Duration timeout) {
    return results.wait(submissionId, null, timeout);
  }

  /**
   * {@link #wait(String, Duration)}, with the action's events sent to {@code events} instead of the
   * builder's sink (a pipeline's action's sink; {@link EventSink#discarding()} when {@link #followLogs}
   * showed them already).
   */
  public Object wait(String submissionId, Duration timeout, EventSink events) {
    return results.wait(submissionId, null, timeout, Objects.requireNonNull(events, "events"));
  }

  /**
   * Follows the job's log live, as {@link #tailLogs} streams it: each event the action reports goes to
   * {@code events} as it arrives, every other line (the action's own printing, the JVM's and Ray's
   * messages) to {@code lines}, without its line break; the outcome message between the result markers is
   * left out ({@link #wait} reads it). Secrets hidden. The future completes when the job's log ends.
   */
  public CompletableFuture<Void> followLogs(String submissionId, EventSink events, Consumer<String> lines) {
    JobLogFollower follower = new JobLogFollower(Objects.requireNonNull(events, "events"), Objects.requireNonNull(lines, "lines"));
    return monitor.tail(submissionId, follower::accept).whenComplete((done, failure) -> follower.finish());
  }

  /**
   * Asks Ray to stop the job (the entrypoint is terminated, then killed).
   *
   * @return whether Ray stopped it (false when it had already ended)
   */
  public boolean stop(String submissionId) {
    return monitor.stop(submissionId);
  }

  /**
   * Deletes the ended job and its log from the cluster.
   *
   * @return whether Ray deleted it
   * @throws PluginError {@value #DASHBOARD_ERROR} when the job has not ended
   */
  public boolean delete(String submissionId) {
    return monitor.delete(submissionId);
  }

  /** Every submitted job the cluster knows (not only this executor's), oldest first. */
  public List<JobInfo> list() {
    return monitor.list();
  }

  /** How many packages this executor uploaded (code packages and working directories; requests are not counted). */
  public int jarUploads() {
    return uploader.uploads();
  }

  /** The URI of the code package a submit of {@code action} (found by code) would use, for checking what the cluster holds. */
  public String jarPackageUri(ActionDescriptor<?, ?> action) {
    return submitter.codePackage(action).uri();
  }

  /** Whether the cluster holds the package {@code uri} ({@code gcs://...}). */
  public boolean packageExists(String uri) {
    return uploader.exists(uri);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PluginError(TIMEOUT, "Interrupted while waiting for a Ray job", Map.of(), e);
    }
  }

  /**
   * Builds a {@link RayJobExecutor}; building does no I/O. The dashboard, code, runtime env, JVM options
   * (of the job's JVM) and check setters are {@link RayExecutorBuilder}'s; the environment, job id, working
   * directory and sink are {@link ContextSettings.Builder}'s: each environment entry reaches the action
   * through {@code ctx().env()}, and those whose names do not look secret are also set on the job's JVM
   * process (runtime_env's env_vars; secret-looking ones are kept out of it, as the dashboard shows it); the
   * job id is the Ray submission id (default: a generated one); the working directory is shipped as the job's
   * {@code working_dir}; the sink is where {@link #wait} replays the job's events (default: nowhere).
   */
  public static final class Builder extends RayExecutorBuilder<Builder> {
    private Double entrypointNumCpus;
    private Double entrypointNumGpus;
    private Long entrypointMemory;
    private final Map<String, Double> entrypointResources = new TreeMap<>();
    private Map<String, String> metadata = new TreeMap<>();
    private List<String> inheritedEnv = new ArrayList<>();
    private String javaCommand = "java";
    private PluginDiscovery plugin;
    private Path resultKeyFile;
    private Duration executeTimeout = DEFAULT_EXECUTE_TIMEOUT;

    private Builder() {
      super(EventSink.discarding());
    }

    /**
     * The plugin whose actions {@link RayJobExecutor#submit(String, Map)} names (by action name or class
     * name), and whose descriptors read the results of jobs attached by id.
     */
    public Builder plugin(PluginDiscovery discovered) {
      this.plugin = Objects.requireNonNull(discovered, "plugin");
      return this;
    }

    /**
     * Like {@link #plugin(PluginDiscovery)}, with the plugin found as {@code PluginRunner} finds it: a path, a
     * plugin code or a Java package.
     *
     * @throws io.synapse.plugins.errors.PluginNotFoundError when nothing matches
     */
    public Builder plugin(String codePackageOrPath) {
      return plugin(PluginRunner.discover(Objects.requireNonNull(codePackageOrPath, "plugin")));
    }

    /**
     * The file of the secret that seals job results (default: {@code job-results.key} in
     * {@code $SYNAPSE_STATE_DIR}, else {@code $XDG_STATE_HOME/synapse}, else {@code ~/.local/state/synapse}).
     * Made with mode 0600 on the first submit; a driver attaching by id later must use the same file. A
     * file that others may read, or a link, is refused.
     */
    public Builder resultKeyFile(Path file) {
      this.resultKeyFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * How long the blocking {@link RayJobExecutor#execute} waits for a job (default 24 hours); when it gives
     * up, the job is stopped and the call raises {@value RayJobExecutor#TIMEOUT}.
     */
    public Builder executeTimeout(Duration timeout) {
      this.executeTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    @Override
    protected Builder self() {
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

    /** A custom resource reserved for the entrypoint, which pins it to nodes that have it. */
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
     * Names of variables to copy from this process's environment into the job's, treated like
     * {@code env(...)} (missing ones are skipped). Only these: the rest of the environment stays here.
     */
    public Builder inheritEnv(Collection<String> names) {
      this.inheritedEnv = new ArrayList<>(names);
      return this;
    }

    /** The java command on the cluster's nodes (default {@code java}, from the PATH Ray starts jobs with). */
    public Builder javaCommand(String command) {
      this.javaCommand = Objects.requireNonNull(command, "command");
      return this;
    }

    /**
     * The executor; building does no I/O.
     *
     * @throws io.synapse.plugins.errors.ConfigError when runtime_env names jar URIs a job cannot put on its
     *     class path (only {@code gcs://} packages can be)
     */
    public RayJobExecutor build() {
      return new RayJobExecutor(settings(), contextSettings());
    }

    /** The executor's settings: what {@link RayJobBackend} keeps one executor per. */
    JobSettings settings() {
      ClusterSettings cluster = clusterSettings();
      cluster.runtimeEnv().requireJobCompatible();
      return new JobSettings(cluster.dashboardUrl() == null ? cluster.withDashboardUrl(DEFAULT_DASHBOARD_URL) : cluster,
          entrypointNumCpus, entrypointNumGpus, entrypointMemory, entrypointResources, metadata, inheritedEnv, javaCommand, plugin,
          resultKeyFile != null ? resultKeyFile : ResultKeys.defaultFile(), executeTimeout);
    }
  }
}
