package io.synapse.plugins.executors;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.errors.PluginError;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Finds the {@link ExecutionBackend} of a remote mode on the class path, once per mode. */
public final class ExecutionBackends {
  private static final ConcurrentMap<ExecutionMode, ExecutionBackend> BACKENDS = new ConcurrentHashMap<>();

  private ExecutionBackends() {}

  /**
   * The backend serving {@code mode} (TASK, JOB).
   *
   * @throws PluginError {@code backend_unavailable} when none is on the class path, naming the artifact to add
   */
  public static ExecutionBackend of(ExecutionMode mode) {
    ExecutionBackend known = BACKENDS.get(mode);
    if (known != null) {
      return known;
    }
    for (ExecutionBackend candidate : ServiceLoader.load(ExecutionBackend.class, ExecutionBackends.class.getClassLoader())) {
      if (candidate.mode() == mode) {
        BACKENDS.putIfAbsent(mode, candidate);
        return BACKENDS.get(mode);
      }
    }
    throw new PluginError("backend_unavailable",
        "No " + mode + " backend on the class path: add the dependency io.synapse.plugins:synapse-plugins-ray"
            + " (Ray backends for TASK and JOB)",
        Map.of("mode", mode.name(), "artifact", "io.synapse.plugins:synapse-plugins-ray"));
  }
}
