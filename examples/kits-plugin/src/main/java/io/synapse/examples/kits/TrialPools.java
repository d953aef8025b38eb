package io.synapse.examples.kits;

import io.synapse.plugins.executors.ray.RayActorExecutor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The warm TASK pools the training's trials and the upload's shards run on, one per Ray address and
 * environment, kept for the JVM's life. {@value #DASHBOARD} names the cluster's dashboard, which a pool
 * uploads its code through (default: the head's address on Ray's port 8265).
 */
public final class TrialPools {
  /** The environment variable naming the dashboard URL of the cluster the pools run on. */
  public static final String DASHBOARD = "KITS_DEMO_RAY_DASHBOARD";
  private static final Map<String, RayActorExecutor> POOLS = new ConcurrentHashMap<>();

  private TrialPools() {}

  static RayActorExecutor pool(String address, Map<String, String> env) {
    Map<String, String> workerEnv = new java.util.TreeMap<>(env);
    workerEnv.remove("KITS_DEMO_TRIAL_RAY_ADDRESS");
    workerEnv.remove("KITS_DEMO_SHARD_RAY_ADDRESS");
    String dashboard = workerEnv.remove(DASHBOARD);
    // The workers' environment is part of the key: a pool answers only runs that would see the same one.
    return POOLS.computeIfAbsent(address + " " + dashboard + " " + workerEnv, key -> {
      RayActorExecutor.Builder builder = RayActorExecutor.builder().address(address).numActors(2)
          .env(new LinkedHashMap<>(workerEnv)).scheduleTimeout(Duration.ofSeconds(120));
      return (dashboard == null ? builder : builder.dashboardUrl(dashboard)).build();
    });
  }

  /** Closes every pool. */
  public static void closeAll() {
    POOLS.values().forEach(RayActorExecutor::close);
    POOLS.clear();
  }
}
