package io.synapse.plugins.executors.ray;

import io.ray.api.Ray;
import io.ray.api.runtimecontext.NodeInfo;
import io.synapse.plugins.errors.PluginError;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * This JVM's connection to a Ray cluster, made once, with the settings Ray Java needs on JDK 17; and the
 * defaults both backends share (cluster address, dashboard URL, the class path shipped to the cluster).
 */
final class RayConnection {
  /** The packages Ray's serialiser reflects into on JDK 17, opened on the driver and on workers. */
  static final List<String> ADD_OPENS = List.of(
      "java.lang", "java.util", "java.math", "java.util.concurrent", "java.net", "java.text", "java.io",
      "java.nio", "java.time", "java.lang.invoke", "java.lang.reflect");
  /** The dashboard port Ray uses unless told otherwise. */
  static final int DEFAULT_DASHBOARD_PORT = 8265;
  /** The resource only a cluster's head node has. */
  private static final String HEAD_RESOURCE = "node:__internal_head__";
  /**
   * Ray Java reads an empty code search path as the driver's own class path, which the nodes do not
   * have; a lone separator is an empty list: workers load code only from the actors' java_jars packages.
   */
  static final String NO_CODE_SEARCH_PATH = File.pathSeparator;

  /** The detail of a {@code ray_unavailable} error that names what is missing. */
  static final String MISSING = "missing";
  /** {@link #MISSING}'s value when no cluster address was given or set. */
  static final String ADDRESS = "address";

  private RayConnection() {}

  /** The error for a JVM without Ray's Java runtime on its class path. */
  static PluginError runtimeMissing(Throwable cause) {
    return new PluginError("ray_unavailable",
        "Ray's Java runtime is not on the class path: add ray_dist.jar of the installed Python ray 2.39.0"
            + " (<site-packages>/ray/jars/ray_dist.jar; scripts/ray.sh install links it as .ray-venv/ray-jars/ray_dist.jar)",
        Map.of("missing", String.valueOf(cause.getMessage())), cause);
  }

  /**
   * Fails with {@link #runtimeMissing} unless Ray's Java API is on this JVM's class path; called before
   * anything that would otherwise fail wherever a Ray class is first touched, with a raw
   * {@code NoClassDefFoundError}.
   *
   * @throws PluginError {@code ray_unavailable} naming the jar to add
   */
  static void requireRuntime() {
    try {
      Ray.isInitialized();
    } catch (NoClassDefFoundError e) {
      throw runtimeMissing(e);
    }
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
   * The cluster address: the one given, else as {@link RayDefaults} says ({@code -Dray.address}, then
   * {@code RAY_ADDRESS}, which Ray Java itself does not read).
   *
   * @throws PluginError {@code ray_unavailable} with detail {@code missing: address} when none is given or set
   */
  static String resolveAddress(String given) {
    RayDefaults defaults = RayDefaults.current();
    return defaults.address(given).orElseThrow(() -> new PluginError("ray_unavailable",
        defaults.missingAddressReason() + ": give RayActorExecutor.builder().address(\"host:port\"), -Dray.address=host:port,"
            + " or RAY_ADDRESS (scripts/ray.sh start prints one)",
        Map.of(MISSING, ADDRESS)));
  }

  /** The dashboard URL given, else as {@link RayDefaults} says, else null (to be asked of the cluster). */
  static String givenDashboardUrl(String given) {
    return RayDefaults.current().dashboardUrl(given).orElse(null);
  }

  /**
   * The dashboard the connected cluster has by default: Ray's dashboard port on its head node's address.
   *
   * @throws PluginError {@code ray_unavailable} when no alive node is the head
   */
  static String clusterDashboardUrl() {
    for (NodeInfo node : Ray.getRuntimeContext().getAllNodeInfo()) {
      if (node.isAlive && node.resources.containsKey(HEAD_RESOURCE)) {
        return "http://" + node.nodeAddress + ":" + DEFAULT_DASHBOARD_PORT;
      }
    }
    throw new PluginError("ray_unavailable", "The Ray cluster reports no alive head node, so its dashboard is unknown:"
        + " give the dashboard URL (dashboardUrl(...), ray.dashboard_url or SYNAPSE_RAY_DASHBOARD)", Map.of());
  }

  /**
   * Initialises Ray in this JVM unless it already is. {@code codeSearchPath} is the job's code search path:
   * null means none (workers load code only from their actors' packages); otherwise paths every node has.
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
    if (codeSearchPath == null || codeSearchPath.isEmpty()) {
      System.setProperty("ray.job.code-search-path", NO_CODE_SEARCH_PATH);
    } else {
      List<String> entries = new ArrayList<>();
      codeSearchPath.forEach(entry -> entries.add(entry.toString()));
      System.setProperty("ray.job.code-search-path", String.join(File.pathSeparator, entries));
    }
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
   * What ships as the runtime's side of a run's code by default: this JVM's class path (with the
   * {@code Class-Path} of launcher jars expanded, as {@code java -jar} has it), without Ray's own jars,
   * which every node has, and without entries that do not exist.
   */
  static List<Path> defaultClassPath() {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!isRayJar(path) && Files.exists(path)) {
        entries.add(path.toAbsolutePath());
        entries.addAll(manifestClassPath(path));
      }
    }
    return entries;
  }

  private static boolean isRayJar(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return name.equals("ray_dist.jar") || name.startsWith("ray-api-") || name.startsWith("ray-runtime-");
  }

  /**
   * The {@code Class-Path} of a jar's manifest (a launcher jar such as surefire's, or {@code java -jar}),
   * resolved against the jar's directory: those entries are what the class path really is.
   */
  static List<Path> manifestClassPath(Path jar) {
    if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      return List.of();
    }
    List<Path> entries = new ArrayList<>();
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      java.util.jar.Manifest manifest = file.getManifest();
      String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
      if (classPath == null) {
        return List.of();
      }
      java.net.URI base = jar.toAbsolutePath().getParent().toUri();
      for (String item : classPath.trim().split("\\s+")) {
        try {
          Path entry = Path.of(base.resolve(item));
          if (Files.exists(entry) && !isRayJar(entry)) {
            entries.add(entry);
          }
        } catch (IllegalArgumentException e) {
          // Not a file URL: nothing to ship.
        }
      }
    } catch (java.io.IOException e) {
      return List.of();
    }
    return entries;
  }
}
