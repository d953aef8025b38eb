package io.synapse.plugins.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.fixture.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeContextEventsTest {
  private final RecordingSink sink = new RecordingSink();
  private final MutableClock clock = new MutableClock();
  private final RuntimeContext context = RuntimeContext.builder("train").jobId("job-1").sink(sink).clock(clock).build();

  @Test
  void everyEventHasTypeLevelCategoryDataTimestampAndJobId() {
    context.log("started", Map.of("a", 1), "load");
    context.setProgress(1, 2, "epochs");
    context.setMetrics(Map.of("loss", 0.5), null);
    context.logMessage("hi");
    context.logDevEvent("debug", Map.of());
    List<PluginEvent> events = sink.events();
    assertEquals(5, events.size());
    for (PluginEvent event : events) {
      assertNotNull(event.type());
      assertNotNull(event.level());
      assertNotNull(event.data());
      assertEquals(clock.instant(), event.timestamp());
      assertEquals("job-1", event.jobId());
      assertEquals("train", event.action());
    }
    assertEquals("load", events.get(0).category());
    assertEquals("epochs", events.get(1).category());
    assertEquals("train", events.get(2).category(), "metrics default to the action's category");
  }

  @Test
  void progressIsTrackedPerCategoryWithElapsedTimeAndEta() {
    context.setProgress(0, 10, "epochs");
    ProgressTracker.Snapshot first = context.progress().get("epochs").orElseThrow();
    assertTrue(first.eta().isEmpty(), "no estimate before anything is done");
    clock.advance(Duration.ofSeconds(4));
    context.setProgress(2, 10, "epochs");
    context.setProgress(1, 4, "files");
    ProgressTracker.Snapshot epochs = context.progress().get("epochs").orElseThrow();
    assertEquals(2, epochs.current());
    assertEquals(10, epochs.total());
    assertEquals(20.0, epochs.percent());
    assertEquals(Duration.ofSeconds(4), epochs.elapsed());
    assertEquals(Duration.ofSeconds(16), epochs.eta().orElseThrow(), "2 done in 4s, so 8 more take 16s");
    assertEquals(Duration.ZERO, context.progress().get("files").orElseThrow().elapsed(), "each category has its own start");
    assertEquals(List.of("epochs", "files"), List.copyOf(context.progress().all().keySet()));
    PluginEvent last = sink.events(EventType.PROGRESS).get(1);
    assertEquals(Map.of("elapsed_ms", 4000L, "eta_ms", 16000L), last.data());
    context.setProgress(10, 10, "epochs");
    assertEquals(Duration.ZERO, context.progress().get("epochs").orElseThrow().eta().orElseThrow());
  }

  @Test
  void aBadProgressCallIsClampedAndRecordsAWarning() {
    context.setProgress(5, 0, "a");
    context.setProgress(12, 10, "b");
    context.setProgress(-1, 10, "c");
    context.setProgress(3, 10, "d");
    List<PluginEvent> warnings = sink.events(EventType.LOG);
    assertEquals(List.of("a", "b", "c"), warnings.stream().map(PluginEvent::category).toList());
    for (PluginEvent warning : warnings) {
      assertEquals("invalid_progress", warning.name());
      assertEquals(System.Logger.Level.WARNING, warning.level());
    }
    assertEquals(Map.of("current", 12L, "total", 10L), warnings.get(1).data());
    List<PluginEvent.Progress> clamped = sink.events(EventType.PROGRESS).stream().map(PluginEvent::progress).toList();
    assertEquals(List.of(new PluginEvent.Progress(1, 1), new PluginEvent.Progress(10, 10), new PluginEvent.Progress(0, 10),
        new PluginEvent.Progress(3, 10)), clamped);
  }
}
