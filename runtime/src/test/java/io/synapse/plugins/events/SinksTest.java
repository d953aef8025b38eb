package io.synapse.plugins.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.fixture.MutableClock;
import io.synapse.plugins.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinksTest {
  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock();

  private RuntimeContext context(EventSink sink) {
    return RuntimeContext.builder("train").pluginCode("trainer").jobId("job-7").sink(sink).clock(clock).build();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> parseLines(String text) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      lines.add((Map<String, Object>) Json.parse(line));
    }
    return lines;
  }

  @Test
  void jsonLinesWritesOneDocumentedObjectPerEvent() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RuntimeContext context = context(new JsonLinesSink(out));
    context.setProgress(3, 5, "epochs");
    context.log("saved", Map.of("path", "/m.pt", "sizes", List.of(1, 2), "ratio", Double.NaN, "at", Duration.ofSeconds(1)), null);
    context.logMessage("done");
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\n"));
    List<Map<String, Object>> lines = parseLines(text);
    assertEquals(3, lines.size());
    Map<String, Object> progress = lines.get(0);
    assertEquals(List.of("type", "level", "timestamp", "job_id", "plugin", "action", "category", "name", "message", "data", "progress"),
        List.copyOf(progress.keySet()), "every line has the documented keys in order");
    assertEquals("progress", progress.get("type"));
    assertEquals("INFO", progress.get("level"));
    assertEquals("2026-01-01T12:00:00Z", progress.get("timestamp"));
    assertEquals("job-7", progress.get("job_id"));
    assertEquals("trainer", progress.get("plugin"));
    assertEquals("epochs", progress.get("category"));
    assertEquals(Map.of("current", 3, "total", 5, "percent", new BigDecimal("60.0")), progress.get("progress"));
    Map<String, Object> log = lines.get(1);
    assertEquals("log", log.get("type"));
    assertEquals("saved", log.get("name"));
    assertNull(log.get("progress"));
    assertEquals(Map.of("path", "/m.pt", "sizes", List.of(1, 2), "ratio", "NaN", "at", "PT1S"), log.get("data"));
    assertEquals("done", lines.get(2).get("message"));
    assertEquals(Map.of(), lines.get(2).get("data"));
  }

  @Test
  void jsonLinesAppendsToAFile() throws IOException {
    Path file = dir.resolve("logs/events.jsonl");
    try (JsonLinesSink sink = new JsonLinesSink(file)) {
      context(sink).logMessage("one");
    }
    try (JsonLinesSink sink = new JsonLinesSink(file)) {
      context(sink).logMessage("two");
    }
    List<Map<String, Object>> lines = parseLines(Files.readString(file));
    assertEquals(List.of("one", "two"), lines.stream().map(l -> l.get("message")).toList());
  }

  @Test
  void aFailingStreamNeverFailsTheAction() {
    AtomicInteger writes = new AtomicInteger();
    OutputStream broken = new OutputStream() {
      @Override public void write(int b) throws IOException {
        writes.incrementAndGet();
        throw new IOException("disk full");
      }
    };
    RuntimeContext context = context(new JsonLinesSink(broken));
    context.logMessage("a");
    context.logMessage("b");
    assertEquals(1, writes.get(), "after the first failure events are dropped");
  }

  @Test
  void compositeSendsToEverySinkEvenWhenOneThrows() {
    RecordingSink first = new RecordingSink();
    RecordingSink second = new RecordingSink();
    AtomicInteger flushed = new AtomicInteger();
    EventSink throwing = new EventSink() {
      @Override public void accept(PluginEvent event) { throw new IllegalStateException("broken sink"); }
      @Override public void flush() { throw new IllegalStateException("broken flush"); }
    };
    EventSink counting = new EventSink() {
      @Override public void accept(PluginEvent event) { }
      @Override public void flush() { flushed.incrementAndGet(); }
    };
    CompositeSink composite = CompositeSink.of(first, throwing, second, counting);
    context(composite).logMessage("hello");
    composite.flush();
    assertEquals(1, first.events().size());
    assertEquals(1, second.events().size());
    assertEquals(1, flushed.get());
  }

  @Test
  void throttlingKeepsAMillionProgressCallsCheapAndDeliversTheLastValueAndCompletion() {
    RecordingSink recorded = new RecordingSink();
    ThrottlingSink throttled = new ThrottlingSink(recorded, Duration.ofMillis(100), clock);
    RuntimeContext context = context(throttled);
    // Cheap means few deliveries (counted below), not a wall-clock bound: speed belongs in the benchmarks.
    for (int i = 1; i <= 1_000_000; i++) {
      context.setProgress(i, 2_000_000, "loop");
      if (i % 250_000 == 0) {
        clock.advance(Duration.ofMillis(150));
      }
    }
    List<Long> delivered = recorded.events(EventType.PROGRESS).stream().map(e -> e.progress().current()).toList();
    assertEquals(List.of(1L, 250_001L, 500_001L, 750_001L), delivered, "one per interval");
    throttled.flush();
    assertEquals(1_000_000L, recorded.events(EventType.PROGRESS).get(4).progress().current(), "the last value arrives on flush");
    context.setProgress(2_000_000, 2_000_000, "loop");
    assertEquals(6, recorded.events(EventType.PROGRESS).size(), "100% always arrives at once");
    throttled.flush();
    assertEquals(6, recorded.events(EventType.PROGRESS).size(), "nothing pending after completion");
  }

  @Test
  void throttlingIsPerCategoryAndLetsOtherEventsThrough() {
    RecordingSink recorded = new RecordingSink();
    RuntimeContext context = context(new ThrottlingSink(recorded, Duration.ofSeconds(1), clock));
    context.setProgress(1, 10, "a");
    context.setProgress(1, 10, "b");
    context.setProgress(2, 10, "a");
    context.logMessage("m");
    context.setMetrics(Map.of("x", 1), "a");
    assertEquals(List.of("a", "b"), recorded.events(EventType.PROGRESS).stream().map(PluginEvent::category).toList());
    assertEquals(1, recorded.events(EventType.MESSAGE).size());
    assertEquals(1, recorded.events(EventType.METRICS).size());
  }
}
