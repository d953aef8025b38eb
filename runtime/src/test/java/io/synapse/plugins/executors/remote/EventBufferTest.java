package io.synapse.plugins.executors.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The worker's per-request event buffer: each event taken once and in order, bounded, and closed with the rest. */
class EventBufferTest {

  private static RemoteMessage.Event event(long n) {
    return new RemoteMessage.Event("r", new PluginEvent(EventType.PROGRESS, System.Logger.Level.INFO, "a", "c", null, null, Map.of(),
        new PluginEvent.Progress(n, 1_000_000), Instant.EPOCH, null));
  }

  private static List<Long> progress(List<RemoteMessage.Event> events) {
    return events.stream().filter(e -> e.event().progress() != null).map(e -> e.event().progress().current()).toList();
  }

  @Test
  void eachEventIsTakenOnceInOrderByPollsAndTheClose() throws Exception {
    EventBuffer buffer = new EventBuffer("r", 100);
    List<Long> seen = new ArrayList<>();
    for (long i = 1; i <= 50; i++) {
      buffer.add(event(i));
      if (i % 7 == 0) {
        seen.addAll(progress(buffer.take(0)));
      }
    }
    seen.addAll(progress(buffer.close()));
    assertEquals(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList(), seen);
    assertEquals(List.of(), buffer.take(0), "nothing is taken twice");
  }

  @Test
  void aFloodBeyondTheCapacityKeepsTheOldestAndCountsTheDropped() throws Exception {
    EventBuffer buffer = new EventBuffer("r", 1_000);
    for (long i = 1; i <= 250_000; i++) {
      buffer.add(event(i));
    }
    List<RemoteMessage.Event> taken = buffer.take(0);
    assertEquals(1_001, taken.size(), "the capacity, then one warning");
    assertEquals(1L, progress(taken).get(0));
    PluginEvent warning = taken.get(1_000).event();
    assertEquals("events_dropped", warning.name());
    assertEquals(249_000L, ((Number) warning.data().get("count")).longValue());
    buffer.add(event(250_001));
    assertEquals(List.of(250_001L), progress(buffer.close()), "counting starts again after a take");
  }

  @Test
  void aWaitingPollReturnsOnTheFirstEventOrOnClose() throws Exception {
    EventBuffer buffer = new EventBuffer("r", 10);
    CompletableFuture<List<RemoteMessage.Event>> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return buffer.take(120_000);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(200);
    assertTrue(!waiting.isDone(), "it waits while there is nothing");
    buffer.add(event(1));
    assertEquals(List.of(1L), progress(waiting.get(60, TimeUnit.SECONDS)));
    CompletableFuture<List<RemoteMessage.Event>> atClose = CompletableFuture.supplyAsync(() -> {
      try {
        return buffer.take(120_000);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(200);
    buffer.close();
    assertEquals(List.of(), atClose.get(60, TimeUnit.SECONDS));
    assertTrue(buffer.isClosed());
  }
}
