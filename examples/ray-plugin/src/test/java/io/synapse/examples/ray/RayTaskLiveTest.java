package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.examples.ray.jobs.FloodAction_Descriptor;
import io.synapse.examples.ray.jobs.FloodParams;
import io.synapse.examples.ray.jobs.GateAction_Descriptor;
import io.synapse.examples.ray.jobs.GateParams;
import io.synapse.examples.ray.jobs.HaltAction_Descriptor;
import io.synapse.examples.ray.jobs.HaltParams;
import io.synapse.examples.ray.jobs.RecordedStepsAction_Descriptor;
import io.synapse.examples.ray.jobs.RecordedStepsParams;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.errors.CancelledError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.executors.CancellableFuture;
import io.synapse.plugins.executors.RetryPolicy;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import io.synapse.plugins.executors.remote.RemoteActionException;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TASK calls a user can follow, retry and cancel, on a real local Ray head: events arrive while the call runs
 * and before its error, a killed worker is retried on another actor, a retry budget runs out into a typed
 * error, and cancelling the future reaches the action (its steps roll back; one that ignores it is stopped by
 * force after the grace period).
 */
@WithRayHead
class RayTaskLiveTest {
  private static final String CALL_RETURNED = "<the call returned>";

  @TempDir
  Path temp;

  private static String address;
  private static String dashboard;

  @BeforeAll
  static void cluster(RayHead head) {
    address = head.address();
    dashboard = head.dashboardUrl();
  }

  /** Every event received, in order, with markers of what the test saw happen. */
  static final class Timeline implements EventSink {
    final List<Object> entries = new CopyOnWriteArrayList<>();

    @Override
    public void accept(PluginEvent event) {
      entries.add(event);
    }

    void mark(String what) {
      entries.add(what);
    }

    List<PluginEvent> events(Predicate<PluginEvent> which) {
      return entries.stream().filter(PluginEvent.class::isInstance).map(PluginEvent.class::cast).filter(which).toList();
    }

    List<Long> progress() {
      return events(e -> e.type() == EventType.PROGRESS).stream().map(e -> e.progress().current()).toList();
    }

    List<PluginEvent> retries() {
      return events(e -> RetryPolicy.RETRY_EVENT.equals(e.name()));
    }

