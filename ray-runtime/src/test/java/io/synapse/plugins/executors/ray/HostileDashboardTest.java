package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.RetryPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dashboard read is bounded in bytes and in time: servers on loopback that answer slowly, endlessly,
 * hugely, malformed, with the wrong content type, with redirects or with broken framing make a precise
 * {@code ray_dashboard_error} (or {@code ray_dashboard_unreachable}) within the request timeout, never a hang
 * or a full heap; transient failures are retried with events and counted.
 */
class HostileDashboardTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  // Generous for a loaded machine, far below "as long as the server keeps sending".
  private static final long BOUND_MILLIS = 20_000;
  private static final long LIMIT = 1 << 20;

  @TempDir
  Path dir;

  private final RecordingSink sink = new RecordingSink();

  private RayJobExecutor executor(String url, int retries) {
    return RayJobExecutor.builder().dashboardUrl(url).requestTimeout(TIMEOUT).maxReplyBytes(LIMIT).maxLogBytes(2 * LIMIT)
        .maxRetries(retries).sink(sink).resultKeyFile(dir.resolve("key")).build();
  }

  private static String ok(String contentType, String body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
  }

  /** Runs {@code call} against a server running {@code script}; the error it raises, within the bound. */
  private PluginError against(HostileServer.Script script, Function<RayJobExecutor, Executable> call) throws Exception {
    return against(script, call, true);
  }

  private PluginError against(HostileServer.Script script, Function<RayJobExecutor, Executable> call, boolean closes) throws Exception {
    try (HostileServer server = new HostileServer(script)) {
      long started = System.nanoTime();
      PluginError error = assertThrows(PluginError.class, call.apply(executor(server.url(), 0)));
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(millis < BOUND_MILLIS, "took " + millis + " ms: " + error.getMessage());
      if (closes) {
        assertTrue(server.allClosedWithin(5_000), "the client left a connection open");
      }
      return error;
    }
  }

  private static void endless(OutputStream out, byte[] piece, long pauseMillis) throws IOException, InterruptedException {
    while (true) {
      out.write(piece);
      out.flush();
      if (pauseMillis > 0) {
        Thread.sleep(pauseMillis);
      }
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    PluginError error = against((line, out) -> Thread.sleep(60_000), jobs -> () -> jobs.getStatus("x"));
    assertEquals(RayJobExecutor.DASHBOARD_ERROR, error.code());
    assertTrue(error.getMessage().contains("did not answer GET /api/jobs/x within PT2S"), error.getMessage());
  }

  @Test
  void headersSentOneByteAtATimeTimeOut() throws Exception {
    PluginError error = against((line, out) -> endless(out, "X".getBytes(), 200), jobs -> () -> jobs.getStatus("x"));
    assertEquals(RayJobExecutor.DASHBOARD_ERROR, error.code());
  }

  @Test
  void anEndlessHeaderIsRefused() throws Exception {
    // The JDK refuses headers over 384 KiB, but leaves that connection open until its client is collected.
    PluginError error = against((line, out) -> {
      HostileServer.write(out, "HTTP/1.1 200 OK\r\nX-Flood: ");
      endless(out, "a".repeat(64 * 1024).getBytes(), 0);
    }, jobs -> () -> jobs.getStatus("x"), false);
    assertTrue(error.code().startsWith("ray_dashboard"), error.code());
    assertTrue(error.getMessage().contains("Header size too big"), error.getMessage());
  }

  @Test
  void aBodyTricklingPastTheDeadlineTimesOut() throws Exception {
    PluginError error = against((line, out) -> {
      HostileServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
      endless(out, " ".getBytes(), 100);
    }, jobs -> () -> jobs.getStatus("x"));
    assertEquals(RayJobExecutor.DASHBOARD_ERROR, error.code());
    assertTrue(error.getMessage().contains("did not finish its reply to GET /api/jobs/x within"), error.getMessage());
  }

  @Test
  void anEndlessChunkedBodyIsCutAtTheLimit() throws Exception {
    long heapBefore = usedHeap();
    PluginError error = against((line, out) -> {
      HostileServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = ("10000\r\n" + "[".repeat(0x10000) + "\r\n").getBytes();
      endless(out, chunk, 0);
    }, jobs -> () -> jobs.getStatus("x"));
    assertEquals(RayJobExecutor.DASHBOARD_ERROR, error.code());
    assertTrue(error.getMessage().contains("with more than 1048576 bytes"), error.getMessage());
    assertEquals(LIMIT, ((Number) error.details().get("limit_bytes")).longValue());
    assertTrue(usedHeap() - heapBefore < 64L << 20, "the body was not held");
  }

  @Test
  void aHugeDeclaredLengthIsCutAtTheLimitToo() throws Exception {
    PluginError error = against((line, out) -> {
      HostileServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n");
      endless(out, new byte[65536], 0);
    }, jobs -> () -> jobs.list());
    assertTrue(error.getMessage().contains("with more than " + 2 * LIMIT + " bytes"), error.getMessage());
  }

  @Test
  void endlessLogsAreCutAtTheLogLimitWhileStreamed() throws Exception {
    for (Function<RayJobExecutor, Executable> call : List.<Function<RayJobExecutor, Executable>>of(
        jobs -> () -> jobs.getLogs("x"), jobs -> () -> jobs.getProgress("x"), jobs -> () -> jobs.getEvents("x"))) {
      PluginError error = against((line, out) -> {
        HostileServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        HostileServer.write(out, "b\r\n{\"logs\": \"a\r\n");
        endless(out, ("8000\r\n" + "line\\n".repeat(0x8000 / 6) + "xy\r\n").getBytes(), 0);
      }, call);
      assertTrue(error.getMessage().contains("with more than " + 2 * LIMIT + " bytes"), error.getMessage());
    }
  }

  @Test
  void malformedBodiesAreNamedWithTheirContentType() throws Exception {
    List<String[]> cases = List.of(
        new String[] {"text/html", "<html><body>Sign in to the proxy</body></html>"},
        new String[] {"application/json", "{\"status\": \"RUNNING\""},
        new String[] {"application/json", "[1, 2"},
        new String[] {"application/octet-stream", "\u0000\u0001\u0002binary\u0007"},
        new String[] {"application/json", ""});
    for (String[] given : cases) {
      PluginError error = against((line, out) -> HostileServer.write(out, ok(given[0], given[1])), jobs -> () -> jobs.getStatus("x"));
      assertEquals(RayJobExecutor.DASHBOARD_ERROR, error.code(), given[1]);
      assertTrue(error.getMessage().contains("content type " + given[0]) || error.getMessage().contains("other than a JSON object"),
          error.getMessage());
      assertFalse(error.getMessage().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t'), "no control characters: " + error.getMessage());
    }
  }

  @Test
  void logsThatAreNotTheDashboardsShapeAreRefused() throws Exception {
    for (String body : List.of("{\"logs\": 5}", "{\"logs\": \"unterminated", "{\"logs\": \"a\\qb\"}", "[\"logs\"]", "{\"logs\": \"x\"} trailing")) {
      PluginError error = against((line, out) -> HostileServer.write(out, ok("application/json", body)), jobs -> () -> jobs.getLogs("x"));
      assertEquals(RayJobExecutor.DASHBOARD_ERROR, error.code(), body);
    }
  }

  @Test
  void aRedirectIsNeverFollowed() throws Exception {
    AtomicInteger followed = new AtomicInteger();
    try (HostileServer elsewhere = new HostileServer((line, out) -> {
      followed.incrementAndGet();
      HostileServer.write(out, ok("application/json", "{\"status\": \"SUCCEEDED\"}"));
    })) {
      for (int status : List.of(301, 302, 303, 307, 308)) {
        PluginError error = against((line, out) -> HostileServer.write(out, "HTTP/1.1 " + status + " Moved\r\nLocation: " + elsewhere.url()
            + "/api/jobs/x\r\nContent-Length: 0\r\n\r\n"), jobs -> () -> jobs.getStatus("x"));
        assertEquals(status, error.details().get("status"));
        assertTrue(error.getMessage().contains("a redirect, not followed"), error.getMessage());
      }
      assertEquals(0, followed.get(), "the redirect target was never asked");
    }
  }

  @Test
  void brokenFramingIsAnError() throws Exception {
    List<HostileServer.Script> scripts = List.of(
        (line, out) -> HostileServer.write(out, "HTTP/9 banana\r\n\r\n"),
        (line, out) -> HostileServer.write(out, "garbage without a status line\r\n\r\n"),
        (line, out) -> HostileServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"status\":"),
        (line, out) -> HostileServer.write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
        (line, out) -> HostileServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n{}"),
        (line, out) -> { });
    for (HostileServer.Script script : scripts) {
      PluginError error = against(script, jobs -> () -> jobs.getStatus("x"));
      assertTrue(error.code().startsWith("ray_dashboard"), error.code() + ": " + error.getMessage());
    }
  }

  @Test
  void aHugeErrorBodyGivesAShortExcerptAtOnce() throws Exception {
    PluginError error = against((line, out) -> {
      HostileServer.write(out, "HTTP/1.1 500 Boom\r\nContent-Type: text/plain\r\nContent-Length: 100000000\r\n\r\nTraceback (most recent call last)\n");
      endless(out, "x".repeat(65536).getBytes(), 0);
    }, jobs -> () -> jobs.getStatus("x"));
    assertEquals(500, error.details().get("status"));
    assertTrue(error.getMessage().length() < 1000, error.getMessage());
  }

  @Test
  void transientFailuresAreRetriedWithEventsAndCounted() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (HostileServer server = new HostileServer((line, out) -> {
      if (calls.incrementAndGet() <= 2) {
        HostileServer.write(out, "HTTP/1.1 503 Unavailable\r\nContent-Length: 0\r\n\r\n");
      } else {
        HostileServer.write(out, ok("application/json", "{\"status\": \"RUNNING\"}"));
      }
    })) {
      assertEquals(io.synapse.plugins.executors.JobStatus.RUNNING, executor(server.url(), 2).getStatus("x"));
      List<PluginEvent> retries = sink.events(EventType.LOG).stream().filter(e -> RetryPolicy.RETRY_EVENT.equals(e.name())).toList();
      assertEquals(List.of(2, 3), retries.stream().map(e -> e.data().get("attempt")).toList());
      assertEquals("status 503", retries.get(0).data().get("cause"));
      assertEquals(System.Logger.Level.WARNING, retries.get(0).level());
    }
    try (HostileServer down = new HostileServer((line, out) -> HostileServer.write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"))) {
      PluginError error = assertThrows(PluginError.class, () -> executor(down.url(), 2).getStatus("x"));
      assertEquals(3, error.details().get(RetryPolicy.ATTEMPTS));
      assertEquals(3, down.connections());
    }
    try (HostileServer hangUp = new HostileServer((line, out) -> { })) {
      PluginError error = assertThrows(PluginError.class, () -> executor(hangUp.url(), 1).getStatus("x"));
      assertEquals(2, error.details().get(RetryPolicy.ATTEMPTS), error.getMessage());
      assertTrue(error.getMessage().contains("closed the connection without answering"), error.getMessage());
    }
  }

  @Test
  void aNonIdempotentRequestIsNotRetried() throws Exception {
    try (HostileServer down = new HostileServer((line, out) -> HostileServer.write(out, "HTTP/1.1 503 No\r\nContent-Length: 0\r\n\r\n"))) {
      DashboardClient client = DashboardClient.of(down.url(), TIMEOUT, RetryPolicy.defaults());
      assertEquals(503, client.postJson("/api/x", java.util.Map.of(), false).status());
      assertEquals(1, down.connections());
      assertEquals(503, client.postJson("/api/x", java.util.Map.of(), true).status());
      assertEquals(1 + 3, down.connections());
    }
  }

  private static long usedHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
