package io.synapse.plugins.executors.ray;

import io.synapse.plugins.discovery.PluginDiscovery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything that makes one {@link RayJobExecutor} what it is, as an immutable value: {@link RayJobBackend}
 * shares one executor per distinct value. What each submission brings (environment, job id, working
 * directory) is not part of it.
 *
 * @param cluster the dashboard (resolved), code, runtime env, the entrypoint's JVM options and checks
 * @param entrypointNumCpus CPUs reserved for the entrypoint, or null
 * @param entrypointNumGpus GPUs reserved for the entrypoint, or null
 * @param entrypointMemory memory reserved for the entrypoint in bytes, or null
 * @param entrypointResources custom resources reserved for the entrypoint
 * @param metadata metadata of every job
 * @param inheritedEnv names of variables copied from this process's environment
 * @param javaCommand the java command on the nodes
 * @param plugin the plugin actions are named in ({@code submit("train", params)}) and results read with, or null
 * @param resultKeyFile the file of the secret that seals results
 * @param executeTimeout how long a blocking {@code execute} waits before it stops the job
 */
record JobSettings(ClusterSettings cluster, Double entrypointNumCpus, Double entrypointNumGpus, Long entrypointMemory,
    Map<String, Double> entrypointResources, Map<String, String> metadata, List<String> inheritedEnv, String javaCommand,
    PluginDiscovery plugin, Path resultKeyFile, Duration executeTimeout) {

  /** Checks the required parts and copies the collections. */
  JobSettings {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(cluster.dashboardUrl(), "dashboardUrl");
    entrypointResources = Collections.unmodifiableSortedMap(new TreeMap<>(entrypointResources));
    metadata = Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
    inheritedEnv = List.copyOf(inheritedEnv);
    Objects.requireNonNull(javaCommand, "javaCommand");
    Objects.requireNonNull(resultKeyFile, "resultKeyFile");
    Objects.requireNonNull(executeTimeout, "executeTimeout");
  }

  /** The inherited variables present in this process's environment. */
  SortedMap<String, String> inheritedVariables() {
    SortedMap<String, String> all = new TreeMap<>();
    for (String name : inheritedEnv) {
      String value = System.getenv(name);
      if (value != null) {
        all.put(name, value);
      }
    }
    return all;
  }
}
