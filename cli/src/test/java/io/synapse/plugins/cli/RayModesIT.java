package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher in TASK and JOB mode against a real loopback Ray head that this class starts with
 * scripts/ray.sh (Ray must be installed: scripts/ray.sh install, which scripts/test.sh runs) and stops.
 */
class RayModesIT {
  private static final Path ROOT = Processes.required("synapse.repo.root");
  private static final Path STATE = Path.of("target", "ray-state-cli").toAbsolutePath();
  private static String address;
  private static String dashboard;

  @BeforeAll
  static void startHead() throws Exception {
    assertTrue(Files.isRegularFile(ROOT.resolve(".ray-venv/ray-jars/ray_dist.jar")),
        "Ray is not installed: run scripts/ray.sh install (scripts/test.sh does)");
    Processes.Outcome start = ray("start");
    assertEquals(0, start.exitCode(), start::toString);
    address = Files.readString(STATE.resolve("address")).trim();
    dashboard = Files.readString(STATE.resolve("dashboard")).trim();
  }

  @AfterAll
  static void stopHead() throws Exception {
    ray("stop");
  }

  private static Processes.Outcome ray(String command) throws Exception {
    return Processes.run(ROOT, List.of("bash", "scripts/ray.sh", command), Map.of("SYNAPSE_RAY_STATE", STATE.toString()), 240);
  }

  private static Processes.Outcome synapse(String... args) throws Exception {
    return synapse(Map.of(), args);
  }

