package io.synapse.examples.kits;

import io.synapse.plugins.executors.ray.RayActorExecutor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The warm TASK pools the training's trials run on, one per Ray address, kept for the JVM's life. */
public final class TrialPools {
  private static final Map<String, RayActorExecutor> POOLS = new ConcurrentHashMap<>();

  private TrialPools() {}

  static RayActorExecutor pool(String address, Map<String, String> env) {
    return POOLS.computeIfAbsent(address, key -> {
      Map<String, String> trialEnv = new LinkedHashMap<>(env);
      trialEnv.remove("KITS_DEMO_TRIAL_RAY_ADDRESS");
      return RayActorExecutor.builder().address(key).numActors(2).env(trialEnv).scheduleTimeout(Duration.ofSeconds(120)).build();
    });
  }

  /** Closes every pool. */
  public static void closeAll() {
    POOLS.values().forEach(RayActorExecutor::close);
    POOLS.clear();
  }
}
