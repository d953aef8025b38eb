package io.synapse.plugins.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run's events as server-sent events: every frame kept (from after {@code Last-Event-ID} when the
 * browser reconnects), then new ones as they come, a comment every {@link #KEEP_ALIVE_MILLIS} while
 * nothing happens, and the end of the response after the run's last frame. Each frame's {@code id} is
 * its sequence number and its {@code event} its kind ({@code plugin}, {@code log}, {@code job},
 * {@code result}, {@code error}, {@code end}). At most {@link #MAX_STREAMS} streams are open at once.
 */
final class EventStream {
  static final int MAX_STREAMS = 32;
  static final long KEEP_ALIVE_MILLIS = 15_000;

  private final AtomicInteger open = new AtomicInteger();
  private volatile boolean closed;

  void stream(HttpExchange exchange, ConsoleRun run) throws IOException {
    if (open.incrementAndGet() > MAX_STREAMS) {
      open.decrementAndGet();
      throw new HttpIo.RequestError(503, "too_many_streams", MAX_STREAMS + " event streams are open; close one");
    }
    try {
      long after = lastEventId(exchange);
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      HttpIo.securityHeaders(exchange.getResponseHeaders());
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        while (!closed) {
          List<ConsoleRun.Frame> frames = run.framesAfter(after, KEEP_ALIVE_MILLIS);
          if (frames.isEmpty()) {
            if (run.endedAt(after)) {
              break;
            }
            out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
          }
          for (ConsoleRun.Frame frame : frames) {
            String text = "id: " + frame.seq() + "\nevent: " + frame.kind() + "\ndata: " + frame.json() + "\n\n";
            out.write(text.getBytes(StandardCharsets.UTF_8));
            after = frame.seq();
          }
          out.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // The browser went away.
      }
      exchange.close();
    } finally {
      open.decrementAndGet();
    }
  }

  private static long lastEventId(HttpExchange exchange) {
    String id = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    if (id == null) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(id.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  void close() {
    closed = true;
  }
}
