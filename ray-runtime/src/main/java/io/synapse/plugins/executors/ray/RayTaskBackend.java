package io.synapse.plugins.executors.ray;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.executors.ExecutionBackend;
import io.synapse.plugins.executors.ExecutionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Serves {@code runPlugin(..., ExecutionMode.TASK, options)}: keeps one warm {@link RayActorExecutor}
 * per distinct pool ({@link TaskSettings}, from the {@link RayOptions} keys, {@link RunOptions#runtimeEnv()},
 * {@link RunOptions#workingDir()} and the plugin's own jars); at JVM exit it releases their packages and
 * leaves the actors to the cluster, which ends them with the driver. Each call
 * brings its own environment, job id and sink. Registered through {@code META-INF/services}.
 */
public final class RayTaskBackend implements ExecutionBackend {
  private static final ConcurrentMap<TaskSettings, RayActorExecutor> POOLS = new ConcurrentHashMap<>();

  static {
    // At exit the pools are only abandoned: killing actors while Ray's own shutdown runs can block in Ray's
    // native code, and the cluster ends a driver's actors when the driver goes.
    Runtime.getRuntime().addShutdownHook(new Thread(RayTaskBackend::abandonAll, "synapse-ray-pools-shutdown"));
  }

  /** For {@link java.util.ServiceLoader}. */
  public RayTaskBackend() {}

  @Override
  public ExecutionMode mode() {
    return ExecutionMode.TASK;
  }

  @Override
  public <P extends Record, R> Object run(ExecutionRequest<P, R> request) {
    try {
      RunOptions options = request.options();
      RayActorExecutor.Builder builder = builderFor(options);
      request.plugin().filter(plugin -> plugin.source().isPresent()).ifPresent(plugin -> builder.pluginClassPath(plugin.classPath()));
      RayActorExecutor pool = POOLS.computeIfAbsent(builder.settings(), settings -> new RayActorExecutor(settings, builder.contextSettings()));
      return pool.call(request.action(), request.action().writeParams(request.params()), options.context());
    } catch (NoClassDefFoundError e) {
      throw RayConnection.runtimeMissing(e);
    }
  }

  /** Closes every pool this backend started; the next TASK run starts a new one. */
  public static void shutdownAll() {
    List<RayActorExecutor> pools = new ArrayList<>(POOLS.values());
    POOLS.clear();
    pools.forEach(RayActorExecutor::close);
  }

  private static void abandonAll() {
    List<RayActorExecutor> pools = new ArrayList<>(POOLS.values());
    POOLS.clear();
    pools.forEach(RayActorExecutor::abandon);
  }

  /** How many pools are warm right now. */
  public static int poolCount() {
    return POOLS.size();
  }

  private static RayActorExecutor.Builder builderFor(RunOptions options) {
    RayActorExecutor.Builder builder = RayActorExecutor.builder().workingDir(options.workingDir().orElse(null));
    Map<String, Object> given = options.options();
    if (given.containsKey(RayOptions.ADDRESS)) {
      builder.address(String.valueOf(given.get(RayOptions.ADDRESS)));
    }
    if (given.containsKey(RayOptions.DASHBOARD_URL)) {
      builder.dashboardUrl(String.valueOf(given.get(RayOptions.DASHBOARD_URL)));
    }
    if (given.containsKey(RayOptions.DASHBOARD_HEADERS)) {
      builder.headers(RayOptions.stringMap(given, RayOptions.DASHBOARD_HEADERS));
    }
    if (given.containsKey(RayOptions.NUM_ACTORS)) {
      builder.numActors(RayOptions.number(given, RayOptions.NUM_ACTORS).intValue());
    }
    if (given.containsKey(RayOptions.NUM_CPUS)) {
      builder.numCpus(RayOptions.number(given, RayOptions.NUM_CPUS).doubleValue());
    }
    if (given.containsKey(RayOptions.NUM_GPUS)) {
      builder.numGpus(RayOptions.number(given, RayOptions.NUM_GPUS).doubleValue());
    }
    if (given.containsKey(RayOptions.MEMORY)) {
      builder.memory(RayOptions.number(given, RayOptions.MEMORY).longValue());
    }
    if (given.containsKey(RayOptions.RESOURCES)) {
      RayOptions.numberMap(given, RayOptions.RESOURCES).forEach(builder::resource);
    }
    if (given.containsKey(RayOptions.CALL_TIMEOUT)) {
      builder.callTimeout(RayOptions.duration(given, RayOptions.CALL_TIMEOUT));
    }
    if (given.containsKey(RayOptions.SCHEDULE_TIMEOUT)) {
      builder.scheduleTimeout(RayOptions.duration(given, RayOptions.SCHEDULE_TIMEOUT));
    }
    if (given.containsKey(RayOptions.NAMESPACE)) {
      builder.namespace(String.valueOf(given.get(RayOptions.NAMESPACE)));
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
