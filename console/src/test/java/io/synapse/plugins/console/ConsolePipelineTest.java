package io.synapse.plugins.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.console.fixture.FinishAction;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pipeline runs from the console: started, listed from the run store with each action's status, resumed after a failure. */
class ConsolePipelineTest {
  static ConsoleFixture console;

  @BeforeAll
  static void start() {
    console = new ConsoleFixture(ConsoleSettings.loopback(List.of(ConsoleFixture.PLUGIN)).withPipelineStore("memory:console-pipeline-test"));
  }

  @AfterAll
  static void stop() {
    FinishAction.FAILING.set(false);
    console.close();
  }

  @Test
  void theListingNamesThePipelineWithItsSchema() throws Exception {
    String body = console.get("/api/plugins").body();
    assertTrue(body.contains("\"pipelines\":[{\"name\":\"flow\"") && body.contains("\"actions\":[\"stage\",\"finish\"]"), body);
  }

  @Test
  void aFailedPipelineRunShowsEachActionAndResumesFromTheFailedOne() throws Exception {
    FinishAction.FAILING.set(true);
    HttpResponse<String> started = console.post("/api/pipeline-runs",
        "{\"plugin\":\"console_fixture\",\"pipeline\":\"flow\",\"mode\":\"local\",\"params\":{\"dataset_name\":\"cats\"}}");
    assertEquals(202, started.statusCode(), started.body());
    String runId = started.body().replaceAll(".*\"run_id\":\"([^\"]+)\".*", "$1");
    String failed = awaitRun(runId, run -> run.contains("\"status\":\"failed\""));
    assertTrue(failed.contains("{\"index\":0,\"action\":\"stage\",\"status\":\"completed\",\"progress\":100.0,\"attempts\":1"), failed);
    assertTrue(failed.contains("\"action\":\"finish\",\"status\":\"failed\""), failed);
    assertTrue(failed.contains("\"progress\":50.0"), failed);

    FinishAction.FAILING.set(false);
    HttpResponse<String> resumed = console.post("/api/pipeline-runs/" + runId + "/resume", "{\"mode\":\"local\"}");
    assertEquals(202, resumed.statusCode(), resumed.body());
    String completed = awaitRun(runId, run -> run.contains("\"status\":\"completed\",\"progress\":100.0"));
    assertTrue(completed.contains("\"action\":\"stage\",\"status\":\"skipped\",\"progress\":100.0,\"attempts\":1"),
        "the completed action is not run again: " + completed);
    assertTrue(completed.contains("\"action\":\"finish\",\"status\":\"completed\",\"progress\":100.0,\"attempts\":2"), completed);
  }

  @Test
  void invalidInitialParamsAreRefusedWithTheirViolationsAndRecordNothing() throws Exception {
    int before = console.get("/api/pipeline-runs").body().split("\"run_id\"", -1).length;
    HttpResponse<String> refused = console.post("/api/pipeline-runs",
        "{\"plugin\":\"console_fixture\",\"pipeline\":\"flow\",\"params\":{\"dataset_name\":\" \"}}");
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("\"path\":\"dataset_name\""), refused.body());
    assertEquals(before, console.get("/api/pipeline-runs").body().split("\"run_id\"", -1).length);
  }

  @Test
  void unknownPipelinesAndRunsAre404() throws Exception {
    HttpResponse<String> pipeline = console.post("/api/pipeline-runs", "{\"plugin\":\"console_fixture\",\"pipeline\":\"flwo\",\"params\":{}}");
    assertEquals(404, pipeline.statusCode(), pipeline.body());
    assertTrue(pipeline.body().contains("flow"), pipeline.body());
    assertEquals(404, console.post("/api/pipeline-runs/nosuchrun/resume", "{}").statusCode());
    assertEquals(404, console.post("/api/pipeline-runs/nosuchrun/cancel", "{}").statusCode());
    for (String path : List.of("/api/pipeline-runs/../runs/resume", "/api/pipeline-runs/a%2fb/resume", "/api/pipeline-runs/x/delete")) {
      RawHttp.Response response = RawHttp.send(console.server.port(), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:"
          + console.server.port() + "\r\nContent-Type: application/json\r\nContent-Length: 2", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertTrue(response.status() == 404 || response.status() == 400, path + ": " + response.text());
    }
  }

  private static String awaitRun(String runId, Predicate<String> done) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      String runs = console.get("/api/pipeline-runs").body();
      int at = runs.indexOf("{\"run_id\":\"" + runId + "\"");
      if (at >= 0) {
        int end = runs.indexOf("{\"run_id\":", at + 1);
        String run = runs.substring(at, end < 0 ? runs.length() : end);
        if (done.test(run)) {
          return run;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + runId + " did not get there: " + console.get("/api/pipeline-runs").body());
  }
}
