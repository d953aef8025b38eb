package io.synapse.plugins.executors.ray;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.spi.ExecutionBackend;
import io.synapse.plugins.spi.ExecutionRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Serves {@code runPlugin(..., ExecutionMode.JOB, options)}: submits the run as a Ray Job and returns its
 * submission id. The options are read from {@link RayOptions} keys; {@link RunOptions#env()} becomes the
 * action's environment, {@link RunOptions#jobId()} its context's job id (default: the submission id) and
 * {@link RunOptions#runtimeEnv()} further runtime_env entries. Registered through {@code META-INF/services}.
 */
public final class RayJobBackend implements ExecutionBackend {
  private static final ConcurrentMap<String, RayJobExecutor> EXECUTORS = new ConcurrentHashMap<>();

  /** For {@link java.util.ServiceLoader}. */
  public RayJobBackend() {}

  @Override
  public ExecutionMode mode() {
    return ExecutionMode.JOB;
  }

  @Override
  public Object run(ExecutionRequest request) {
    return submit(executor(request.options()), request);
  }

  /**
   * The executor {@code runPlugin} uses for {@code options} (one per distinct set of options), for
   * waiting on the ids it returned: {@code RayJobBackend.executor(options).wait(id, timeout)}.
   */
  public static RayJobExecutor executor(RunOptions options) {
    RayJobExecutor.Builder builder = builderFor(options);
    return EXECUTORS.computeIfAbsent(builder.key(), key -> builder.build());
  }

  private static String submit(RayJobExecutor executor, ExecutionRequest request) {
    RunOptions options = request.options();
    return executor.submitBound(request.plugin(), request.action(), request.params(), options.env(), options.jobId());
  }

  static RayJobExecutor.Builder builderFor(RunOptions options) {
    RayJobExecutor.Builder builder = RayJobExecutor.builder();
    Map<String, Object> given = options.options();
    if (given.containsKey(RayOptions.DASHBOARD_URL)) {
      builder.dashboardUrl(String.valueOf(given.get(RayOptions.DASHBOARD_URL)));
    }
    if (given.containsKey(RayOptions.DASHBOARD_HEADERS)) {
      builder.headers(stringMap(given, RayOptions.DASHBOARD_HEADERS));
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
      stringMap(given, RayOptions.JOB_RESOURCES).forEach((name, amount) -> {
        try {
          builder.entrypointResource(name, Double.parseDouble(amount));
        } catch (NumberFormatException e) {
          throw new ConfigError("Run option " + RayOptions.JOB_RESOURCES + "." + name + " must be a number, not '" + amount + "'",
              Map.of("option", RayOptions.JOB_RESOURCES), e);
        }
      });
    }
    if (given.containsKey(RayOptions.JOB_METADATA)) {
      builder.metadata(stringMap(given, RayOptions.JOB_METADATA));
    }
    if (given.containsKey(RayOptions.JOB_INHERIT_ENV)) {
      builder.inheritEnv(list(given, RayOptions.JOB_INHERIT_ENV, ","));
    }
    if (given.containsKey(RayOptions.JOB_JVM_OPTIONS)) {
      builder.jvmOptions(list(given, RayOptions.JOB_JVM_OPTIONS, " "));
    }
    if (given.containsKey(RayOptions.REQUEST_TIMEOUT)) {
      builder.requestTimeout(RayOptions.duration(given, RayOptions.REQUEST_TIMEOUT));
    }
    if (!options.runtimeEnv().isEmpty()) {
      builder.runtimeEnv(options.runtimeEnv());
    }
    return builder;
  }


  private static Map<String, String> stringMap(Map<String, Object> options, String key) {
    if (!(options.get(key) instanceof Map<?, ?> map)) {
      throw new ConfigError("Run option " + key + " must be a map", Map.of("option", key));
    }
    Map<String, String> strings = new TreeMap<>();
    map.forEach((name, value) -> strings.put(String.valueOf(name), String.valueOf(value)));
    return strings;
  }

  private static List<String> list(Map<String, Object> options, String key, String separator) {
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
