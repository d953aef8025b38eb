package io.synapse.plugins.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A console listening beyond loopback ({@code --host 0.0.0.0}; the test connects through 127.0.0.1 only)
 * asks every request for its token: by header, by the cookie the printed URL sets, never from a wrong,
 * partial, padded or empty one; the token is not in its log.
 */
class ConsoleTokenTest {
  static ConsoleFixture console;
  static String token;
  static int port;

  @BeforeAll
  static void start() {
    console = new ConsoleFixture(ConsoleSettings.loopback(List.of(ConsoleFixture.PLUGIN)).withHost("0.0.0.0"));
    token = console.server.token().orElseThrow();
    port = console.server.port();
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  private static RawHttp.Response get(String path, String extraHeaders) throws Exception {
    return RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + extraHeaders, new byte[0]);
  }

  @Test
  void theTokenIsRandomAndInThePrintedUrlOnly() {
    assertTrue(token.length() >= 40, token.length() + " characters");
    assertTrue(console.server.url().toString().endsWith("?token=" + token));
    assertFalse(console.server.address().toString().contains(token));
    try (ConsoleFixture other = new ConsoleFixture(ConsoleSettings.loopback(List.of(ConsoleFixture.PLUGIN)).withHost("0.0.0.0"))) {
      assertFalse(token.equals(other.server.token().orElseThrow()));
    }
    try (ConsoleFixture loopback = ConsoleFixture.loopback()) {
      assertTrue(loopback.server.token().isEmpty(), "a loopback console asks for no token");
    }
  }

  @Test
  void everyPathAsksForTheToken() throws Exception {
    for (String path : List.of("/", "/app.js", "/style.css", "/api/plugins", "/api/runs", "/api/runs/run-1/events", "/nothing")) {
      RawHttp.Response response = get(path, "");
      assertEquals(401, response.status(), path + ": " + response.text());
      assertFalse(response.text().contains(token));
    }
    RawHttp.Response post = RawHttp.send(port, "POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nContent-Type: application/json\r\nContent-Length: 2", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(401, post.status());
  }

  @Test
  void wrongTokensAreRefused() throws Exception {
    List<String> wrong = List.of("", " ", token.substring(1), token + "x", token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"),
        token.toUpperCase(java.util.Locale.ROOT).equals(token) ? token.toLowerCase(java.util.Locale.ROOT) : token.toUpperCase(java.util.Locale.ROOT),
        token.substring(0, 8), "Bearer " + token, "\u0000" + token, "%" + token);
    for (String candidate : wrong) {
      assertEquals(401, get("/api/plugins", "\r\nAuthorization: Bearer " + candidate).status(), "header " + wrong.indexOf(candidate));
      assertEquals(401, get("/api/plugins", "\r\nCookie: " + AccessFilter.COOKIE + "=" + candidate).status(), "cookie " + candidate.length());
      assertEquals(401, get("/?token=" + java.net.URLEncoder.encode(candidate, java.nio.charset.StandardCharsets.UTF_8), "").status());
    }
    assertEquals(401, get("/api/plugins", "\r\nAuthorization: Basic " + token).status());
    assertEquals(401, get("/api/plugins", "\r\nCookie: other=" + token).status());
    assertEquals(401, get("/api/plugins?token=" + token, "").status(), "the query is taken on the page only");
  }

  @Test
  void theRightTokenOpensEveryPath() throws Exception {
    assertEquals(200, get("/api/plugins", "\r\nAuthorization: Bearer " + token).status());
    assertEquals(200, get("/api/plugins", "\r\nAuthorization: bearer " + token).status());
    assertEquals(200, get("/app.js", "\r\nCookie: a=b; " + AccessFilter.COOKIE + "=" + token).status());
    RawHttp.Response page = get("/?token=" + token, "");
    assertEquals(303, page.status(), page.text());
    String headers = page.text().toLowerCase(java.util.Locale.ROOT);
    assertTrue(headers.contains(("Set-Cookie: " + AccessFilter.COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict").toLowerCase(java.util.Locale.ROOT)), page.text());
    assertTrue(headers.contains("location: /\r\n"), page.text());
    assertFalse(console.log().contains(token), console.log());
  }
}
