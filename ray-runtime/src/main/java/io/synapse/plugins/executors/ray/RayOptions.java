package io.synapse.plugins.executors.ray;

/**
 * Keys of {@link io.synapse.plugins.RunOptions.Builder#option(String, Object)} that the Ray backends read
 * when {@code PluginRunner.runPlugin} runs in TASK mode. Runs with equal options share one warm pool.
 */
public final class RayOptions {
  /** The cluster's GCS address, {@code host:port} (default: {@code -Dray.address}, then {@code RAY_ADDRESS}). */
  public static final String ADDRESS = "ray.address";
  /** Pool size: a number (default 1). */
  public static final String NUM_ACTORS = "ray.num_actors";
  /** CPUs per actor: a number. */
  public static final String NUM_CPUS = "ray.num_cpus";
  /** GPUs per actor: a number. */
  public static final String NUM_GPUS = "ray.num_gpus";
  /** Memory per actor in bytes: a number. */
  public static final String MEMORY = "ray.memory";
  /** Call timeout: a {@link java.time.Duration} or milliseconds. */
  public static final String CALL_TIMEOUT = "ray.call_timeout";
  /** Scheduling timeout: a {@link java.time.Duration} or milliseconds. */
  public static final String SCHEDULE_TIMEOUT = "ray.schedule_timeout";
  /** The Ray namespace. */
  public static final String NAMESPACE = "ray.namespace";

  private RayOptions() {}
}
