package io.synapse.plugins.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A console serving the test plugin, with its log captured and the secrets it was told of. */
final class ConsoleFixture implements AutoCloseable {
  static final String PLUGIN = "console_fixture";

  final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  final Set<String> secretsSeen = ConcurrentHashMap.newKeySet();
  final ConsoleServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ConsoleFixture(ConsoleSettings settings) {
    server = ConsoleServer.start(settings, new PrintStream(logBytes, true, StandardCharsets.UTF_8), secretsSeen::add);
  }

  static ConsoleFixture loopback() {
    return new ConsoleFixture(ConsoleSettings.loopback(List.of(PLUGIN)));
  }

  String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  URI uri(String path) {
    return server.address().resolve(path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Starts a run and returns its id. */
  String startRun(String json) throws IOException, InterruptedException {
    HttpResponse<String> response = post("/api/runs", json);
    assertEquals(202, response.statusCode(), response.body());
    String body = response.body();
    int at = body.indexOf("\"id\":\"") + 6;
    return body.substring(at, body.indexOf('"', at));
  }

  /** The whole event stream of a run (the response ends after the run's last event). */
  String events(String runId) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/runs/" + runId + "/events");
    assertEquals(200, response.statusCode());
    return response.body();
  }

  @Override
  public void close() {
    server.close();
  }
}
