package io.synapse.plugins.executors.ray;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything that makes one TASK actor pool what it is, as an immutable value: two equal settings describe
 * interchangeable pools, so {@link RayTaskBackend} keeps one warm pool per distinct value. What each call
 * brings (environment, job id, sink) is not part of it.
 *
 * @param address the cluster's GCS address
 * @param cluster the dashboard (null: the cluster's head on port 8265), code, runtime env (with the run's
 *     working directory and the actor variables merged in), JVM options and checks
 * @param numActors the pool's size
 * @param numCpus CPUs each actor reserves, or null
 * @param numGpus GPUs each actor reserves, or null
 * @param memoryBytes memory each actor reserves, or null
 * @param resources custom resources each actor reserves
 * @param codeSearchPath the job's code search path (paths every node has), or null for none
 * @param pluginClassPath the plugin's own jars (a plugin loaded from a path)
 * @param namespace the Ray namespace, or null
 * @param maxRestarts how often Ray restarts a dead actor
 * @param maxTaskRetries how often Ray retries a call whose actor died
 * @param callTimeout how long a call may take
 * @param scheduleTimeout how long the actors may take to start
 * @param pinInterval how often the pool's packages are pinned again while it lives
 */
record TaskSettings(String address, ClusterSettings cluster, int numActors, Double numCpus, Double numGpus, Long memoryBytes,
    Map<String, Double> resources, List<Path> codeSearchPath, List<Path> pluginClassPath, String namespace, int maxRestarts,
    int maxTaskRetries, Duration callTimeout, Duration scheduleTimeout, Duration pinInterval) {

  /** Checks the required parts and copies the collections. */
  TaskSettings {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(cluster, "cluster");
    resources = Collections.unmodifiableSortedMap(new TreeMap<>(resources));
    codeSearchPath = codeSearchPath == null ? null : List.copyOf(codeSearchPath);
    pluginClassPath = List.copyOf(pluginClassPath);
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(scheduleTimeout, "scheduleTimeout");
    Objects.requireNonNull(pinInterval, "pinInterval");
  }

  /** The resources each actor asks for, by Ray's names ({@code CPU}, {@code GPU}, {@code memory}, custom ones). */
  Map<String, Double> requestedResources() {
    Map<String, Double> requested = new TreeMap<>(resources);
    if (numCpus != null) {
      requested.put("CPU", numCpus);
    }
    if (numGpus != null) {
      requested.put("GPU", numGpus);
    }
    if (memoryBytes != null) {
      requested.put("memory", memoryBytes.doubleValue());
    }
    return requested;
  }
}
