package io.synapse.plugins.executors.ray;

import io.synapse.plugins.executors.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The settings both Ray backends share, as one value: how to reach the dashboard that takes the packages,
 * what code and environment to ship, and how params are checked. Part of {@link TaskSettings} and
 * {@link JobSettings}; set through {@link RayExecutorBuilder}.
 *
 * @param dashboardUrl the dashboard's URL, or null for the backend's default
 * @param headers HTTP headers sent with every request to the dashboard
 * @param requestTimeout how long one request to the dashboard (an upload) may take
 * @param classPath the runtime's side of the code package, or null for this JVM's class path without Ray's jars
 * @param runtimeEnv the runtime env of the actors or jobs
 * @param jvmOptions options of the JVMs that run the action (actors' workers, job entrypoints)
 * @param validateOnDriver whether untyped params are bound and checked before they are sent
 * @param workingDirLimit the largest working directory shipped, in bytes of its files
 * @param retries how failures of the infrastructure are retried (dashboard requests; TASK calls whose actor died)
 * @param maxReplyBytes the largest dashboard reply read (but logs and job lists)
 * @param maxLogBytes the largest job log (or job list) read from the dashboard
 * @param cancelGrace how long a cancelled action may take to stop on its own before it is stopped by force
 */
record ClusterSettings(String dashboardUrl, Map<String, String> headers, Duration requestTimeout, List<Path> classPath,
    RuntimeEnvSpec runtimeEnv, List<String> jvmOptions, boolean validateOnDriver, long workingDirLimit, RetryPolicy retries,
    long maxReplyBytes, long maxLogBytes, Duration cancelGrace) {

  /** Checks the required parts and copies the collections. */
  ClusterSettings {
    headers = Collections.unmodifiableSortedMap(new TreeMap<>(headers));
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    classPath = classPath == null ? null : List.copyOf(classPath);
    Objects.requireNonNull(runtimeEnv, "runtimeEnv");
    jvmOptions = List.copyOf(jvmOptions);
    Objects.requireNonNull(retries, "retries");
    Objects.requireNonNull(cancelGrace, "cancelGrace");
  }

  /** These settings with the dashboard URL {@code url}. */
  ClusterSettings withDashboardUrl(String url) {
    return new ClusterSettings(url, headers, requestTimeout, classPath, runtimeEnv, jvmOptions, validateOnDriver, workingDirLimit, retries,
        maxReplyBytes, maxLogBytes, cancelGrace);
  }

  /** These settings with the runtime env {@code env}. */
  ClusterSettings withRuntimeEnv(RuntimeEnvSpec env) {
    return new ClusterSettings(dashboardUrl, headers, requestTimeout, classPath, env, jvmOptions, validateOnDriver, workingDirLimit, retries,
        maxReplyBytes, maxLogBytes, cancelGrace);
  }

  /** A client of the dashboard at {@code url} with these settings' headers, timeout, limits and retries. */
  DashboardClient client(String url) {
    return new DashboardClient(url, headers, requestTimeout, maxReplyBytes, maxLogBytes, retries, DashboardClient.RetryListener.none());
  }
}
