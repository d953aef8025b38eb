package io.synapse.plugins.executors.ray;

import io.synapse.plugins.errors.ConfigError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keys of {@link io.synapse.plugins.RunOptions.Builder#option(String, Object)} that the Ray backends read
 * when {@code PluginRunner.runPlugin} runs in TASK mode (runs with equal options share one warm pool) or
 * JOB mode (the {@code ray.dashboard_url}, {@code ray.dashboard_headers}, {@code ray.job.*},
 * {@code ray.request_timeout} and {@code ray.working_dir_limit} keys). {@code RunOptions}' own
 * {@code runtimeEnv} and {@code workingDir} apply to both modes.
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
  /** TASK: custom resources each actor reserves (which pin actors to nodes that have them): a {@code Map<String, Number>}. */
  public static final String RESOURCES = "ray.resources";

  /**
   * The dashboard URL, which takes the packages in both modes (default: {@code SYNAPSE_RAY_DASHBOARD}; then for
   * TASK the cluster's head on port 8265, for JOB {@value RayJobExecutor#DEFAULT_DASHBOARD_URL}).
   */
  public static final String DASHBOARD_URL = "ray.dashboard_url";
  /** HTTP headers for the dashboard: a {@code Map<String, String>}. */
  public static final String DASHBOARD_HEADERS = "ray.dashboard_headers";
  /** The largest working directory shipped, in bytes of its files: a number (default 64 MiB). */
  public static final String WORKING_DIR_LIMIT = "ray.working_dir_limit";
  /** JOB: CPUs reserved for the entrypoint: a number. */
  public static final String JOB_NUM_CPUS = "ray.job.num_cpus";
  /** JOB: GPUs reserved for the entrypoint: a number. */
  public static final String JOB_NUM_GPUS = "ray.job.num_gpus";
  /** JOB: memory reserved for the entrypoint in bytes: a number. */
  public static final String JOB_MEMORY = "ray.job.memory";
  /** JOB: custom resources reserved for the entrypoint: a {@code Map<String, Number>}. */
  public static final String JOB_RESOURCES = "ray.job.resources";
  /** JOB: job metadata: a {@code Map<String, String>}. */
  public static final String JOB_METADATA = "ray.job.metadata";
  /** JOB: names of variables copied from this process's environment: a collection or a comma-separated string. */
  public static final String JOB_INHERIT_ENV = "ray.job.inherit_env";
  /** JOB: options of the job's JVM: a list or a space-separated string. */
  public static final String JOB_JVM_OPTIONS = "ray.job.jvm_options";
  /** JOB: how long a pipeline waits for each action's job: a {@link java.time.Duration} or milliseconds (default 24 hours). */
  public static final String JOB_WAIT_TIMEOUT = "ray.job.wait_timeout";
  /** JOB: the timeout of each HTTP request to the dashboard: a {@link java.time.Duration} or milliseconds. */
  public static final String REQUEST_TIMEOUT = "ray.request_timeout";

  private RayOptions() {}

  /**
   * The option {@code key} as a number (a {@link Number} or numeric text).
   *
   * @throws ConfigError naming the option otherwise
   */
  static Number number(Map<String, Object> options, String key) {
    Object value = options.get(key);
    if (value instanceof Number number) {
      return number;
    }
    try {
      return Double.valueOf(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new ConfigError("Run option " + key + " must be a number, not '" + value + "'", Map.of("option", key), e);
    }
  }

  /** The option {@code key} as a duration: a {@link Duration}, or a number of milliseconds. */
  static Duration duration(Map<String, Object> options, String key) {
    Object value = options.get(key);
    return value instanceof Duration duration ? duration : Duration.ofMillis(number(options, key).longValue());
  }

  /**
   * The option {@code key} as a map of strings.
   *
   * @throws ConfigError naming the option when it is no map
   */
  static Map<String, String> stringMap(Map<String, Object> options, String key) {
    if (!(options.get(key) instanceof Map<?, ?> map)) {
      throw new ConfigError("Run option " + key + " must be a map", Map.of("option", key));
    }
    Map<String, String> strings = new TreeMap<>();
    map.forEach((name, value) -> strings.put(String.valueOf(name), String.valueOf(value)));
    return strings;
  }

  /**
   * The option {@code key} as a map of numbers.
   *
   * @throws ConfigError naming the option and entry otherwise
   */
  static Map<String, Double> numberMap(Map<String, Object> options, String key) {
    Map<String, Double> numbers = new TreeMap<>();
    stringMap(options, key).forEach((name, amount) -> {
      try {
        numbers.put(name, Double.parseDouble(amount));
      } catch (NumberFormatException e) {
        throw new ConfigError("Run option " + key + "." + name + " must be a number, not '" + amount + "'", Map.of("option", key), e);
      }
    });
    return numbers;
  }

  /** The option {@code key} as a list: a collection, or text split at {@code separator}. */
  static List<String> list(Map<String, Object> options, String key, String separator) {
    Object value = options.get(key);
    List<String> items = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      collection.forEach(item -> items.add(String.valueOf(item)));
    } else {
      Arrays.stream(String.valueOf(value).split(separator)).map(String::trim).filter(item -> !item.isEmpty()).forEach(items::add);
    }
    return items;
  }
}
