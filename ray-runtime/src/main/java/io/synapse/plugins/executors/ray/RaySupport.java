package io.synapse.plugins.executors.ray;

import io.ray.api.Ray;
import io.synapse.plugins.errors.PluginError;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Connects this JVM to a Ray cluster once, with the settings Ray Java needs on JDK 17. */
final class RaySupport {
  /** The packages Ray's serialiser reflects into on JDK 17, opened on the driver and on workers. */
  static final List<String> ADD_OPENS = List.of(
      "java.lang", "java.util", "java.math", "java.util.concurrent", "java.net", "java.text", "java.io",
      "java.nio", "java.time", "java.lang.invoke", "java.lang.reflect");

  private RaySupport() {}

  /** The error for a JVM without Ray's Java runtime on its class path. */
  static PluginError runtimeMissing(Throwable cause) {
    return new PluginError("ray_unavailable",
        "Ray's Java runtime is not on the class path: add ray_dist.jar of the installed Python ray 2.39.0"
            + " (<site-packages>/ray/jars/ray_dist.jar; scripts/ray.sh install links it as .ray-venv/ray-jars/ray_dist.jar)",
        Map.of("missing", String.valueOf(cause.getMessage())), cause);
  }

  private static boolean isLoopback(String address) {
    String host = address.contains(":") ? address.substring(0, address.lastIndexOf(':')) : address;
    return host.equals("127.0.0.1") || host.equals("localhost");
  }

  /** {@code --add-opens=java.base/<pkg>=ALL-UNNAMED} for each package Ray needs. */
  static List<String> addOpensFlags() {
    List<String> flags = new ArrayList<>();
    for (String pkg : ADD_OPENS) {
      flags.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
    }
    return flags;
  }

  /**
   * The cluster address: the one given, else the {@code ray.address} system property, else the
   * {@code RAY_ADDRESS} environment variable (which Ray Java itself does not read).
   */
  static String resolveAddress(String given) {
    if (given != null && !given.isBlank()) {
      return given;
    }
    String property = System.getProperty("ray.address");
    if (property != null && !property.isBlank()) {
      return property;
    }
    String env = System.getenv("RAY_ADDRESS");
    if (env != null && !env.isBlank()) {
      return env;
    }
    throw new PluginError("ray_unavailable",
        "No Ray cluster address: give RayActorExecutor.builder().address(\"host:port\"), -Dray.address=host:port,"
            + " or RAY_ADDRESS (scripts/ray.sh start prints one)",
        Map.of());
  }

  /**
   * Initialises Ray in this JVM unless it already is. The job's code search path is where workers
   * load the runtime, this backend and class-path plugins from.
   */
  static synchronized void connect(String address, List<Path> codeSearchPath, String namespace) {
    if (Ray.isInitialized()) {
      return;
    }
    System.setProperty("ray.address", address);
    if (isLoopback(address) && System.getProperty("ray.node-ip") == null) {
      // A loopback head registers its raylet as 127.0.0.1; the driver must look for it there, not on
      // the machine's routable address that Ray Java would pick by itself.
      System.setProperty("ray.node-ip", "127.0.0.1");
    }
    List<String> entries = new ArrayList<>();
    for (Path entry : codeSearchPath) {
      entries.add(entry.toAbsolutePath().toString());
    }
    System.setProperty("ray.job.code-search-path", String.join(File.pathSeparator, entries));
    if (namespace != null) {
      System.setProperty("ray.job.namespace", namespace);
    }
    List<String> flags = addOpensFlags();
    for (int i = 0; i < flags.size(); i++) {
      System.setProperty("ray.job.jvm-options." + i, flags.get(i));
    }
    try {
      Ray.init();
    } catch (RuntimeException | LinkageError e) {
      throw new PluginError("ray_unavailable", "Could not connect to the Ray cluster at " + address + ": " + e,
          Map.of("address", address), e);
    }
  }

  /**
   * The default code search path: this JVM's class path (with the {@code Class-Path} of launcher jars
   * expanded, as {@code java -jar} has it) without Ray's own jars, which workers have.
   */
  static List<Path> defaultCodeSearchPath() {
    List<Path> entries = new ArrayList<>();
    for (Path entry : RayJobExecutor.defaultClassPath()) {
      entries.add(entry.toAbsolutePath());
    }
    return entries;
  }
}
