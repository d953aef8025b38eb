package io.synapse.plugins.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests to a loopback console: malformed and huge bodies, unknown plugins, actions, modes
 * and runs, paths that try to leave the static files, foreign Host headers and cross-site posts. Each
 * gets a precise error status, quotes nothing it was sent, and starts no run.
 */
class ConsoleHostileInputTest {
  static final String MARK = "Hostile-Mark-5150";
  static ConsoleFixture console;

  @BeforeAll
  static void start() {
    console = ConsoleFixture.loopback();
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  static final List<String> BAD_JSON = List.of(
      "", "{", "}", "[]", "null", "42", "\"" + MARK + "\"", "{\"plugin\": \"" + MARK + "\"",
      "{\"plugin\":\"console_fixture\"} {\"" + MARK + "\":1}", "{'plugin': '" + MARK + "'}",
      "{\"plugin\":\"console_fixture\",\"action\":\"train\",\"params\":{\"dataset_name\":\"" + MARK + "\\x\"}}",
      "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
      "{\"n\":1" + "0".repeat(2000) + "}",
      "\u0000{}", "{\"plugin\":\"console_fixture\",}", "{\"" + MARK + "\" 1}");

  @Test
  void malformedJsonIsRefusedWithoutQuotingIt() throws Exception {
    for (String body : BAD_JSON) {
      for (String path : List.of("/api/validate", "/api/runs")) {
        HttpResponse<String> response = console.post(path, body);
        assertEquals(400, response.statusCode(), path + " " + abbreviate(body) + ": " + response.body());
        assertFalse(response.body().contains(MARK), response.body());
      }
    }
    assertNoRuns();
  }

  static final List<String> BAD_REQUESTS = List.of(
      "{\"action\":\"train\"}", "{\"plugin\":\"console_fixture\"}", "{\"plugin\":7,\"action\":\"train\"}",
      "{\"plugin\":\"\",\"action\":\"train\"}", "{\"plugin\":\"console_fixture\",\"action\":[\"train\"]}",
      "{\"plugin\":\"console_fixture\",\"action\":\"train\",\"params\":[1]}",
      "{\"plugin\":\"console_fixture\",\"action\":\"train\",\"params\":\"dataset_name=x\"}",
      "{\"plugin\":\"console_fixture\",\"action\":\"train\",\"mode\":\"serve\",\"params\":{\"dataset_name\":\"x\"}}",
      "{\"plugin\":\"console_fixture\",\"action\":\"train\",\"mode\":3,\"params\":{\"dataset_name\":\"x\"}}");

  @Test
  void requestsMissingOrMistypingTheirPartsAre400() throws Exception {
    for (String body : BAD_REQUESTS) {
      HttpResponse<String> response = console.post("/api/runs", body);
      assertEquals(400, response.statusCode(), body + ": " + response.body());
    }
    assertTrue(console.post("/api/runs", BAD_REQUESTS.get(7)).body().contains("unknown_mode"));
    assertNoRuns();
  }

  @Test
  void unknownPluginsAndActionsAre404NamingWhatThereIs() throws Exception {
    HttpResponse<String> action = console.post("/api/runs", "{\"plugin\":\"console_fixture\",\"action\":\"trian\",\"params\":{}}");
    assertEquals(404, action.statusCode(), action.body());
    assertTrue(action.body().contains("action_not_found") && action.body().contains("train"), action.body());
    HttpResponse<String> plugin = console.post("/api/validate", "{\"plugin\":\"../../etc\",\"action\":\"train\",\"params\":{}}");
    assertEquals(404, plugin.statusCode(), plugin.body());
    assertTrue(plugin.body().contains("console_fixture"), "names the served plugins: " + plugin.body());
    for (String path : List.of("/api/runs/run-999", "/api/runs/run-1x", "/api/runs/../plugins", "/api/runs/run-1/../../x",
        "/api/runs/%2e%2e/plugins", "/api/nothing", "/api/", "/api/runs/run-99999999999999999999/events")) {
      RawHttp.Response response = RawHttp.get(console.server.port(), path, "127.0.0.1:" + console.server.port());
      assertTrue(response.status() == 404 || response.status() == 400, path + ": " + response.text());
    }
    assertNoRuns();
  }

  @Test
  void bodiesOverTheLimitAreRefusedUnread() throws Exception {
    int port = console.server.port();
    byte[] huge = ("{\"plugin\":\"console_fixture\",\"action\":\"train\",\"params\":{\"dataset_name\":\""
        + "x".repeat(HttpIo.MAX_BODY_BYTES) + "\"}}").getBytes(StandardCharsets.UTF_8);
    RawHttp.Response declared = RawHttp.send(port, "POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nContent-Type: application/json\r\nContent-Length: " + huge.length, huge);
    assertEquals(413, declared.status(), declared.text());
    RawHttp.Response lying = RawHttp.send(port, "POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nContent-Type: application/json\r\nContent-Length: 99999999999", huge);
    assertEquals(413, lying.status(), lying.text());
    RawHttp.Response chunked = RawHttp.send(port, "POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", chunked(huge));
    assertEquals(413, chunked.status(), chunked.text());
    RawHttp.Response negative = RawHttp.send(port, "POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nContent-Type: application/json\r\nContent-Length: -5", new byte[0]);
    assertTrue(negative.status() == 400 || negative.status() == -1, negative.text());
    assertNoRuns();
  }

  @Test
  void nonJsonContentTypesAre415() throws Exception {
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "")) {
      int port = console.server.port();
      byte[] body = "{\"plugin\":\"console_fixture\",\"action\":\"train\",\"params\":{\"dataset_name\":\"x\"}}".getBytes(StandardCharsets.UTF_8);
      String header = type.isEmpty() ? "" : "\r\nContent-Type: " + type;
      RawHttp.Response response = RawHttp.send(port, "POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + port + header
          + "\r\nContent-Length: " + body.length, body);
      assertEquals(415, response.status(), type + ": " + response.text());
    }
    assertNoRuns();
  }

  static final List<String> TRAVERSALS = List.of(
      "/../pom.xml", "/..%2fpom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/app.js/../../../etc/passwd",
      "//etc/passwd", "/etc/passwd", "/io/synapse/plugins/console/web/app.js", "/web/app.js", "/index.html%00.js",
      "/app.js%00", "/APP.JS", "/app.js/", "/./app.js", "/.%2e/app.js", "/META-INF/MANIFEST.MF",
      "/io/synapse/plugins/console/ConsoleServer.class", "/..\\..\\pom.xml", "/%5c..%5cpom.xml", "/file:///etc/passwd",
      "/C:/Windows/win.ini", "/~root/.ssh/id_rsa", "/index.html/..", "/%252e%252e/pom.xml");

  @Test
  void staticFilesServeTheirFixedTableOnly() throws Exception {
    int port = console.server.port();
    for (String path : TRAVERSALS) {
      RawHttp.Response response = RawHttp.get(port, path, "127.0.0.1:" + port);
      assertTrue(response.status() == 404 || response.status() == 400, path + ": " + response.status());
      assertFalse(response.text().contains("root:") || response.text().contains("<project") || response.text().contains("Manifest-Version"),
          path + " leaked a file");
    }
    assertEquals(200, RawHttp.get(port, "/app.js", "127.0.0.1:" + port).status());
    assertEquals(405, console.post("/app.js", "{}").statusCode());
  }

  static final List<String> FOREIGN_HOSTS = List.of("evil.example", "evil.example:%d", "127.0.0.1", "127.0.0.1:1",
      "localhost.evil.example:%d", "127.0.0.1.nip.io:%d", "0.0.0.0:%d", "[::1]", "127.0.0.1:%d@evil.example", "");

  @Test
  void aLoopbackConsoleAnswersLoopbackHostsOnly() throws Exception {
    int port = console.server.port();
    for (String host : FOREIGN_HOSTS) {
      RawHttp.Response response = RawHttp.get(port, "/api/plugins", String.format(host, port));
      assertEquals(403, response.status(), host + ": " + response.text());
    }
    RawHttp.Response noHost = RawHttp.send(port, "GET /api/plugins HTTP/1.1", new byte[0]);
    assertTrue(noHost.status() == 403 || noHost.status() == 400, noHost.text());
    for (String host : List.of("127.0.0.1:%d", "localhost:%d", "LOCALHOST:%d", "[::1]:%d")) {
      assertEquals(200, RawHttp.get(port, "/api/plugins", String.format(host, port)).status(), host);
    }
  }

  @Test
  void crossSitePostsAreRefused() throws Exception {
    int port = console.server.port();
    byte[] body = "{\"plugin\":\"console_fixture\",\"action\":\"train\",\"params\":{\"dataset_name\":\"x\"}}".getBytes(StandardCharsets.UTF_8);
    for (String origin : List.of("http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:" + port, "http://localhost:" + port)) {
      RawHttp.Response response = RawHttp.send(port, "POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nOrigin: " + origin + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length, body);
      assertEquals(403, response.status(), origin + ": " + response.text());
    }
    assertNoRuns();
  }

  @Test
  void wrongMethodsAre405() throws Exception {
    int port = console.server.port();
    for (String request : List.of("DELETE /api/plugins", "PUT /api/runs", "GET /api/validate", "POST /api/plugins",
        "PATCH /", "DELETE /api/runs")) {
      RawHttp.Response response = RawHttp.send(port, request + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nContent-Type: application/json\r\nContent-Length: 2", "{}".getBytes(StandardCharsets.UTF_8));
      assertEquals(405, response.status(), request + ": " + response.text());
    }
  }

  private static void assertNoRuns() throws Exception {
    assertEquals("{\"runs\":[]}", console.get("/api/runs").body());
  }

  private static byte[] chunked(byte[] body) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += 65536) {
      int n = Math.min(65536, body.length - at);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, at, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
