package io.synapse.plugins.executors.ray;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.executors.ExecutionBackend;
import io.synapse.plugins.executors.ExecutionRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Serves {@code runPlugin(..., ExecutionMode.JOB, options)}: submits the run as a Ray Job and returns its
 * submission id. The executor's settings come from {@link RayOptions} keys and
 * {@link RunOptions#runtimeEnv()} (one executor per distinct {@link JobSettings}); each submission brings
 * {@link RunOptions#env()} (the action's environment), {@link RunOptions#jobId()} (its context's job id,
 * default: the submission id) and {@link RunOptions#workingDir()} (shipped as the job's working_dir).
 * Registered through {@code META-INF/services}.
 */
public final class RayJobBackend implements ExecutionBackend {
  private static final ConcurrentMap<JobSettings, RayJobExecutor> EXECUTORS = new ConcurrentHashMap<>();

  /** For {@link java.util.ServiceLoader}. */
  public RayJobBackend() {}

  @Override
  public ExecutionMode mode() {
    return ExecutionMode.JOB;
  }

  @Override
  public <P extends Record, R> Object run(ExecutionRequest<P, R> request) {
    RayJobExecutor executor = executor(request.options());
    return executor.submitBound(request.plugin().orElse(null), request.action(), request.params(), request.options().context());
  }

  /**
   * Submits the request as a job and waits for its result (each action of a JOB pipeline run from the driver),
   * the job's events replayed to the request's sink; waits at most {@value RayOptions#JOB_WAIT_TIMEOUT}
   * (default 24 hours).
   */
  @Override
  @SuppressWarnings("unchecked")
  public <P extends Record, R> R runToResult(ExecutionRequest<P, R> request) {
    RayJobExecutor executor = executor(request.options());
    String id = executor.submitBound(request.plugin().orElse(null), request.action(), request.params(), request.options().context());
    java.time.Duration timeout = request.options().options().containsKey(RayOptions.JOB_WAIT_TIMEOUT)
        ? RayOptions.duration(request.options().options(), RayOptions.JOB_WAIT_TIMEOUT) : java.time.Duration.ofHours(24);
    return (R) executor.wait(id, timeout, request.options().sink());
  }

  /**
   * The executor {@code runPlugin} uses for {@code options} (one per distinct set of settings), for
   * waiting on the ids it returned: {@code RayJobBackend.executor(options).wait(id, timeout)}.
   */
  public static RayJobExecutor executor(RunOptions options) {
    RayJobExecutor.Builder builder = builderFor(options);
    return EXECUTORS.computeIfAbsent(builder.settings(), settings -> new RayJobExecutor(settings, builder.contextSettings()));
  }

  static RayJobExecutor.Builder builderFor(RunOptions options) {
    RayJobExecutor.Builder builder = RayJobExecutor.builder();
    Map<String, Object> given = options.options();
    if (given.containsKey(RayOptions.DASHBOARD_URL)) {
      builder.dashboardUrl(String.valueOf(given.get(RayOptions.DASHBOARD_URL)));
    }
    if (given.containsKey(RayOptions.DASHBOARD_HEADERS)) {
      builder.headers(RayOptions.stringMap(given, RayOptions.DASHBOARD_HEADERS));
    }
    if (given.containsKey(RayOptions.JOB_NUM_CPUS)) {
      builder.entrypointNumCpus(RayOptions.number(given, RayOptions.JOB_NUM_CPUS).doubleValue());
    }
    if (given.containsKey(RayOptions.JOB_NUM_GPUS)) {
      builder.entrypointNumGpus(RayOptions.number(given, RayOptions.JOB_NUM_GPUS).doubleValue());
    }
    if (given.containsKey(RayOptions.JOB_MEMORY)) {
      builder.entrypointMemory(RayOptions.number(given, RayOptions.JOB_MEMORY).longValue());
    }
    if (given.containsKey(RayOptions.JOB_RESOURCES)) {
      RayOptions.numberMap(given, RayOptions.JOB_RESOURCES).forEach(builder::entrypointResource);
    }
    if (given.containsKey(RayOptions.JOB_METADATA)) {
      builder.metadata(RayOptions.stringMap(given, RayOptions.JOB_METADATA));
    }
    if (given.containsKey(RayOptions.JOB_INHERIT_ENV)) {
      builder.inheritEnv(RayOptions.list(given, RayOptions.JOB_INHERIT_ENV, ","));
    }
    if (given.containsKey(RayOptions.JOB_JVM_OPTIONS)) {
      builder.jvmOptions(RayOptions.list(given, RayOptions.JOB_JVM_OPTIONS, " "));
    }
    if (given.containsKey(RayOptions.REQUEST_TIMEOUT)) {
      builder.requestTimeout(RayOptions.duration(given, RayOptions.REQUEST_TIMEOUT));
    }
    if (given.containsKey(RayOptions.WORKING_DIR_LIMIT)) {
      builder.workingDirLimit(RayOptions.number(given, RayOptions.WORKING_DIR_LIMIT).longValue());
    }
    if (!options.runtimeEnv().isEmpty()) {
      builder.runtimeEnv(options.runtimeEnv());
    }
    return builder;
  }
}
