package io.synapse.plugins.executors.ray;

import io.synapse.plugins.context.ContextSettings;
import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.context.PluginEvent;
import io.synapse.plugins.context.Redactor;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.executors.JobMain;
import io.synapse.plugins.executors.PipelineJobMain;
import io.synapse.plugins.spi.ActionDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The JOB backend: runs each action as a Ray Job through the dashboard's Job Submission REST API, fully
 * isolated in a JVM of its own on a cluster node. {@link #submit} returns the submission id at once;
 * {@link #wait(String, Duration)} returns the same typed result a LOCAL or TASK run returns, or raises
 * the same typed errors.
 *
 * <pre>{@code
 * RayJobExecutor jobs = RayJobExecutor.builder().dashboardUrl("http://10.0.0.5:8265").build();
 * String id = jobs.submit(TrainAction_Descriptor.INSTANCE, Map.of("epochs", 10));
 * TrainResult result = (TrainResult) jobs.wait(id, Duration.ofHours(1));
 * }</pre>
 *
 * <p><b>What travels.</b> The same content-addressed code package a TASK pool uses (this JVM's class path
 * without Ray's jars, plus the plugin's jars), uploaded only when the cluster does not have it; the run's
 * working directory, if any, as the job's {@code working_dir}; and a small per-submission request package
 * holding the params, the environment and the result marker, so params of any size travel there and never
 * in the entrypoint or the environment. The entrypoint runs {@link JobMain}, which runs the request with
 * the worker routine a TASK actor runs.
 *
 * <p><b>Secrets.</b> The values of {@code @Secret} params and of environment entries with secret-looking
 * names travel only inside the request package. They never reach the job's metadata or runtime_env
 * (which the dashboard shows), and are hidden in the logs and errors this class returns.
 *
 * <p>Needs nothing of Ray on this JVM's class path: only HTTP. Thread-safe.
 */
public final class RayJobExecutor {
  /** The dashboard URL used when none is given and {@code SYNAPSE_RAY_DASHBOARD} is not set. */
  public static final String DEFAULT_DASHBOARD_URL = "http://127.0.0.1:8265";
  /** Error code: nothing answers at the dashboard URL. */
  public static final String DASHBOARD_UNREACHABLE = "ray_dashboard_unreachable";
  /** Error code: the dashboard answered with an error status or a body that is not JSON, or did not answer in time. */
  public static final String DASHBOARD_ERROR = "ray_dashboard_error";
  /** Error code: the dashboard knows no job with that id. */
  public static final String JOB_NOT_FOUND = "job_not_found";
  /** Error code: {@link #wait(String, Duration)} ran out of time; the job keeps running. */
  public static final String TIMEOUT = "timeout";

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
    DashboardClient client = settings.cluster().client(settings.cluster().dashboardUrl());
    this.uploader = new PackageUploader(client);
    this.submitter = new JobSubmitter(settings, context, client, uploader, submissions);
    this.monitor = new JobMonitor(client, submissions, settings.cluster().requestTimeout());
    this.results = new JobResults(monitor, submissions, context.sink());
  }

  /**
   * A builder with the defaults: {@code SYNAPSE_RAY_DASHBOARD}, else {@value #DEFAULT_DASHBOARD_URL}; 60 s per
   * HTTP request; no resource requests.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The dashboard URL this executor talks to. */
  public String dashboardUrl() {
    return uploader.dashboardUrl();
  }

  /**
   * Submits {@code action} with params built in Java, checked first by the rules untyped params are bound by
   * (unless {@link Builder#validateOnDriver(boolean) validateOnDriver(false)}).
   *
   * @return the submission id
   * @throws ValidationError listing every violated field (nothing is submitted)
   * @throws PluginError {@value #DASHBOARD_UNREACHABLE} or {@value #DASHBOARD_ERROR} when submitting fails
   */
  public <P extends Record, R> String submit(ActionDescriptor<P, R> action, P params) {
    Map<String, Object> written = action.writeParams(Objects.requireNonNull(params, "params"));
    P checked = settings.cluster().validateOnDriver() ? action.bindParams(written) : params;
    return submitter.submit(null, action, written, action.secretValues(checked), context);
  }

  /**
   * Submits {@code action} with untyped params. They are bound and validated here first (unless
   * {@link Builder#validateOnDriver(boolean) validateOnDriver(false)}), so bad params fail before anything
   * is uploaded.
   *
   * @throws ValidationError listing every violated field (nothing is submitted)
   */
  public String submit(ActionDescriptor<?, ?> action, Map<String, ?> params) {
    return submitUntyped(null, action, params, context);
  }

  /**
   * Submits action {@code action} of {@code plugin} (found by code, package or path) with untyped params.
   * A plugin loaded from a path ships its own jars.
   *
   * @throws io.synapse.plugins.errors.ActionNotFoundError when the plugin has no such action
   */
  public String submit(PluginDiscovery plugin, String action, Map<String, ?> params) {
    return submitUntyped(plugin, plugin.descriptor(action), params, context);
  }

  private <P extends Record> String submitUntyped(PluginDiscovery plugin, ActionDescriptor<P, ?> action, Map<String, ?> params,
      ContextSettings call) {
    Map<String, ?> input = params == null ? Map.of() : params;
    if (settings.cluster().validateOnDriver()) {
      P bound = action.bindParams(input);
      return submitter.submit(plugin, action, action.writeParams(bound), action.secretValues(bound), call);
    }
    Set<String> secrets;
    try {
      secrets = action.secretValues(action.bindParams(input));
    } catch (ValidationError e) {
      // The job reports the violations; the driver only wanted to know what to hide.
      secrets = Set.of();
    }
    return submitter.submit(plugin, action, new LinkedHashMap<>(input), secrets, call);
  }

  /** Submits bound, validated params with the call's environment, job id and working directory ({@link RayJobBackend}). */
  <P extends Record> String submitBound(PluginDiscovery plugin, ActionDescriptor<P, ?> action, P params, ContextSettings call) {
    return submitter.submit(plugin, action, action.writeParams(params), action.secretValues(params), call);
  }

  /** Like {@link #wait(String, Duration)}, the job's events replayed to {@code sink} (a pipeline's action). */
  Object wait(String submissionId, Duration timeout, EventSink sink) {
    return results.wait(submissionId, timeout, sink);
  }

  /**
   * Submits a whole pipeline run as one job: its entrypoint is {@code PipelineJobMain}, which resumes the run
   * from the store; the code package is the plugin's, as for its actions' jobs.
   */
  String submitPipeline(PluginDiscovery plugin, ActionDescriptor<?, ?> lastAction, String pipeline, String runId, String storeUrl,
      Map<String, Object> secretParams, String runDir, ContextSettings call) {
    Set<String> secrets = new java.util.LinkedHashSet<>();
    secretParams.values().forEach(value -> secrets.add(String.valueOf(value)));
    secrets.add(storeUrl);
    return submitter.submit(plugin, lastAction, pipeline, secrets, call, PipelineJobMain.class.getName(),
        Map.of("synapse.pipeline", pipeline, "synapse.run_id", runId),
        (submissionId, variables, jobId, workingDir, language, marker, runContext) -> PipelineJobMain.request(lastAction.pluginCode(),
            pipeline, runId, storeUrl, variables, jobId, workingDir, language, marker, runContext, secretParams, runDir));
  }

  /**
   * The job's state.
   *
   * @throws PluginError {@value #JOB_NOT_FOUND} when the dashboard knows no such job
   */
  public JobStatus getStatus(String submissionId) {
    return JobStatus.parse(monitor.details(submissionId).get("status"));
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
    return JobOutput.progress(monitor.rawLogs(submissionId));
  }

  /** The events the action reported so far, in order, secrets hidden. */
  public List<PluginEvent> getEvents(String submissionId) {
    return JobOutput.events(monitor.rawLogs(submissionId));
  }

  /**
   * Waits until the job ends and returns the action's result: the same typed object a LOCAL run returns
   * (for jobs this executor did not submit, the plugin is looked up from the job's metadata; when it
   * is not on this class path the result is the JSON-like value). The action's events go to the
   * builder's sink.
   *
   * @throws ValidationError when the params were invalid in the job, with every violation
   * @throws ExecutionError when the action failed, or the job FAILED or was STOPPED; its details hold the
   *     job id, Ray's message and the tail of the log
   * @throws PluginError {@value #TIMEOUT} when {@code timeout} passes first (the job keeps running)
   */
  public Object wait(String submissionId, Duration timeout) {
    return results.wait(submissionId, timeout);
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
   * job id is the context's (default: the submission id); the working directory is shipped as the job's
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

    private Builder() {
      super(EventSink.discarding());
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
          entrypointNumCpus, entrypointNumGpus, entrypointMemory, entrypointResources, metadata, inheritedEnv, javaCommand);
    }
  }
}
