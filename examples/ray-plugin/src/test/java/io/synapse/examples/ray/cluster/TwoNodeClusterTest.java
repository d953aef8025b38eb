package io.synapse.examples.ray.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TASK and JOB on a real two-node Ray cluster whose nodes cannot see the driver's files (the checkout, the
 * Maven repository, ~/.m2 are hidden from them; see scripts/ray-cluster.sh). The drivers run in the
 * cluster's network namespace ({@link ClusterDriver}); actors and job entrypoints are pinned to the worker
 * node by a custom resource, and every probe checks it ran there (by mount namespace), saw none of the
 * driver's files, and loaded its code only from what Ray shipped.
 */
@ExtendWith(TwoNodeCluster.class)
class TwoNodeClusterTest {
  private static final Path FIXTURES = Path.of("target", "cluster-fixtures").toAbsolutePath();
  private static TwoNodeCluster.Cluster cluster;
  private static List<String> driverPaths;

  @BeforeAll
  static void fixtures() throws IOException {
    cluster = TwoNodeCluster.get();
    // Fixtures live under target/, inside the checkout, so that no node can read them but through Ray.
    Files.createDirectories(FIXTURES);
    assertTrue(cluster.hidden.stream().anyMatch(path -> path.contains("m2")), "the Maven repository is among the hidden paths: " + cluster.hidden);
    // The hidden directories themselves exist on the nodes (as empty mount points): what is in them must not.
    driverPaths = new ArrayList<>();
    for (String hidden : cluster.hidden) {
      try (var children = Files.list(Path.of(hidden))) {
        children.sorted().findFirst().ifPresent(child -> driverPaths.add(child.toString()));
      }
    }
    driverPaths.add(FIXTURES.toString());
    driverPaths.add(Path.of("").toAbsolutePath().resolve("pom.xml").toString());
    for (String path : driverPaths) {
      assertTrue(Files.exists(Path.of(path)), "the driver sees " + path);
    }
  }

  private static Map<?, ?> drive(String scenario, List<String> args) {
    List<String> all = new ArrayList<>(List.of(scenario, cluster.address, cluster.dashboard));
    all.addAll(args);
    TwoNodeCluster.Outcome outcome = cluster.driver(ClusterDriver.class, all, 600);
    String result = outcome.out().lines().filter(line -> line.startsWith("RESULT ")).findFirst().orElse(null);
    assertTrue(outcome.exitCode() == 0 && result != null, () -> scenario + " failed (exit " + outcome.exitCode() + "):\n"
        + outcome.out().lines().filter(line -> line.startsWith("ERROR ") || line.startsWith("RESULT ")).toList() + "\n" + tail(outcome.err()));
    return (Map<?, ?>) Json.parse(result.substring("RESULT ".length()));
  }

  private static String tail(String text) {
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** A probe ran on the worker node, saw none of the driver's files, and found its code only in what Ray shipped. */
  private static void ranIsolatedOnTheWorker(Map<?, ?> probe) {
    assertEquals(cluster.workerNamespace, probe.get("mount_namespace"), "ran on the worker node: " + probe);
    assertNotEquals(cluster.headNamespace, probe.get("mount_namespace"));
    Map<?, ?> visible = (Map<?, ?>) probe.get("visible");
    assertEquals(Set.copyOf(driverPaths), visible.keySet());
    assertTrue(visible.values().stream().noneMatch(Boolean.TRUE::equals), "a driver path is visible on the node: " + visible);
    assertEquals(null, probe.get("code_search_path"), "no code search path");
    for (String entry : String.valueOf(probe.get("class_path")).split(":")) {
      for (String hidden : cluster.hidden) {
        assertTrue(!entry.startsWith(hidden + "/") || entry.startsWith(hidden + "/.ray-venv/"), "driver-local class path entry " + entry);
      }
    }
  }

  @Test
  void aTaskPoolOfTwoActorsOnTheWorkerNodeRunsClassPathPluginsFromShippedCodeOnly() {
    Map<?, ?> result = drive("task", driverPaths);
    assertEquals(2, result.get("size"));
    List<?> probes = (List<?>) result.get("probes");
    assertEquals(4, probes.size());
    probes.forEach(probe -> ranIsolatedOnTheWorker((Map<?, ?>) probe));
    Set<Object> workers = new HashSet<>((List<?>) result.get("worker_pids"));
    assertEquals(2, workers.size());
    List<?> echoes = (List<?>) result.get("echoes");
    assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5"), echoes.stream().map(e -> ((Map<?, ?>) e).get("message")).toList(),
        "executeAll keeps the order");
    assertEquals(workers, new HashSet<>(echoes.stream().map(e -> ((Map<?, ?>) e).get("pid")).toList()), "both actors did work");
    assertEquals(Map.of("counts", Map.of("the", 2, "cat", 1, "dog", 1), "total", 4), result.get("word_count"));
    assertEquals(1, ((List<?>) result.get("packages")).size(), result.toString());
    assertEquals(result.get("packages"), result.get("second_packages"));
    assertEquals(0, result.get("second_uploads"), "an equal second pool uploads nothing");
  }

