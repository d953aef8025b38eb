package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher as a driver of the two-node cluster that cannot see the driver's files
 * (scripts/ray-cluster.sh, started and stopped by this class): {@code --working-dir} shipped in TASK and
 * JOB mode, a plugin given by its module path, the dashboard found from the cluster by default in TASK
 * mode. The launcher runs in the cluster's network namespace; the working directory is under target/,
 * which the nodes cannot see.
 */
class ClusterModesIT {
  private static final Path ROOT = Processes.required("synapse.repo.root");
  private static final Path STATE = Path.of("target", "ray-cluster-state-cli").toAbsolutePath();
  private static final Path WORK = Path.of("target", "cluster-work").toAbsolutePath();

  @BeforeAll
  static void startCluster() throws Exception {
    assertTrue(Files.isRegularFile(ROOT.resolve(".ray-venv/ray-jars/ray_dist.jar")),
        "Ray is not installed: run scripts/ray.sh install (scripts/test.sh does)");
    Processes.Outcome start = cluster(List.of("start"), 300);
    assertEquals(0, start.exitCode(), start::toString);
    Files.createDirectories(WORK);
    Files.writeString(WORK.resolve("data.txt"), "# a comment\none\ntwo\nthree\n");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    Processes.Outcome stop = cluster(List.of("stop"), 180);
    assertEquals(0, stop.exitCode(), stop::toString);
  }

  private static Processes.Outcome cluster(List<String> args, long timeoutSeconds) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "scripts/ray-cluster.sh"));
    command.addAll(args);
    Map<String, String> env = new java.util.HashMap<>(Map.of("SYNAPSE_CLUSTER_STATE", STATE.toString()));
    String repository = System.getProperty("maven.repo.local");
    if (repository != null && !repository.isBlank()) {
      env.put("SYNAPSE_HIDE", repository);
    }
    return Processes.run(ROOT, command, env, timeoutSeconds);
  }

  private static Processes.Outcome synapse(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("exec", "sh", "./synapse"));
    command.addAll(List.of(args));
    return cluster(command, 400);
  }

  @Test
  void aWorkingDirectoryIsShippedAndRelativePathsResolveInItInEveryMode() throws Exception {
    String[] countLines = {"run", "examples/hello-plugin", "count-lines", "-p", "file=data.txt", "--working-dir", WORK.toString(),
        "--json", "--progress", "off"};
    Processes.Outcome local = synapse(countLines);
    assertEquals(0, local.exitCode(), local::toString);
    assertEquals(Map.of("file", WORK.resolve("data.txt").toString(), "lines", 3, "skipped", 1), Json.parseJson(local.out(), "out"));

    List<String> task = new ArrayList<>(List.of(countLines));
    task.addAll(List.of("--mode", "task", "--ray-address", "127.0.0.1:6379"));
    Processes.Outcome onCluster = synapse(task.toArray(String[]::new));
    assertEquals(0, onCluster.exitCode(), onCluster::toString);
    Map<?, ?> counted = (Map<?, ?>) Json.parseJson(onCluster.out(), "out");
    assertEquals(3, counted.get("lines"));
    assertEquals(1, counted.get("skipped"));
    String file = String.valueOf(counted.get("file"));
    assertTrue(file.contains("working_dir_files/_ray_pkg_") && file.endsWith("/data.txt"), "read from Ray's copy on the node: " + file);

    List<String> job = new ArrayList<>(List.of(countLines));
    job.addAll(List.of("--mode", "job", "--dashboard", "http://127.0.0.1:8265"));
    Processes.Outcome submitted = synapse(job.toArray(String[]::new));
    assertEquals(0, submitted.exitCode(), submitted::toString);
    String id = String.valueOf(((Map<?, ?>) Json.parseJson(submitted.out(), "out")).get("job_id"));
    Processes.Outcome waited = synapse("job", "wait", id, "--timeout", "4m", "--json", "--dashboard", "http://127.0.0.1:8265");
    assertEquals(0, waited.exitCode(), waited::toString);
    Map<?, ?> jobCount = (Map<?, ?>) Json.parseJson(waited.out(), "out");
    assertEquals(3, jobCount.get("lines"));
    assertTrue(String.valueOf(jobCount.get("file")).contains("working_dir_files/_ray_pkg_"), jobCount.toString());
  }

  @Test
  void aMissingWorkingDirectoryIsAUsageError() throws Exception {
    Processes.Outcome missing = synapse("run", "examples/hello-plugin", "count-lines", "-p", "file=data.txt", "--working-dir",
        WORK.resolve("absent").toString(), "--mode", "task", "--ray-address", "127.0.0.1:6379");
    assertEquals(ExitCodes.USAGE, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("is not a directory"), missing::toString);
  }
}
