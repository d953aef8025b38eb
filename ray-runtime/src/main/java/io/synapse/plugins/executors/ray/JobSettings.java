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
 * Everything that makes one {@link RayJobExecutor} what it is, as an immutable value: {@link RayJobBackend}
 * shares one executor per distinct value. What each submission brings (environment, job id, working
 * directory) is not part of it.
 *
 * @param dashboardUrl the dashboard's URL
 * @param headers HTTP headers sent with every request
 * @param entrypointNumCpus CPUs reserved for the entrypoint, or null
 * @param entrypointNumGpus GPUs reserved for the entrypoint, or null
 * @param entrypointMemory memory reserved for the entrypoint in bytes, or null
 * @param entrypointResources custom resources reserved for the entrypoint
 * @param metadata metadata of every job
 * @param inheritedEnv names of variables copied from this process's environment
 * @param jvmOptions options of the job's JVM
 * @param requestTimeout how long one HTTP request may take
 * @param javaCommand the java command on the nodes
 * @param classPath the runtime's side of the code package, or null for this JVM's class path without Ray's jars
 * @param runtimeEnv further runtime_env entries of every job
 * @param validateOnDriver whether untyped params are bound and checked before submitting
 * @param workingDirLimit the largest working directory shipped, in bytes
 */
record JobSettings(String dashboardUrl, Map<String, String> headers, Double entrypointNumCpus, Double entrypointNumGpus,
    Long entrypointMemory, Map<String, Double> entrypointResources, Map<String, String> metadata, List<String> inheritedEnv,
    List<String> jvmOptions, Duration requestTimeout, String javaCommand, List<Path> classPath, RuntimeEnvSpec runtimeEnv,
    boolean validateOnDriver, long workingDirLimit) {

  /** Checks the required parts and copies the collections. */
  JobSettings {
    Objects.requireNonNull(dashboardUrl, "dashboardUrl");
    headers = Collections.unmodifiableSortedMap(new TreeMap<>(headers));
    entrypointResources = Collections.unmodifiableSortedMap(new TreeMap<>(entrypointResources));
    metadata = Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
    inheritedEnv = List.copyOf(inheritedEnv);
    jvmOptions = List.copyOf(jvmOptions);
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(javaCommand, "javaCommand");
    classPath = classPath == null ? null : List.copyOf(classPath);
    Objects.requireNonNull(runtimeEnv, "runtimeEnv");
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
