package io.synapse.plugins.executors.ray;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.context.ContextSettings;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.JobConflictError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.executors.remote.JobMain;
import io.synapse.plugins.executors.remote.PipelineJobMain;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import io.synapse.plugins.json.Json;
import io.synapse.plugins.observation.RunObservers;
import io.synapse.plugins.observation.RunScope;
import io.synapse.plugins.spi.ActionDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Submits one run as a Ray Job: builds its packages (the code package, the working directory, a small
 * request package holding the params), puts them into the cluster, and posts the job with its runtime env,
 * entrypoint and metadata.
 *
 * <p><b>Identity.</b> The submission id is the run's job id when it has one (else a fresh
 * {@code synapse-<action>-<hex>}), and the action's context sees that id. Everything the job is given is
 * derived from the id and the submitter's secret ({@link ResultKeys}): the marker framing its outcome and
 * the key that seals it, so equal requests make equal request packages. The job's metadata holds a digest
 * of the request ({@value #META_REQUEST}, an HMAC, so no secret param can be guessed from it) and a tag
 * binding the id to the secret's holder ({@value #META_SUBMITTER}). Submitting
 * again with an id the cluster knows returns that job when its digest is this request's, and is a
 * {@link JobConflictError} otherwise; the cluster's own check makes concurrent submits of one id end in one
 * job. So a submit may be retried, with the same id, after any failure.
 *
 * <p>The job's {@code py_modules} are the code package, the request package and any {@code gcs://} jar
 * packages of runtime_env; its {@code working_dir} is the run's working directory, so the entrypoint runs
 * in it. The entrypoint is a {@code /bin/sh} command that finds each package's directory in the
 * {@code PYTHONPATH} Ray gives the job and starts {@link JobMain} with the code package's manifest jar on
 * the class path.
 */
final class JobSubmitter {
  /** Metadata keys this backend sets on each job. */
  static final String META_PLUGIN = "synapse.plugin";
  static final String META_ACTION = "synapse.action";
  static final String META_REQUEST = "synapse.request";
  static final String META_SUBMITTER = "synapse.submitter";
  private static final SecureRandom RANDOM = new SecureRandom();
  /** The variable by which Ray's job supervisor waits after SIGTERM before it kills a stopped job. */
  private static final String RAY_STOP_WAIT_VARIABLE = "RAY_JOB_STOP_WAIT_TIME_S";
  private static final long STOP_WAIT_MARGIN_SECONDS = 5;

  private final JobSettings settings;
  private final ContextSettings defaults;
  private final DashboardClient client;
  private final PackageUploader uploader;
  private final SubmittedJobs submissions;
  private final ResultKeys keys;

  JobSubmitter(JobSettings settings, ContextSettings defaults, DashboardClient client, PackageUploader uploader, SubmittedJobs submissions,
      ResultKeys keys) {
    this.settings = settings;
    this.defaults = defaults;
    this.client = client;
    this.uploader = uploader;
    this.submissions = submissions;
    this.keys = keys;
  }

  /**
   * Submits {@code action} with written params, the environment of {@code call} added to the executor's, the
   * call's job id (else the executor's) as the submission id, and the call's working directory (else the
   * executor's).
   *
   * @return the submission id
   * @throws JobConflictError when a job with that id exists for another request
   */
  String submit(PluginDiscovery plugin, ActionDescriptor<?, ?> action, Map<String, Object> params, Set<String> secrets,
      ContextSettings call) {
    String given = call.jobId() != null ? call.jobId() : defaults.jobId();
    Map<String, Object> what = new TreeMap<>();
    what.put("plugin", action.pluginCode());
    what.put("action", action.config().name());
    what.put("params", params);
    return submit(plugin, action, action.config().name(), given, secrets, call, JobMain.class.getName(), Map.of(), what,
        (submissionId, variables, jobId, workingDir, language, marker, resultKey, runContext) -> RemoteProtocol.write(
            new RemoteMessage.Request(submissionId, action.pluginCode(), action.config().name(), params, variables, jobId, workingDir,
                language, marker, resultKey, runContext)));
  }

  /** Writes the request file of one submission (one line of JSON the entrypoint reads). */
  interface RequestWriter {
    String write(String submissionId, Map<String, String> variables, String jobId, String workingDir, String language, String marker,
        String resultKey, Map<String, String> runContext);
  }

  /**
   * Submits a job whose entrypoint runs {@code mainClass} with a request file {@code request} writes: the code
   * package is {@code action}'s plugin's (with this JVM's class path), the rest as for an action's job.
   *
   * @param name the job's name in a generated submission id ({@code synapse-<name>-<random>})
   * @param submissionId the submission id to use (a resubmit of the same request is then idempotent), or null for a
   *     generated one
   * @param extraMetadata metadata of this job besides the backend's own keys
   * @param what what the request asks, for its digest: a resubmit under a taken id must ask the same
   */
  String submit(PluginDiscovery plugin, ActionDescriptor<?, ?> action, String name, String submissionId, Set<String> secrets,
      ContextSettings call, String mainClass, Map<String, String> extraMetadata, Map<String, Object> what, RequestWriter request) {
    String id = submissionId != null ? submissionId : "synapse-" + name.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + randomHex(6);
    String jobId = call.jobId() != null ? call.jobId() : defaults.jobId() != null ? defaults.jobId() : id;
    // Observers see the submission from the driver's side and carry their context (a trace parent) into the job.
    RunScope observed = RunObservers.startDriving(action.pluginCode(), name, ExecutionMode.JOB, jobId, null, secrets);
    return RunObservers.finishing(observed, () -> submit(plugin, action, secrets, call, mainClass, extraMetadata, what, request, id,
        jobId, observed));
  }

  private String submit(PluginDiscovery plugin, ActionDescriptor<?, ?> action, Set<String> secrets, ContextSettings call,
      String mainClass, Map<String, String> extraMetadata, Map<String, Object> what, RequestWriter writer, String submissionId,
      String jobId, RunScope observed) {
    byte[] secret = keys.loadOrCreate();
    String marker = ResultKeys.marker(secret, submissionId);
    byte[] resultKey = ResultKeys.resultKey(secret, submissionId);
    SortedMap<String, String> variables = settings.inheritedVariables();
    variables.putAll(defaults.env().asMap());
    variables.putAll(call.env().asMap());
    Redactor redactor = Redactor.builder().environment(PluginEnvironment.of(variables)).secretValues(secrets).build();
    Path workingDir = call.workingDir() != null ? call.workingDir() : defaults.workingDir();
    RuntimeEnvSpec spec = settings.cluster().runtimeEnv().withWorkingDir(workingDir).requireJobCompatible();

    List<Path> classPath = classPathFor(plugin, action);
    spec.jarFiles().forEach(entry -> {
      if (!classPath.contains(entry)) {
        classPath.add(entry);
      }
    });
    ClusterPackage code = CodePackage.of(classPath);
    ClusterPackage directory = spec.workingDir() == null ? null : WorkingDirPackage.of(spec.workingDir(), settings.cluster().workingDirLimit());
    String requestFile = "synapse-request-" + submissionId + ".json";
    String language = call.language() != null ? call.language() : defaults.language();
    Map<String, String> runContext = new TreeMap<>();
    observed.propagate(runContext);
    ClusterPackage request = requestPackage(requestFile, action.config().name(), () -> writer.write(submissionId, variables, jobId,
        spec.hasWorkingDir() ? "." : null, language, marker, HexFormat.of().formatHex(resultKey), runContext));
    Map<String, Object> runtimeEnv = runtimeEnv(spec, code, request, directory, variables);
    String digest = ResultKeys.requestDigest(secret, canonical(what, mainClass, variables, language, runtimeEnv));

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entrypoint", entrypoint(code, spec.jarUris(), requestFile, mainClass));
    body.put("submission_id", submissionId);
    body.put("runtime_env", runtimeEnv);
    Map<String, String> metadata = metadata(action, digest, ResultKeys.submitterTag(secret, submissionId), redactor);
    metadata.putAll(extraMetadata);
    body.put("metadata", metadata);
    if (settings.entrypointNumCpus() != null) {
      body.put("entrypoint_num_cpus", settings.entrypointNumCpus());
    }
    if (settings.entrypointNumGpus() != null) {
      body.put("entrypoint_num_gpus", settings.entrypointNumGpus());
    }
    if (settings.entrypointMemory() != null) {
      body.put("entrypoint_memory", settings.entrypointMemory());
    }
    if (!settings.entrypointResources().isEmpty()) {
      body.put("entrypoint_resources", settings.entrypointResources());
    }
    // Remembered before the POST so that a wait() racing the reply still knows how to read the result.
    SubmittedJobs.Submission submission = new SubmittedJobs.Submission(action, marker, resultKey, redactor);
    SubmittedJobs.Submission previous = submissions.get(submissionId);
    submissions.remember(submissionId, submission);
    try {
      uploader.ensure(code, redactor);
      if (directory != null) {
        uploader.ensure(directory, redactor);
      }
      uploader.ensureUncounted(request, redactor);
      DashboardClient.Reply reply = client.postJson("/api/jobs/", body, true);
      if (isTaken(reply, submissionId)) {
        // This id is taken: by this very request (a retry, or a concurrent submitter) or by another.
        requireSameRequest(submissionId, digest, redactor);
        return submissionId;
      }
      Object json = client.json("POST", "/api/jobs/", reply, redactor);
      Object id = json instanceof Map<?, ?> map ? map.get("submission_id") : null;
      if (!submissionId.equals(id)) {
        throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard accepted the job but answered with submission id " + id
            + " instead of " + submissionId, Map.of("url", client.base().toString(), "submission_id", submissionId));
      }
      return submissionId;
    } catch (RuntimeException e) {
      if (previous != null) {
        submissions.remember(submissionId, previous);
      } else {
        submissions.forget(submissionId);
      }
      throw e;
    }
  }

  /**
   * Whether the dashboard refused the submit because a job with that id exists: Ray's job agent says so with a
   * 400, which the head (Ray 2.39) passes on as a 500 carrying the agent's message.
   */
  static boolean isTaken(DashboardClient.Reply reply, String submissionId) {
    return (reply.status() == 400 || reply.status() == 500) && reply.body() != null
        && reply.body().contains("submission_id " + submissionId + " already exists");
  }

  /** Returns when the existing job {@code submissionId} was submitted for the request of {@code digest}. */
  private void requireSameRequest(String submissionId, String digest, Redactor redactor) {
    String path = JobMonitor.jobPath(submissionId);
    Object json = client.json("GET", path, client.get(path), redactor);
    Object metadata = json instanceof Map<?, ?> map ? map.get("metadata") : null;
    Object existing = metadata instanceof Map<?, ?> values ? values.get(META_REQUEST) : null;
    if (!digest.equals(existing)) {
      throw new JobConflictError(submissionId, "A job with id '" + submissionId + "' already exists on " + client.base() + " for another "
          + (existing == null ? "submitter (it was not submitted by synapse with this key)" : "request (another action, params,"
          + " environment or working directory)") + ": give another job id, or the same request to get that job",
          Map.of("url", client.base().toString()));
    }
  }

  /**
   * The request as one deterministic text: what was asked (plugin, action, params, environment, language,
   * working directory and runtime env), not the code package it runs from.
   */
  private String canonical(Map<String, Object> what, String mainClass, Map<String, String> variables, String language,
      Map<String, Object> runtimeEnv) {
    Map<String, Object> env = new LinkedHashMap<>(runtimeEnv);
    Object modules = env.get("py_modules");
    if (modules instanceof List<?> list && !list.isEmpty()) {
      env.put("py_modules", list.subList(2, list.size()));
    }
    Map<String, Object> text = new TreeMap<>(what);
    text.put("entrypoint", mainClass);
    text.put("env", variables);
    text.put("language", language);
    text.put("runtime_env", env);
    text.put("jvm_options", settings.cluster().jvmOptions());
    text.put("java", settings.javaCommand());
    text.put("resources", java.util.Arrays.asList(settings.entrypointNumCpus(), settings.entrypointNumGpus(), settings.entrypointMemory(),
        settings.entrypointResources()));
    return Json.write(sorted(text));
  }

  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new TreeMap<>();
      map.forEach((key, item) -> copy.put(String.valueOf(key), sorted(item)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(sorted(item)));
      return copy;
    }
    return value;
  }

  /** The code package a submit of {@code action} (found by code) would use. */
  ClusterPackage codePackage(ActionDescriptor<?, ?> action) {
    return CodePackage.of(classPathFor(null, action));
  }

  private List<Path> classPathFor(PluginDiscovery plugin, ActionDescriptor<?, ?> action) {
    Set<Path> entries = new LinkedHashSet<>();
    List<Path> runtime = settings.cluster().classPath();
    for (Path entry : runtime != null ? runtime : RayConnection.defaultClassPath()) {
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

  static ClusterPackage requestPackage(String fileName, String action, java.util.function.Supplier<String> request) {
    String line;
    try {
      line = request.get();
    } catch (PluginError | IllegalArgumentException e) {
      throw new ConfigError("The params of '" + action + "' cannot be written as JSON: " + e.getMessage(), Map.of("action", action), e);
    }
    return ClusterPackage.of(new TreeMap<>(Map.of(fileName, line.getBytes(StandardCharsets.UTF_8))));
  }

  private String entrypoint(ClusterPackage code, List<String> jarUris, String requestFile, String mainClass) {
    StringBuilder line = new StringBuilder("p() { printf '%s\\n' \"$PYTHONPATH\" | tr ':' '\\n' | grep -m 1 \"/$1\\$\"; }; ");
    line.append(locate("c", code.directoryName()));
    StringBuilder classPath = new StringBuilder("\"$c/").append(CodePackage.LAUNCHER);
    for (int i = 0; i < jarUris.size(); i++) {
      String uri = jarUris.get(i);
      String directory = uri.substring("gcs://".length(), uri.length() - ".zip".length());
      line.append(locate("j" + i, directory));
      classPath.append(":$j").append(i).append("/*:$j").append(i);
    }
    classPath.append('"');
    line.append("exec ").append(shellQuote(settings.javaCommand()));
    for (String option : settings.cluster().jvmOptions()) {
      line.append(' ').append(shellQuote(option));
    }
    line.append(" -cp ").append(classPath).append(' ').append(mainClass).append(' ').append(shellQuote(requestFile));
    return line.toString();
  }

  private static String locate(String variable, String directory) {
    return variable + "=$(p " + directory + ") || { echo 'synapse: package " + directory + " is not on the job PYTHONPATH' >&2; exit 2; }; ";
  }

  /** {@code text} as one word for {@code /bin/sh} (Ray runs the entrypoint through a shell). */
  static String shellQuote(String text) {
    if (!text.isEmpty() && text.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return text;
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }

  private Map<String, Object> runtimeEnv(RuntimeEnvSpec spec, ClusterPackage code, ClusterPackage request, ClusterPackage directory,
      Map<String, String> variables) {
    Map<String, Object> env = new LinkedHashMap<>();
    if (directory != null) {
      env.put("working_dir", directory.uri());
    } else if (spec.workingDirUri() != null) {
      env.put("working_dir", spec.workingDirUri());
    }
    List<String> modules = new ArrayList<>();
    modules.add(code.uri());
    modules.add(request.uri());
    modules.addAll(spec.jarUris());
    env.put("py_modules", modules);
    Map<String, String> processVariables = new TreeMap<>(spec.envVars());
    variables.forEach((name, value) -> {
      // Secret-looking variables reach the action only through ctx().env(), inside the request package:
      // runtime_env is shown by the dashboard and by every job listing.
      if (!PluginEnvironment.isSecretName(name)) {
        processVariables.put(name, value);
      }
    });
    // A stopped job's JVM gets the grace period to roll back and report; Ray's supervisor (which reads the
    // job's env_vars too) sends SIGKILL only a little after it.
    long graceMillis = settings.cluster().cancelGrace().toMillis();
    processVariables.put(JobMain.CANCEL_GRACE_VARIABLE, Long.toString(graceMillis));
    processVariables.put(RAY_STOP_WAIT_VARIABLE, Long.toString((graceMillis + 999) / 1000 + STOP_WAIT_MARGIN_SECONDS));
    env.put("env_vars", processVariables);
    if (!spec.config().isEmpty()) {
      env.put("config", spec.config());
    }
    return env;
  }

  private Map<String, String> metadata(ActionDescriptor<?, ?> action, String digest, String submitter, Redactor redactor) {
    Map<String, String> metadata = new TreeMap<>();
    settings.metadata().forEach((key, value) -> metadata.put(key, redactor.isSecretName(key) ? Redactor.MASK : redactor.redact(value)));
    metadata.put(META_PLUGIN, action.pluginCode());
    metadata.put(META_ACTION, action.config().name());
    metadata.put(META_REQUEST, digest);
    metadata.put(META_SUBMITTER, submitter);
    return metadata;
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /**
   * Submits untyped params: bound and written on the driver when the cluster settings say so, else as given
   * (the job reports the violations), their secrets hidden either way.
   */
  <P extends Record> String submitUntyped(PluginDiscovery plugin, ActionDescriptor<P, ?> action, Map<String, ?> params,
      ContextSettings call) {
    Map<String, ?> input = params == null ? Map.of() : params;
    if (settings.cluster().validateOnDriver()) {
      P bound = action.bindParams(input);
      return submit(plugin, action, action.writeParams(bound), action.secretValues(bound), call);
    }
    Set<String> secrets;
    try {
      secrets = action.secretValues(action.bindParams(input));
    } catch (ValidationError e) {
      // The job reports the violations; the driver only wanted to know what to hide.
      secrets = Set.of();
    }
    return submit(plugin, action, new LinkedHashMap<>(input), secrets, call);
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
    Map<String, Object> what = new java.util.TreeMap<>();
    what.put("plugin", lastAction.pluginCode());
    what.put("pipeline", pipeline);
    what.put("run_id", runId);
    // Always a new submission id: a run stopped as one job resumes as another.
    return submit(plugin, lastAction, pipeline, null, secrets, call, PipelineJobMain.class.getName(),
        Map.of("synapse.pipeline", pipeline, "synapse.run_id", runId), what,
        (submissionId, variables, jobId, workingDir, language, marker, resultKey, runContext) -> PipelineJobMain.request(submissionId,
            lastAction.pluginCode(), pipeline, runId, storeUrl, variables, jobId, workingDir, language, marker, resultKey, runContext,
            secretParams, runDir));
  }
}