    int indexOfFirstProgress() {
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i) instanceof PluginEvent event && event.type() == EventType.PROGRESS) {
          return i;
        }
      }
      return -1;
    }

    void awaitProgress(long current) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!progress().contains(current)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("progress " + current + " never arrived while the call ran: " + entries);
        }
        Thread.sleep(20);
      }
    }
  }

  private static RayActorExecutor.Builder pool(Timeline sink) {
    return RayActorExecutor.builder().address(address).dashboardUrl(dashboard).sink(sink).scheduleTimeout(Duration.ofSeconds(120));
  }

  private static Throwable failureOf(CompletableFuture<?> call) throws Exception {
    try {
      call.get(180, TimeUnit.SECONDS);
      throw new AssertionError("the call succeeded");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void progressReachesTheDriverWhileTheCallRunsInOrder() throws Exception {
    Timeline sink = new Timeline();
    Path gate = temp.resolve("gate");
    try (RayActorExecutor executor = pool(sink).build()) {
      CompletableFuture<Integer> call = executor.submit(GateAction_Descriptor.INSTANCE, new GateParams(gate.toString(), 4, false));
      // The action waits for the gate after its first step: only a live event lets the test open it.
      sink.awaitProgress(1);
      assertTrue(!call.isDone(), "the call still runs when its first progress arrived");
      Files.createFile(gate);
      assertEquals(4, call.get(180, TimeUnit.SECONDS));
      sink.mark(CALL_RETURNED);
    }
    assertEquals(List.of(1L, 2L, 3L, 4L), sink.progress(), "every step, in order, once");
    assertTrue(sink.indexOfFirstProgress() < sink.entries.indexOf(CALL_RETURNED), sink.entries.toString());
    assertEquals("started", sink.events(e -> e.type() == EventType.LOG).get(0).name(), "the action's log came first");
  }

  @Test
  void aMillionProgressReportsAreThrottledOnTheWorkerAndTheLastOneArrives() {
    Timeline sink = new Timeline();
    try (RayActorExecutor executor = pool(sink).build()) {
      assertEquals(1_000_000, executor.execute(FloodAction_Descriptor.INSTANCE, new FloodParams(1_000_000)));
    }
    List<Long> progress = sink.progress();
    // At most one report per category each 200 ms, plus the last: far fewer than a million, however slow the machine.
    assertTrue(progress.size() < 1_000, progress.size() + " progress events reached the driver");
    assertEquals(1_000_000L, progress.get(progress.size() - 1), "the last value always arrives");
    assertEquals(progress.stream().sorted().toList(), progress, "in order");
    assertTrue(sink.events(e -> "events_dropped".equals(e.name())).isEmpty(), "nothing was dropped");
  }

  @Test
  void eventsBeforeAFailureOrATimeoutArriveBeforeTheError() throws Exception {
    Timeline failing = new Timeline();
    Path gate = temp.resolve("gate");
    Files.createFile(gate);
    try (RayActorExecutor executor = pool(failing).build()) {
      ExecutionError error = assertThrows(ExecutionError.class,
          () -> executor.execute(GateAction_Descriptor.INSTANCE, new GateParams(gate.toString(), 3, true)));
      assertInstanceOf(RemoteActionException.class, error.getCause());
      assertEquals(List.of(1L, 2L, 3L), failing.progress(), "the steps before the failure, then the error");
    }
    Timeline timedOut = new Timeline();
    try (RayActorExecutor executor = pool(timedOut).callTimeout(Duration.ofSeconds(5)).build()) {
      ExecutionError error = assertThrows(ExecutionError.class,
          () -> executor.execute(GateAction_Descriptor.INSTANCE, new GateParams(temp.resolve("never").toString(), 3, false)));
      assertEquals("timeout", error.details().get("reason"));
      assertEquals(List.of(1L), timedOut.progress(), "the step before the timeout arrived before the error");
    }
  }

  @Test
  void aWorkerKilledMidCallIsRetriedOnAnotherActorToSuccess() throws Exception {
    Timeline sink = new Timeline();
    Path gate = temp.resolve("gate");
    try (RayActorExecutor executor = pool(sink).build()) {
      long victim = executor.workerPids().get(0);
      CompletableFuture<Integer> call = executor.submit(GateAction_Descriptor.INSTANCE, new GateParams(gate.toString(), 2, false));
      sink.awaitProgress(1);
      Files.createFile(gate);
      assertTrue(ProcessHandle.of(victim).orElseThrow().destroyForcibly());
      assertEquals(2, call.get(180, TimeUnit.SECONDS), "the retry on a fresh actor succeeded");
      assertNotEquals(victim, executor.workerPids().get(0), "the dead actor was replaced");
      List<PluginEvent> retries = sink.retries();
      assertEquals(1, retries.size(), sink.entries.toString());
      assertEquals(2, retries.get(0).data().get("attempt"));
      assertEquals(3, retries.get(0).data().get("max_attempts"), "two retries by default");
      assertTrue(String.valueOf(retries.get(0).data().get("cause")).contains("died"), retries.get(0).data().toString());
    }
  }

  @Test
  void aRetryBudgetUsedUpIsATypedErrorCountingTheAttemptsAfterTheEventsOfEach() throws Exception {
    Timeline sink = new Timeline();
    Path record = temp.resolve("pids");
    try (RayActorExecutor executor = pool(sink).maxRetries(1).build()) {
      ExecutionError error = assertThrows(ExecutionError.class,
          () -> executor.execute(HaltAction_Descriptor.INSTANCE, new HaltParams(record.toString())));
      assertEquals("actor_died", error.details().get("reason"));
      assertEquals(2, error.details().get(RetryPolicy.ATTEMPTS), error.details().toString());
      assertEquals(2, Files.readAllLines(record).stream().distinct().count(), "two attempts on two workers");
      assertEquals(1, sink.retries().size(), sink.entries.toString());
      assertEquals(List.of(1L, 1L), sink.progress(), "each attempt's progress before it died, before the error");
    }
  }

  @Test
  void anActionsOwnFailureAndBadParamsAreNeverRetried() throws Exception {
    Timeline sink = new Timeline();
    Path gate = temp.resolve("gate");
    Files.createFile(gate);
    try (RayActorExecutor executor = pool(sink).validateOnDriver(false).build()) {
      assertThrows(ExecutionError.class, () -> executor.execute(GateAction_Descriptor.INSTANCE, new GateParams(gate.toString(), 2, true)));
      assertThrows(ValidationError.class, () -> executor.execute(GateAction_Descriptor.INSTANCE, new GateParams(gate.toString(), 1, false)));
      assertEquals(List.of(), sink.retries());
      assertEquals(List.of(1L, 2L), sink.progress(), "the failing action ran once");
    }
  }

  @Test
  void cancellingTheFutureReachesTheActionAndItsStepsRollBackOnce() throws Exception {
    Timeline sink = new Timeline();
    Path record = temp.resolve("record.txt");
    try (RayActorExecutor executor = pool(sink).build()) {
      CancellableFuture<Integer> call = executor.submit(RecordedStepsAction_Descriptor.INSTANCE,
          new RecordedStepsParams(record.toString(), 4, 60_000, false));
      LocalCancellationTest.awaitLine(record, "run s2");
      assertTrue(executor.cancel(call));
      assertThrows(CancellationException.class, call::join);
      call.stopped().get(120, TimeUnit.SECONDS);
      assertEquals(List.of("run s1", "run s2", "rollback s2 cancelled=true", "rollback s1 cancelled=true"), Files.readAllLines(record));
      assertEquals(List.of(), sink.retries(), "a cancel is not retried");
      assertEquals(1, executor.execute(RecordedStepsAction_Descriptor.INSTANCE, new RecordedStepsParams(record.toString(), 1, 0, false)),
          "the same actor runs the next call");
    }
  }

  @Test
  void interruptingABlockingCallCancelsItWithATypedErrorNamingTheRollbacks() throws Exception {
    Timeline sink = new Timeline();
    Path record = temp.resolve("record.txt");
    try (RayActorExecutor executor = pool(sink).build()) {
      CompletableFuture<Throwable> raised = new CompletableFuture<>();
      Thread caller = new Thread(() -> {
        try {
          executor.execute(RecordedStepsAction_Descriptor.INSTANCE, new RecordedStepsParams(record.toString(), 3, 60_000, false));
          raised.complete(null);
        } catch (Throwable e) {
          raised.complete(e);
        }
      });
      caller.start();
      LocalCancellationTest.awaitLine(record, "run s1");
      caller.interrupt();
      CancelledError error = assertInstanceOf(CancelledError.class, raised.get(120, TimeUnit.SECONDS));
      assertEquals(List.of("s1"), error.details().get("rolled_back"), error.details().toString());
      assertEquals(List.of("run s1", "rollback s1 cancelled=true"), Files.readAllLines(record));
    }
  }

  @Test
  void anActionThatIgnoresTheCancelIsStoppedByForceAfterTheGracePeriod() throws Exception {
    Timeline sink = new Timeline();
    Path record = temp.resolve("record.txt");
    try (RayActorExecutor executor = pool(sink).cancelGrace(Duration.ofSeconds(2)).build()) {
      long worker = executor.workerPids().get(0);
      CancellableFuture<Integer> call = executor.submit(RecordedStepsAction_Descriptor.INSTANCE,
          new RecordedStepsParams(record.toString(), 2, 600_000, true));
      LocalCancellationTest.awaitLine(record, "run s1");
      assertTrue(call.cancel(true));
      call.stopped().get(120, TimeUnit.SECONDS);
      ProcessHandle old = ProcessHandle.of(worker).orElse(null);
      for (int i = 0; i < 120 && old != null && old.isAlive(); i++) {
        Thread.sleep(500);
      }
      assertTrue(old == null || !old.isAlive(), "the worker that ignored the cancel was ended");
      assertEquals(List.of("run s1"), Files.readAllLines(record), "it never got to roll back: it was stopped by force");
      assertNotEquals(worker, executor.workerPids().get(0), "a fresh actor replaced it");
    }
  }
}
