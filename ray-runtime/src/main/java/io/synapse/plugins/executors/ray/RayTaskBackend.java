package io.synapse.plugins.executors.ray;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.spi.ExecutionBackend;
import io.synapse.plugins.spi.ExecutionRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Serves {@code runPlugin(..., ExecutionMode.TASK, options)}: keeps one warm {@link RayActorExecutor}
 * per distinct set of pool options (see {@link RayOptions}) and shuts them all down at JVM exit.
 * Registered through {@code META-INF/services}.
 */
public final class RayTaskBackend implements ExecutionBackend {
  private static final ConcurrentMap<String, RayActorExecutor> POOLS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(RayTaskBackend::shutdownAll, "synapse-ray-pools-shutdown"));
  }

  /** For {@link java.util.ServiceLoader}. */
  public RayTaskBackend() {}

  @Override
  public ExecutionMode mode() {
    return ExecutionMode.TASK;
  }

  @Override
  public Object run(ExecutionRequest request) {
    try {
      return runOnPool(request);
    } catch (NoClassDefFoundError e) {
      throw RaySupport.runtimeMissing(e);
    }
  }

  private static Object runOnPool(ExecutionRequest request) {
    RunOptions options = request.options();
    List<Path> pluginClassPath = new ArrayList<>();
    if (request.plugin() != null && request.plugin().source().isPresent()) {
      pluginClassPath.addAll(request.plugin().classPath());
    }
    RayActorExecutor.Builder builder = builderFor(options, pluginClassPath);
    RayActorExecutor pool = POOLS.computeIfAbsent(builder.poolKey(), key -> builder.build());
    return call(pool, request.action(), request.params(), options);
  }

  /** Closes every pool this backend started; the next TASK run starts a new one. */
  public static void shutdownAll() {
    List<RayActorExecutor> pools = new ArrayList<>(POOLS.values());
    POOLS.clear();
    pools.forEach(RayActorExecutor::close);
  }

  /** How many pools are warm right now. */
  public static int poolCount() {
    return POOLS.size();
  }

  private static <P extends Record, R> R call(RayActorExecutor pool, ActionDescriptor<P, R> action, Record params, RunOptions options) {
    P typed = action.paramsType().cast(params);
    return pool.call(action, action.writeParams(typed), options.env(), options.jobId(), options.sink());
  }

  private static RayActorExecutor.Builder builderFor(RunOptions options, List<Path> pluginClassPath) {
    RayActorExecutor.Builder builder = RayActorExecutor.builder().pluginClassPath(pluginClassPath);
    Map<String, Object> given = options.options();
    if (given.containsKey(RayOptions.ADDRESS)) {
      builder.address(String.valueOf(given.get(RayOptions.ADDRESS)));
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
    if (given.containsKey(RayOptions.CALL_TIMEOUT)) {
      builder.callTimeout(RayOptions.duration(given, RayOptions.CALL_TIMEOUT));
    }
    if (given.containsKey(RayOptions.SCHEDULE_TIMEOUT)) {
      builder.scheduleTimeout(RayOptions.duration(given, RayOptions.SCHEDULE_TIMEOUT));
    }
    if (given.containsKey(RayOptions.NAMESPACE)) {
      builder.namespace(String.valueOf(given.get(RayOptions.NAMESPACE)));
    }
    return builder;
  }


}