  private static Processes.Outcome synapse(Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("sh", "./synapse"));
    command.addAll(List.of(args));
    return Processes.run(ROOT, command, env, 300);
  }

  /** What eval "$(scripts/ray.sh env)" sets is all a run needs; --wait and --follow run a job to its result. */
  @Test
  void theEnvironmentOfRayShEnvIsEnoughAndWaitAndFollowRunAJobToItsResult() throws Exception {
    Path state = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "noise-state");
    Map<String, String> env = Map.of("RAY_ADDRESS", address, "SYNAPSE_RAY_DASHBOARD", dashboard, "SYNAPSE_STATE_DIR", state.toString());
    Processes.Outcome task = synapse(env, "run", "examples/ray-plugin", "word-count", "-p", "lines=a b,b", "--json", "--progress", "off",
        "--mode", "task");
    assertEquals(0, task.exitCode(), task::toString);
    assertEquals(Map.of("counts", Map.of("a", 1, "b", 2), "total", 3), Json.parseJson(task.out(), "out"));
    // Ray's native chatter goes to the log file, not to the terminal; --debug shows it.
    Path log = state.resolve("logs/ray-native.log");
    assertTrue(!task.err().contains("gcs_client.cc") && !task.err().contains("getCallerClass"), task::toString);
    assertTrue(Files.isRegularFile(log) && Files.readString(log).contains("gcs_client.cc:"), "the log holds Ray's lines: " + log);
    Files.delete(log);
    Processes.Outcome debug = synapse(env, "run", "examples/ray-plugin", "word-count", "-p", "lines=c", "--json", "--progress", "off",
        "--mode", "task", "--debug");
    assertEquals(0, debug.exitCode(), debug::toString);
    assertTrue(debug.err().contains("gcs_client.cc:"), "--debug shows Ray's own lines: " + debug);
    assertTrue(!Files.exists(log), "--debug leaves the log alone");

    Processes.Outcome waited = synapse(env, "run", "examples/ray-plugin", "word-count", "-p", "lines=x y x", "--json",
        "--progress", "plain", "--mode", "job", "--wait", "--timeout", "4m");
    assertEquals(0, waited.exitCode(), waited::toString);
    assertEquals(Map.of("counts", Map.of("x", 2, "y", 1), "total", 3), Json.parseJson(waited.out(), "out"));
    assertTrue(waited.err().contains("Submitted job synapse-word-count-"), waited::toString);
    assertTrue(waited.err().contains("1/1 (100%)"), "the job's progress, shown when it ends: " + waited);

    Processes.Outcome followed = synapse(env, "run", "examples/ray-plugin", "word-count", "-p", "lines=p q,q,q", "--json",
        "--progress", "plain", "--mode", "job", "--follow", "--timeout", "4m");
    assertEquals(0, followed.exitCode(), followed::toString);
    assertEquals(Map.of("counts", Map.of("p", 1, "q", 3), "total", 4), Json.parseJson(followed.out(), "out"));
    assertTrue(followed.err().contains("3/3 (100%)"), "the job's progress, live: " + followed);
    assertTrue(!followed.err().contains("@@synapse-job-result") && !followed.err().contains("\"protocol\""),
        "neither the outcome nor raw event messages are shown: " + followed);

    Processes.Outcome local = synapse("run", "examples/ray-plugin", "word-count", "-p", "lines=a", "--wait");
    assertEquals(ExitCodes.USAGE, local.exitCode(), local::toString);
    assertTrue(local.err().contains("--wait applies to --mode job"), local::toString);
  }

  @Test
  void runInTaskModeGivesTheSameResultAsLocal() throws Exception {
    Processes.Outcome local = synapse("run", "examples/ray-plugin", "word-count", "-p", "lines=a b,b", "--json", "--progress", "off");
    Processes.Outcome task = synapse("run", "examples/ray-plugin", "word-count", "-p", "lines=a b,b", "--json", "--progress", "off",
        "--mode", "task", "--ray-address", address, "--dashboard", dashboard);
    assertEquals(0, local.exitCode(), local::toString);
    assertEquals(0, task.exitCode(), task::toString);
    assertEquals(Map.of("counts", Map.of("a", 1, "b", 2), "total", 3), Json.parseJson(task.out(), "out"));
    assertEquals(Json.parseJson(local.out(), "out"), Json.parseJson(task.out(), "out"));
  }

  @Test
  void progressLiveShowsAMovingBarForATaskRunWhileItRuns() throws Exception {
    // The gate action reports step 1, then waits for the gate file: the test makes it only once the bar showed step 1.
    Path config = ROOT.resolve("examples/ray-plugin/target/test-classes/META-INF/synapse/ray_job_demo/config.yaml");
    assertTrue(Files.isRegularFile(config), "build examples/ray-plugin's test classes first: " + config);
    Path gate = Files.createTempDirectory("synapse-gate").resolve("open");
    Path out = Files.createTempFile("synapse-it-", ".out");
    Path err = Files.createTempFile("synapse-it-", ".err");
    Process run = new ProcessBuilder("sh", "./synapse", "run", config.toString(), "gate", "-p", "gate=" + gate, "-p", "steps=3",
        "-p", "fail_at_end=false", "--progress", "live", "--mode", "task", "--ray-address", address, "--dashboard", dashboard)
        .directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(150);
      while (!Files.readString(err).contains("1/3 (33%)") && run.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      String early = Files.readString(err);
      assertTrue(early.contains("[gate] gate [") && early.contains("1/3 (33%)"), "the bar showed step 1 while the run waited: " + early);
      assertTrue(run.isAlive() && Files.readString(out).isEmpty(), "no result yet when the first step showed");
      Files.createFile(gate);
      assertTrue(run.waitFor(150, java.util.concurrent.TimeUnit.SECONDS), "the run ended once the gate opened");
      String bar = Files.readString(err);
      assertEquals(0, run.exitValue(), bar);
      assertTrue(bar.indexOf("1/3 (33%)") < bar.indexOf("2/3 (67%)") && bar.indexOf("2/3 (67%)") < bar.indexOf("3/3 (100%)"), bar);
      assertTrue(bar.contains("\r"), "drawn in place: " + bar);
      assertEquals("3", Files.readString(out).trim());
    } finally {
      run.destroyForcibly();
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void runInJobModeThenWaitStatusAndLogs() throws Exception {
    Processes.Outcome submitted = synapse("run", "examples/ray-plugin", "word-count", "-p", "lines=x y x", "--json",
        "--mode", "job", "--dashboard", dashboard);
    assertEquals(0, submitted.exitCode(), submitted::toString);
    String id = String.valueOf(((Map<?, ?>) Json.parseJson(submitted.out(), "out")).get("job_id"));
    Processes.Outcome waited = synapse("job", "wait", id, "--timeout", "3m", "--json", "--dashboard", dashboard);
    assertEquals(0, waited.exitCode(), waited::toString);
    assertEquals(Map.of("counts", Map.of("x", 2, "y", 1), "total", 3), Json.parseJson(waited.out(), "out"));
    Processes.Outcome status = synapse("job", "status", id, "--dashboard", dashboard);
    assertEquals("SUCCEEDED", status.out().trim(), status::toString);
    Processes.Outcome logs = synapse("job", "logs", id, "--dashboard", dashboard);
    assertTrue(logs.out().contains("\"type\":\"progress\""), logs::toString);
    Processes.Outcome unknown = synapse("job", "status", "raysubmit_does_not_exist", "--dashboard", dashboard);
    assertEquals(ExitCodes.NOT_FOUND, unknown.exitCode(), unknown::toString);
  }
}
