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
    List<String> command = new java.util.ArrayList<>(List.of("sh", "./synapse"));
    command.addAll(List.of(args));
    return Processes.run(ROOT, command, Map.of(), 300);
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
