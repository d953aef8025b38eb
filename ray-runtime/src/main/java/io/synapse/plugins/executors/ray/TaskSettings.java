package io.synapse.plugins.executors.ray;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything that makes one TASK actor pool what it is, as an immutable value: two equal settings describe
 * interchangeable pools, so {@link RayTaskBackend} keeps one warm pool per distinct value. What each call
 * brings (environment, job id, sink) is not part of it.
 *
 * @param address the cluster's GCS address
 * @param dashboardUrl the dashboard that takes the packages, or null to use the cluster's (its head, port 8265)
 * @param dashboardHeaders HTTP headers for the dashboard
 * @param numActors the pool's size
 * @param numCpus CPUs each actor reserves, or null
 * @param numGpus GPUs each actor reserves, or null
 * @param memoryBytes memory each actor reserves, or null
 * @param resources custom resources each actor reserves
 * @param runtimeEnv the actors' runtime env, with the run's working directory and actor variables merged in
 * @param codeSearchPath the job's code search path (paths every node has), or null for none
 * @param classPath the runtime's side of the code package, or null for this JVM's class path without Ray's jars
 * @param pluginClassPath the plugin's own jars (a plugin loaded from a path)
 * @param namespace the Ray namespace, or null
 * @param maxRestarts how often Ray restarts a dead actor
 * @param maxTaskRetries how often Ray retries a call whose actor died
 * @param callTimeout how long a call may take
 * @param scheduleTimeout how long the actors may take to start
 * @param jvmOptions extra options of the actors' JVMs
 * @param validateOnDriver whether untyped params are bound and checked on the driver first
 * @param workingDirLimit the largest working directory shipped, in bytes
 * @param pinInterval how often the pool's packages are pinned again while it lives
 * @param requestTimeout how long one request to the dashboard may take
 */
record TaskSettings(String address, String dashboardUrl, Map<String, String> dashboardHeaders, int numActors, Double numCpus,
    Double numGpus, Long memoryBytes, Map<String, Double> resources, RuntimeEnvSpec runtimeEnv, List<Path> codeSearchPath,
    List<Path> classPath, List<Path> pluginClassPath, String namespace, int maxRestarts, int maxTaskRetries, Duration callTimeout,
    Duration scheduleTimeout, List<String> jvmOptions, boolean validateOnDriver, long workingDirLimit, Duration pinInterval,
    Duration requestTimeout) {

  /** Checks the required parts and copies the collections. */
  TaskSettings {
    Objects.requireNonNull(address, "address");
    dashboardHeaders = Collections.unmodifiableSortedMap(new TreeMap<>(dashboardHeaders));
    resources = Collections.unmodifiableSortedMap(new TreeMap<>(resources));
    Objects.requireNonNull(runtimeEnv, "runtimeEnv");
    codeSearchPath = codeSearchPath == null ? null : List.copyOf(codeSearchPath);
    classPath = classPath == null ? null : List.copyOf(classPath);
    pluginClassPath = List.copyOf(pluginClassPath);
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(scheduleTimeout, "scheduleTimeout");
    jvmOptions = List.copyOf(jvmOptions);
    Objects.requireNonNull(pinInterval, "pinInterval");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
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
