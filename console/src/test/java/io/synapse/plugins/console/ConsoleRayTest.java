package io.synapse.plugins.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TASK and JOB runs from the console against the test run's real Ray head: the same event stream
 * (progress in order, metrics, the masked result) as LOCAL, the Ray job id, typed errors from the
 * cluster, and a job stopped from the console.
 */
@WithRayHead
class ConsoleRayTest {
  static final String SECRET = "ray-Console-Secret-9";
  static ConsoleFixture console;

  @BeforeAll
  static void start(RayHead head) {
    console = new ConsoleFixture(ConsoleSettings.loopback(List.of(ConsoleFixture.PLUGIN))
        .withEnv(Map.of("SERVICE_TOKEN", "env-Secret-Value-1"))
        .withRay(head.address(), head.dashboardUrl(), 1));
  }

  @AfterAll
  static void stop() {
    if (console != null) {
      console.close();
    }
  }

  private static String train(String mode, int epochs) {
    return "{\"plugin\":\"console_fixture\",\"action\":\"train\",\"mode\":\"" + mode + "\",\"params\":{\"dataset_name\":\"cats\","
        + "\"epochs\":" + epochs + ",\"api_token\":\"" + SECRET + "\"}}";
  }

  private static List<Double> trainProgress(String stream) {
    List<Double> percents = new java.util.ArrayList<>();
    Matcher progress = Pattern.compile("\"category\":\"train\".*?\"percent\":([0-9.]+)").matcher(stream);
    while (progress.find()) {
      percents.add(Double.parseDouble(progress.group(1)));
    }
    return percents;
  }

  @Test
  void aTaskRunStreamsTheSameEventsAsLocal() throws Exception {
    String stream = console.events(console.startRun(train("task", 2)));
    assertTrue(stream.contains("event: result"), stream);
    assertEquals(List.of(50.0, 100.0), trainProgress(stream), stream);
    assertTrue(stream.contains("\"note\":\"trained with ***\""), stream);
    assertTrue(stream.contains("\"status\":\"succeeded\""), stream);
    assertFalse(stream.contains(SECRET), stream);
  }

  @Test
  void aJobRunNamesItsRayJobAndEndsWithTheTypedResult() throws Exception {
    String id = console.startRun(train("job", 3));
    String stream = console.events(id);
    Matcher job = Pattern.compile("event: job\ndata: \\{\"job_id\":\"([^\"]+)\"").matcher(stream);
    assertTrue(job.find(), stream);
    assertTrue(stream.contains("event: result"), stream);
    assertTrue(stream.contains("event: log\ndata: {\"lines\":["), "the job's log lines: " + stream);
    // The worker throttles progress (the first and the last value always go through): the bar moves and ends full.
    List<Double> progress = trainProgress(stream);
    assertTrue(progress.size() >= 2 && progress.get(0) < 100.0, stream);
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes down: " + progress);
    }
    assertEquals(100.0, progress.get(progress.size() - 1), stream);
    assertTrue(stream.contains("\"status\":\"completed\"") && stream.contains("trained with ***"), stream);
    assertFalse(stream.contains(SECRET), stream);
    String run = console.get("/api/runs/" + id).body();
    assertTrue(run.contains("\"job_id\":\"" + job.group(1) + "\"") && run.contains("\"status\":\"succeeded\""), run);
    assertFalse(run.contains(SECRET), run);
    assertFalse(console.log().contains(SECRET), console.log());
  }

  @Test
  void aFailingJobEndsWithItsTypedError() throws Exception {
    String stream = console.events(console.startRun(
        "{\"plugin\":\"console_fixture\",\"action\":\"fail\",\"mode\":\"job\",\"params\":{\"password\":\"" + SECRET + "\"}}"));
    assertTrue(stream.contains("event: error"), stream);
    assertTrue(stream.contains("\"code\":\"execution_error\""), stream);
    assertTrue(stream.contains("\"status\":\"failed\""), stream);
    assertFalse(stream.contains(SECRET), stream);
  }

  @Test
  void aJobStoppedFromTheConsoleEndsStopped() throws Exception {
    // A paused job waits for a gate only this JVM could open: it runs until it is stopped.
    String id = console.startRun("{\"plugin\":\"console_fixture\",\"action\":\"train\",\"mode\":\"job\","
        + "\"params\":{\"dataset_name\":\"cats\",\"pause\":true}}");
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!console.get("/api/runs/" + id).body().contains("\"job_id\":\"") && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    String stop = console.post("/api/runs/" + id + "/stop", "{}").body();
    assertEquals("{\"stopped\":true}", stop);
    String stream = console.events(id);
    assertTrue(stream.contains("\"status\":\"stopped\""), stream);
    assertTrue(console.get("/api/runs").body().contains("\"status\":\"stopped\""));
  }
}
