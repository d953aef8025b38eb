package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.RetryPolicy;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import io.synapse.plugins.executors.remote.RemoteActionException;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RayActorExecutor#executeAll} on a real local Ray head: per-call results in order, every call's
 * failure kept, an actor killed mid-run, a bounded number of driver threads, and the edge cases.
 */
@WithRayHead
class RayExecuteAllTest {
  private static String address;
  private static String dashboard;

  @BeforeAll
  static void cluster(RayHead head) {
    address = head.address();
    dashboard = head.dashboardUrl();
  }

  private static RayActorExecutor.Builder pool(RecordingSink sink) {
    return RayActorExecutor.builder().address(address).dashboardUrl(dashboard).sink(sink).numActors(2)
        .scheduleTimeout(Duration.ofSeconds(120));
  }

  private static List<EchoParams> echoes(int count, long sleepMillis) {
    List<EchoParams> params = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      params.add(new EchoParams("m" + i, sleepMillis, false));
    }
    return params;
  }

  private static List<Throwable> all(Throwable first) {
    List<Throwable> errors = new ArrayList<>();
    errors.add(first);
    errors.addAll(Arrays.asList(first.getSuppressed()));
    return errors;
  }

  @Test
  void fiveHundredCallsGiveTheirResultsInOrderAndEachCallsEvents() {
    RecordingSink sink = new RecordingSink();
    try (RayActorExecutor executor = pool(sink).build()) {
      Set<Long> workers = new HashSet<>(executor.workerPids());
      List<Echo> results = executor.executeAll(EchoAction_Descriptor.INSTANCE, echoes(500, 0));
      assertEquals(500, results.size());
      for (int i = 0; i < 500; i++) {
        assertEquals("m" + i, results.get(i).message(), "result " + i + " is its own call's");
      }
      assertEquals(workers, new HashSet<>(results.stream().map(Echo::pid).toList()), "both actors did work");
      assertEquals(500, sink.events(EventType.PROGRESS).size(), "each call's progress event reached the sink");
      assertEquals(List.of(), executor.executeAll(EchoAction_Descriptor.INSTANCE, List.of()), "an empty list runs nothing");
      assertEquals(List.of("ok", "ok"), executor.executeAll(NoopAction_Descriptor.INSTANCE,
          List.of(new io.synapse.plugins.action.NoParams(), new io.synapse.plugins.action.NoParams())));
    }
  }

  @Test
  void mixedFailuresKeepEveryCallsErrorInOrderAndTheOtherCallsRun() {
    RecordingSink sink = new RecordingSink();
    try (RayActorExecutor executor = pool(sink).build()) {
      List<EchoParams> params = echoes(120, 0);
      Set<Integer> invalid = new TreeSet<>(List.of(3, 40, 77));
      Set<Integer> throwing = new TreeSet<>(List.of(5, 41, 90, 119));
      invalid.forEach(i -> params.set(i, new EchoParams("bad" + i, -1, false)));
      throwing.forEach(i -> params.set(i, new EchoParams("boom" + i, 0, true)));
      PluginError first = assertThrows(PluginError.class, () -> executor.executeAll(EchoAction_Descriptor.INSTANCE, params));
      List<Throwable> errors = all(first);
      assertEquals(7, errors.size(), errors.toString());
      TreeSet<Integer> failedSet = new TreeSet<>(invalid);
      failedSet.addAll(throwing);
      List<Integer> failed = new ArrayList<>(failedSet);
      for (int k = 0; k < failed.size(); k++) {
        int index = failed.get(k);
        Throwable error = errors.get(k);
        if (invalid.contains(index)) {
          ValidationError validation = assertInstanceOf(ValidationError.class, error, "item " + index);
          String path = validation.violations().get(0).path().replace("_", "").toLowerCase(java.util.Locale.ROOT);
          assertTrue(path.contains("sleepmillis"), validation.violations().toString());
        } else {
          ExecutionError execution = assertInstanceOf(ExecutionError.class, error, "item " + index);
          assertEquals(index, execution.details().get("item"), execution.details().toString());
          RemoteActionException cause = assertInstanceOf(RemoteActionException.class, execution.getCause());
          assertTrue(cause.getMessage().contains("asked to fail: boom" + index), cause.getMessage());
        }
      }
      assertEquals(120 - 7, sink.events(EventType.PROGRESS).size(), "every other call ran once");
    }
  }

  @Test
  void aNullElementIsAClearErrorBeforeAnythingRuns() {
    RecordingSink sink = new RecordingSink();
    try (RayActorExecutor executor = pool(sink).build()) {
      List<EchoParams> params = new ArrayList<>(echoes(5, 0));
      params.add(2, null);
      NullPointerException error = assertThrows(NullPointerException.class,
          () -> executor.executeAll(EchoAction_Descriptor.INSTANCE, params));
      assertTrue(error.getMessage().contains("paramsList[2] is null"), error.getMessage());
      assertEquals(0, sink.events(EventType.PROGRESS).size(), "nothing ran");
      assertThrows(NullPointerException.class, () -> executor.executeAll(EchoAction_Descriptor.INSTANCE, null));
    }
  }

  @Test
  void aKilledActorsChunkIsRetriedAndNoResultIsLostOrDuplicated() throws Exception {
    RecordingSink sink = new RecordingSink();
    try (RayActorExecutor executor = pool(sink).build()) {
      long victim = executor.workerPids().get(0);
      CompletableFuture<List<Echo>> run = CompletableFuture.supplyAsync(
          () -> executor.executeAll(EchoAction_Descriptor.INSTANCE, echoes(80, 100)));
      awaitProgress(sink, 6);
      assertTrue(ProcessHandle.of(victim).orElseThrow().destroyForcibly());
      List<Echo> results = run.get(300, TimeUnit.SECONDS);
      assertEquals(80, results.size());
      for (int i = 0; i < 80; i++) {
        assertEquals("m" + i, results.get(i).message(), "result " + i);
      }
      assertTrue(sink.events().stream().anyMatch(e -> RetryPolicy.RETRY_EVENT.equals(e.name())), "the retry was reported");
      assertNotEquals(victim, executor.workerPids().get(0), "the dead actor was replaced");
    }
  }

  @Test
  void aKilledActorWithoutRetriesFailsExactlyItsChunksCallsWithActorDied() throws Exception {
    RecordingSink sink = new RecordingSink();
    try (RayActorExecutor executor = pool(sink).maxRetries(0).build()) {
      long victim = executor.workerPids().get(0);
      CompletableFuture<List<Echo>> run = CompletableFuture.supplyAsync(
          () -> executor.executeAll(EchoAction_Descriptor.INSTANCE, echoes(80, 100)));
      awaitProgress(sink, 6);
      assertTrue(ProcessHandle.of(victim).orElseThrow().destroyForcibly());
      Throwable failure;
      try {
        run.get(300, TimeUnit.SECONDS);
        throw new AssertionError("executeAll succeeded although an actor died without retries");
      } catch (ExecutionException e) {
        failure = e.getCause();
      }
      List<Throwable> errors = all(failure);
      Set<Object> items = new HashSet<>();
      for (Throwable error : errors) {
        ExecutionError died = assertInstanceOf(ExecutionError.class, error, errors.toString());
        assertEquals("actor_died", died.details().get("reason"), died.details().toString());
        assertTrue(items.add(died.details().get("item")), "each failed call once: " + errors);
      }
      long succeeded = sink.events(EventType.PROGRESS).size();
      assertEquals(80, succeeded + errors.size(), "every call either succeeded once or failed once (" + succeeded + " + " + errors.size() + ")");
    }
  }

  @Test
  void theDriverDoesNotStartAThreadPerCall() throws Exception {
    RecordingSink sink = new RecordingSink();
    try (RayActorExecutor executor = pool(sink).build()) {
      executor.executeAll(NoopAction_Descriptor.INSTANCE, List.of(new io.synapse.plugins.action.NoParams()));
      int before = Thread.activeCount();
      AtomicInteger peak = new AtomicInteger(before);
      AtomicBoolean running = new AtomicBoolean(true);
      Thread sampler = new Thread(() -> {
        while (running.get()) {
          peak.accumulateAndGet(Thread.activeCount(), Math::max);
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.start();
      List<io.synapse.plugins.action.NoParams> params = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        params.add(new io.synapse.plugins.action.NoParams());
      }
      List<String> results = executor.executeAll(NoopAction_Descriptor.INSTANCE, params);
      running.set(false);
      sampler.join();
      assertEquals(3000, results.size());
      assertTrue(results.stream().allMatch("ok"::equals));
      assertTrue(peak.get() - before <= 10, "threads before " + before + ", peak " + peak.get() + " during 3000 calls");
    }
  }

  private static void awaitProgress(RecordingSink sink, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (sink.events(EventType.PROGRESS).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + count + " calls ended in time: " + sink.events());
      }
      Thread.sleep(10);
    }
  }
}
