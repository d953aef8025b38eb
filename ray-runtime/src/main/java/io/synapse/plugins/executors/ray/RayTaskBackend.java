package io.synapse.plugins.executors.ray;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.executors.ExecutionBackend;
import io.synapse.plugins.executors.ExecutionRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves {@code runPlugin(..., ExecutionMode.TASK, options)}: keeps one warm {@link RayActorExecutor}
 * per distinct pool ({@link TaskSettings}, from the {@link RayOptions} keys, {@link RunOptions#runtimeEnv()},
 * {@link RunOptions#workingDir()} and the plugin's own jars); at JVM exit it releases their packages and
 * leaves the actors to the cluster, which ends them with the driver. Each call
 * brings its own environment, job id and sink. Registered through {@code META-INF/services}.
 *
 * <p>The exit hook is installed with the first pool (so a JVM without Ray never runs it) and gives up after
 * {@link #SHUTDOWN_DEADLINE}: a cluster that no longer answers cannot keep the JVM from exiting.
 */
public final class RayTaskBackend implements ExecutionBackend {
  /** How long the exit hook may take to release the pools before the JVM exits anyway. */
  public static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(5);
  private static final ConcurrentMap<TaskSettings, RayActorExecutor> POOLS = new ConcurrentHashMap<>();
  private static final AtomicBoolean HOOKED = new AtomicBoolean();

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
      RayActorExecutor pool = POOLS.computeIfAbsent(builder.settings(), settings -> {
        RayActorExecutor created = new RayActorExecutor(settings, builder.contextSettings());
        installExitHook();
        return created;
      });
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

  // At exit the pools are only abandoned: killing actors while Ray's own shutdown runs can block in Ray's
  // native code, and the cluster ends a driver's actors when the driver goes. Even that is bounded.
  private static void installExitHook() {
    if (HOOKED.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(RayTaskBackend::abandonAllWithinDeadline, "synapse-ray-pools-shutdown"));
    }
  }

  private static void abandonAllWithinDeadline() {
    Thread worker = new Thread(RayTaskBackend::abandonAll, "synapse-ray-pools-abandon");
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join(SHUTDOWN_DEADLINE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void abandonAll() {
    List<RayActorExecutor> pools = new ArrayList<>(POOLS.values());
    POOLS.clear();
    for (RayActorExecutor pool : pools) {
      try {
        pool.abandon();
      } catch (RuntimeException | LinkageError e) {
        // The JVM is exiting: nothing is left to tell.
      }
    }
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