  @Test
  void aJobsEntrypointRunsOnTheWorkerNodeFromShippedCodeOnly() {
    Map<?, ?> result = drive("job", driverPaths);
    ranIsolatedOnTheWorker((Map<?, ?>) result.get("probe"));
    assertEquals(Map.of("counts", Map.of("a", 2, "b", 1), "total", 3), result.get("word_count"));
  }

  @Test
  void aPackagedPluginDirectoryRunsByPathInTaskAndJobMode() throws Exception {
    Path jar = Path.of("..", "hello-plugin", "target", "hello-plugin.jar").toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(jar), "build examples/hello-plugin first: " + jar);
    Path plugin = FIXTURES.resolve("hello");
    deleteTree(plugin);
    Files.createDirectories(plugin.resolve("lib"));
    Files.copy(jar, plugin.resolve("lib/plugin.jar"));
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      Files.copy(file.getInputStream(file.getEntry("META-INF/synapse/hello_plugin/config.yaml")), plugin.resolve("config.yaml"));
    }
    Map<?, ?> result = drive("path-plugin", List.of(plugin.toString()));
    assertEquals("io.synapse.examples.hello.ProcessResult", result.get("task_class"));
    assertEquals(true, result.get("task_loader_is_the_plugins"), "typed by the plugin's own class loader");
    assertEquals("io.synapse.examples.hello.ProcessResult", result.get("job_class"));
    Map<?, ?> task = (Map<?, ?>) result.get("task");
    assertEquals("completed", task.get("status"));
    assertEquals("/data/out.csv", task.get("output_path"));
    assertEquals(task, result.get("job"));
  }

  @Test
  void theWorkingDirectoryAndRuntimeEnvVariablesReachTheActionInTaskAndJobMode() throws Exception {
    Path work = FIXTURES.resolve("work");
    deleteTree(work);
    Files.createDirectories(work.resolve("sub"));
    Files.writeString(work.resolve("data.txt"), "data from the driver");
    Files.writeString(work.resolve("sub/nested.txt"), "nested");
    Files.createSymbolicLink(work.resolve("alias.txt"), Path.of("data.txt"));
    List<String> args = new ArrayList<>(List.of(work.toString()));
    args.addAll(driverPaths);
    Map<?, ?> result = drive("working-dir", args);
    for (String mode : List.of("task", "run_plugin_task", "job")) {
      Map<?, ?> probe = (Map<?, ?>) result.get(mode);
      ranIsolatedOnTheWorker(probe);
      String dir = String.valueOf(probe.get("working_dir"));
      assertEquals(true, probe.get("has_working_dir"), mode);
      assertEquals(dir, probe.get("current_dir"), mode + ": the action's process runs in the working directory");
      assertTrue(dir.contains("working_dir_files/_ray_pkg_") && !dir.startsWith(work.toString()), mode + ": Ray's copy, not the driver's: " + dir);
      assertEquals(Map.of(dir + "/data.txt", "data from the driver", dir + "/sub/nested.txt", "nested", dir + "/alias.txt",
          "data from the driver"), probe.get("contents"), mode + ": relative Path params resolve against the working directory");
      assertEquals("from-runtime-env", probe.get("variable"), mode + ": runtime_env.env_vars");
    }
    Map<?, ?> local = (Map<?, ?>) result.get("local");
    assertEquals(work.toString(), local.get("working_dir"), "LOCAL uses the directory in place");
    assertEquals(Map.of(work + "/data.txt", "data from the driver", work + "/sub/nested.txt", "nested", work + "/alias.txt",
        "data from the driver"), local.get("contents"));
    List<?> packages = (List<?>) result.get("task_packages");
    assertEquals(2, packages.size(), "code and working directory: " + packages);
  }

  @Test
  void aPipKeyIsRefusedInEveryModeBeforeAnythingReachesTheCluster() {
    Map<?, ?> result = drive("refused", List.of());
    for (String attempt : List.of("task", "job", "task_builder", "job_builder")) {
      Map<?, ?> error = (Map<?, ?>) result.get(attempt);
      assertEquals("io.synapse.plugins.errors.ConfigError", error.get("class"), attempt + ": " + error);
      assertEquals("pip", ((Map<?, ?>) error.get("details")).get("key"), attempt);
      assertTrue(String.valueOf(error.get("message")).startsWith("runtime_env.pip is refused: it installs Python packages"),
          attempt + ": " + error.get("message"));
    }
    assertEquals(0, result.get("pools"), "no pool");
    assertEquals(false, result.get("ray_initialized"), "the driver never even connected to Ray");
    assertEquals(0, result.get("jobs_added"), "no job");
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
