package io.synapse.plugins.executors.ray;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.context.ContextSettings;
import io.synapse.plugins.context.PluginEnvironment;
import io.synapse.plugins.context.Redactor;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.JobMain;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
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
 * <p>The job's {@code py_modules} are the code package, the request package and any {@code gcs://} jar
 * packages of runtime_env; its {@code working_dir} is the run's working directory, so the entrypoint runs
 * in it. The entrypoint is a {@code /bin/sh} command that finds each package's directory in the
 * {@code PYTHONPATH} Ray gives the job and starts {@link JobMain} with the code package's manifest jar on
 * the class path.
 */
final class JobSubmitter {
  /** Metadata keys this backend sets on each job. */
  static final String META_PLUGIN = "synapse.plugin";
  static final String META_PLUGIN_SOURCE = "synapse.plugin_source";
  static final String META_ACTION = "synapse.action";
  static final String META_MARKER = "synapse.marker";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JobSettings settings;
  private final ContextSettings defaults;
  private final DashboardClient client;
  private final PackageUploader uploader;
  private final SubmittedJobs submissions;

  JobSubmitter(JobSettings settings, ContextSettings defaults, DashboardClient client, PackageUploader uploader, SubmittedJobs submissions) {
    this.settings = settings;
    this.defaults = defaults;
    this.client = client;
    this.uploader = uploader;
    this.submissions = submissions;
  }

  /**
   * Submits {@code action} with written params, the environment and job id of {@code call} added to the
   * executor's, and the call's working directory (else the executor's).
   *
   * @return the submission id
   */
  String submit(PluginDiscovery plugin, ActionDescriptor<?, ?> action, Map<String, Object> params, Set<String> secrets,
      ContextSettings call) {
    return submit(plugin, action, action.config().name(), secrets, call, JobMain.class.getName(), Map.of(),
        (submissionId, variables, jobId, workingDir, language, marker, runContext) -> RemoteProtocol.write(new RemoteMessage.Request(
            submissionId, action.pluginCode(), action.config().name(), params, variables, jobId, workingDir, language, marker, runContext)));
  }

  /** Writes the request file of one submission (one line of JSON the entrypoint reads). */
  interface RequestWriter {
    String write(String submissionId, Map<String, String> variables, String jobId, String workingDir, String language, String marker,
        Map<String, String> runContext);
  }

  /**
   * Submits a job whose entrypoint runs {@code mainClass} with a request file {@code request} writes: the code
   * package is {@code action}'s plugin's (with this JVM's class path), the rest as for an action's job.
   *
   * @param name the job's name in its submission id ({@code synapse-<name>-<random>})
   * @param extraMetadata metadata of this job besides the backend's own keys
   */
  String submit(PluginDiscovery plugin, ActionDescriptor<?, ?> action, String name, Set<String> secrets, ContextSettings call,
      String mainClass, Map<String, String> extraMetadata, RequestWriter request) {
    String submissionId = "synapse-" + name.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + randomHex(6);
    String jobId = call.jobId() != null ? call.jobId() : defaults.jobId() != null ? defaults.jobId() : submissionId;
    // Observers see the submission from the driver's side and carry their context (a trace parent) into the job.
    RunScope observed = RunObservers.startDriving(action.pluginCode(), name, ExecutionMode.JOB, jobId, null, secrets);
    return RunObservers.finishing(observed, () -> submit(plugin, action, secrets, call, mainClass, extraMetadata, request,
        submissionId, jobId, observed));
  }

  private String submit(PluginDiscovery plugin, ActionDescriptor<?, ?> action, Set<String> secrets, ContextSettings call,
      String mainClass, Map<String, String> extraMetadata, RequestWriter request, String submissionId, String jobId,
      RunScope observed) {
    String marker = randomHex(16);
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
    ClusterPackage requestPackage = requestPackage(requestFile, action.config().name(),
        () -> request.write(submissionId, variables, jobId, spec.hasWorkingDir() ? "." : null, language, marker, runContext));
    uploader.ensure(code, redactor);
    if (directory != null) {
      uploader.ensure(directory, redactor);
    }
    uploader.uploadNew(requestPackage, redactor);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entrypoint", entrypoint(code, spec.jarUris(), requestFile, mainClass));
    body.put("submission_id", submissionId);
    body.put("runtime_env", runtimeEnv(spec, code, requestPackage, directory, variables));
    Map<String, String> metadata = metadata(plugin, action, marker, redactor);
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
    // Remembered before the POST so that a wait() racing the reply still knows the marker.
    submissions.remember(submissionId, new SubmittedJobs.Submission(action, marker, redactor));
    try {
      Object reply = client.json("POST", "/api/jobs/", postJob(body), redactor);
      Object id = reply instanceof Map<?, ?> map ? map.get("submission_id") : null;
      if (!submissionId.equals(id)) {
        throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard accepted the job but answered with submission id " + id
            + " instead of " + submissionId, Map.of("url", client.base().toString(), "submission_id", submissionId));
      }
      return submissionId;
    } catch (RuntimeException e) {
      submissions.forget(submissionId);
      throw e;
    }
  }

  /** The code package a submit of {@code action} (found by code) would use. */
  ClusterPackage codePackage(ActionDescriptor<?, ?> action) {
    return CodePackage.of(classPathFor(null, action));
  }

  /**
   * Posts the job. A dashboard whose job agent is not up yet (just after the cluster started) answers
   * 500 "No available agent" after waiting 10 s itself; that is retried twice, as its message asks.
   */
  private DashboardClient.Reply postJob(Map<String, Object> body) {
    DashboardClient.Reply reply = client.postJson("/api/jobs/", body);
    for (int retry = 0; retry < 2 && agentNotReady(reply); retry++) {
      RayJobExecutor.sleep(500);
      reply = client.postJson("/api/jobs/", body);
    }
    return reply;
  }

  private static boolean agentNotReady(DashboardClient.Reply reply) {
    return reply.status() == 500 && reply.body() != null && reply.body().contains("No available agent");
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
    if (!processVariables.isEmpty()) {
      env.put("env_vars", processVariables);
    }
    if (!spec.config().isEmpty()) {
      env.put("config", spec.config());
    }
    return env;
  }

  private Map<String, String> metadata(PluginDiscovery plugin, ActionDescriptor<?, ?> action, String marker, Redactor redactor) {
    Map<String, String> metadata = new TreeMap<>();
    settings.metadata().forEach((key, value) -> metadata.put(key, redactor.isSecretName(key) ? Redactor.MASK : redactor.redact(value)));
    metadata.put(META_PLUGIN, action.pluginCode());
    metadata.put(META_ACTION, action.config().name());
    metadata.put(META_MARKER, marker);
    if (plugin != null && plugin.source().isPresent()) {
      metadata.put(META_PLUGIN_SOURCE, plugin.source().get().toAbsolutePath().toString());
    }
    return metadata;
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
