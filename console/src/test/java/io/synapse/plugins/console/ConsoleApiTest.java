package io.synapse.plugins.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.console.fixture.Gate;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's API over plain HTTP: listing, validation by the real binder, runs and their event streams. */
class ConsoleApiTest {
  static final String SECRET = "tok-Zq81-secret-value";
  static ConsoleFixture console;

  @BeforeAll
  static void start() {
    Gate.reset();
    console = ConsoleFixture.loopback();
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  @Test
  void listsThePluginWithItsActionsAndSchemas() throws Exception {
    HttpResponse<String> response = console.get("/api/plugins");
    assertEquals(200, response.statusCode());
    String body = response.body();
    assertTrue(body.contains("\"code\":\"console_fixture\""), body);
    assertTrue(body.contains("\"name\":\"train\"") && body.contains("\"name\":\"fail\""), body);
    assertTrue(body.contains("\"dataset_name\"") && body.contains("\"api_token\""), "schemas keyed by wire names: " + body);
    assertTrue(body.contains("\"writeOnly\":true"), "the secret is marked in the schema: " + body);
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void validationReportsEveryViolationByWireNameWithoutQuotingValues() throws Exception {
    HttpResponse<String> response = console.post("/api/validate", "{\"plugin\":\"console_fixture\",\"action\":\"train\","
        + "\"params\":{\"dataset_name\":\"  \",\"epochs\":11,\"api_token\":\"" + SECRET + "\",\"augment\":{\"rotate\":91},"
        + "\"optimiser\":\"sgd\"}}");
    assertEquals(422, response.statusCode());
    String body = response.body();
    for (String path : List.of("dataset_name", "epochs", "augment.rotate", "optimiser")) {
      assertTrue(body.contains("\"path\":\"" + path + "\""), path + " in " + body);
    }
    assertTrue(body.contains("did you mean 'optimizer'"), body);
    assertTrue(body.contains("\"code\":\"validation_error\""), body);
    assertFalse(body.contains(SECRET), body);
    assertEquals(200, console.post("/api/validate", "{\"plugin\":\"console_fixture\",\"action\":\"train\","
        + "\"params\":{\"dataset_name\":\"cats\",\"apiToken\":\"" + SECRET + "\"}}").statusCode(), "Java names bind too");
  }

  @Test
  void invalidParamsStartNoRun() throws Exception {
    int before = runCount();
    HttpResponse<String> response = console.post("/api/runs", "{\"plugin\":\"console_fixture\",\"action\":\"train\",\"params\":{}}");
    assertEquals(422, response.statusCode());
    assertTrue(response.body().contains("\"path\":\"dataset_name\""), response.body());
    assertEquals(before, runCount());
  }

  @Test
  void aLocalRunStreamsProgressInOrderThenTheMaskedResult() throws Exception {
    String id = console.startRun("{\"plugin\":\"console_fixture\",\"action\":\"train\",\"mode\":\"local\","
        + "\"params\":{\"dataset_name\":\"cats\",\"epochs\":4,\"api_token\":\"" + SECRET + "\"}}");
    String stream = console.events(id);
    List<String> kinds = new ArrayList<>();
    Matcher event = Pattern.compile("(?m)^event: (\\w+)$").matcher(stream);
    while (event.find()) {
      kinds.add(event.group(1));
    }
    assertEquals("end", kinds.get(kinds.size() - 1), stream);
    assertEquals("result", kinds.get(kinds.size() - 2), stream);
    List<Double> train = new ArrayList<>();
    Matcher progress = Pattern.compile("\"category\":\"train\".*?\"percent\":([0-9.]+)").matcher(stream);
    while (progress.find()) {
      train.add(Double.parseDouble(progress.group(1)));
    }
    assertEquals(List.of(25.0, 50.0, 75.0, 100.0), train, stream);
    assertTrue(stream.contains("\"overall\""), stream);
    assertTrue(stream.contains("\"type\":\"metrics\"") && stream.contains("\"loss\""), stream);
    assertTrue(stream.contains("\"note\":\"trained with ***\""), "the result is masked: " + stream);
    assertFalse(stream.contains(SECRET), stream);
    String run = console.get("/api/runs/" + id).body();
    assertTrue(run.contains("\"status\":\"succeeded\""), run);
    assertFalse(run.contains(SECRET), run);
    assertFalse(console.get("/api/runs").body().contains(SECRET));
    assertFalse(console.log().contains(SECRET), console.log());
    assertTrue(console.secretsSeen.contains(SECRET), "the command line is told the secret, to mask what actions print");
  }

  @Test
  void aFailingRunEndsWithItsTypedErrorMasked() throws Exception {
    String id = console.startRun("{\"plugin\":\"console_fixture\",\"action\":\"fail\",\"params\":{\"password\":\"" + SECRET + "\"}}");
    String stream = console.events(id);
    assertTrue(stream.contains("event: error"), stream);
    assertTrue(stream.contains("\"code\":\"execution_error\""), stream);
    assertTrue(stream.contains("cannot connect with ***"), stream);
    assertFalse(stream.contains(SECRET), stream);
    assertTrue(console.get("/api/runs/" + id).body().contains("\"status\":\"failed\""));
  }

  @Test
  void aStoppedLocalRunEndsStopped() throws Exception {
    Gate.reset();
    String id = console.startRun("{\"plugin\":\"console_fixture\",\"action\":\"train\","
        + "\"params\":{\"dataset_name\":\"cats\",\"epochs\":3,\"pause\":true}}");
    HttpResponse<String> stop = console.post("/api/runs/" + id + "/stop", "{}");
    assertEquals(200, stop.statusCode());
    assertTrue(stop.body().contains("\"stopped\":true"), stop.body());
    String stream = console.events(id);
    assertTrue(stream.contains("\"status\":\"stopped\""), stream);
    assertEquals("{\"stopped\":false}", console.post("/api/runs/" + id + "/stop", "{}").body());
  }

  @Test
  void reconnectingBrowsersGetOnlyTheFramesAfterTheirLastEventId() throws Exception {
    String id = console.startRun("{\"plugin\":\"console_fixture\",\"action\":\"train\",\"params\":{\"dataset_name\":\"dogs\"}}");
    String whole = console.events(id);
    HttpResponse<String> later = console.http.send(java.net.http.HttpRequest.newBuilder(console.uri("/api/runs/" + id + "/events"))
        .header("Last-Event-ID", "3").build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(whole.contains("id: 1\n") && whole.contains("id: 3\n"), whole);
    assertFalse(later.body().contains("id: 3\n"), later.body());
    assertTrue(later.body().contains("id: 4\n"), later.body());
  }

  @Test
  void eventStreamsAreBoundedAndTheConsoleStillAnswersAtTheBound() throws Exception {
    Gate.reset();
    String id = console.startRun("{\"plugin\":\"console_fixture\",\"action\":\"train\","
        + "\"params\":{\"dataset_name\":\"cats\",\"epochs\":1,\"pause\":true}}");
    int port = console.server.port();
    List<java.net.Socket> streams = new ArrayList<>();
    try {
      for (int i = 0; i < EventStream.MAX_STREAMS; i++) {
        java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        socket.getOutputStream().write(("GET /api/runs/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] head = new byte[12];
        assertEquals(12, socket.getInputStream().readNBytes(head, 0, 12));
        assertEquals("HTTP/1.1 200", new String(head, java.nio.charset.StandardCharsets.US_ASCII));
        streams.add(socket);
      }
      HttpResponse<String> over = console.get("/api/runs/" + id + "/events");
      assertEquals(503, over.statusCode(), over.body());
      assertTrue(over.body().contains("too_many_streams"), over.body());
      assertEquals(200, console.get("/api/plugins").statusCode(), "other requests are still answered");
    } finally {
      for (java.net.Socket socket : streams) {
        socket.close();
      }
      Gate.open();
    }
    // The closed streams are let go when the server next writes to them (the run's last frames, or a
    // keep-alive): until then a new stream may still be over the bound.
    long deadline = System.nanoTime() + 60_000_000_000L;
    HttpResponse<String> after = console.get("/api/runs/" + id + "/events");
    while (after.statusCode() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      after = console.get("/api/runs/" + id + "/events");
    }
    assertEquals(200, after.statusCode(), after.body());
    assertTrue(after.body().contains("event: result"), after.body());
  }

  private static int runCount() throws Exception {
    String body = console.get("/api/runs").body();
    return body.split("\"id\":\"run-", -1).length - 1;
  }
}
