package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.examples.ray.jobs.RecordedStepsAction_Descriptor;
import io.synapse.examples.ray.jobs.RecordedStepsParams;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.context.CancellationToken;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.errors.CancelledError;
import io.synapse.plugins.executors.CancellableFuture;
import io.synapse.plugins.executors.ExecutionRequest;
import io.synapse.plugins.executors.LocalExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LOCAL cancellation through a cancellable future and through a token: the action is told, interrupted, and a step workflow rolls back once. */
class LocalCancellationTest {
  @TempDir
  Path temp;

  static void awaitLine(Path record, String line) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.exists(record) && Files.readAllLines(record).contains(line)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("'" + line + "' never appeared in " + record + ": " + (Files.exists(record) ? Files.readAllLines(record) : "none"));
  }

  @Test
  void cancellingTheFutureStopsTheActionAndRollsBackEachStepThatRanOnce() throws Exception {
    Path record = temp.resolve("record.txt");
    LocalExecutor local = LocalExecutor.builder().sink(new RecordingSink()).build();
    CancellableFuture<Integer> run = local.submit(RecordedStepsAction_Descriptor.INSTANCE, new RecordedStepsParams(record.toString(), 4, 30_000, false));
    awaitLine(record, "run s2");
    assertTrue(run.cancel(true));
    assertThrows(CancellationException.class, run::join);
    run.stopped().get(60, TimeUnit.SECONDS);
    assertEquals(List.of("run s1", "run s2", "rollback s2 cancelled=true", "rollback s1 cancelled=true"), Files.readAllLines(record));
  }

  @Test
  void aCancelledTokenEndsTheRunWithACancelledErrorNamingTheRollbacks() throws Exception {
    Path record = temp.resolve("record.txt");
    CancellationToken token = new CancellationToken();
    ExecutionRequest<RecordedStepsParams, Integer> request = ExecutionRequest.of(null, RecordedStepsAction_Descriptor.INSTANCE,
        new RecordedStepsParams(record.toString(), 3, 30_000, false), RunOptions.defaults());
    Thread canceller = new Thread(() -> {
      try {
        awaitLine(record, "run s1");
        token.cancel("the test stopped it");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    canceller.start();
    CancelledError error = assertThrows(CancelledError.class,
        () -> LocalExecutor.builder().sink(new RecordingSink()).build().run(request, token));
    canceller.join();
    assertEquals("the test stopped it", error.details().get("reason"));
    assertEquals(List.of("s1"), error.details().get("rolled_back"));
    assertEquals("cancelled", error.code());
    assertTrue(!Thread.currentThread().isInterrupted(), "the cancel's interrupt does not outlive the run");
    assertEquals(List.of("run s1", "rollback s1 cancelled=true"), Files.readAllLines(record));
  }

  @Test
  void aRunThatEndsBeforeTheCancelKeepsItsResult() throws Exception {
    Path record = temp.resolve("record.txt");
    CancellableFuture<Integer> run = LocalExecutor.builder().sink(new RecordingSink()).build()
        .submit(RecordedStepsAction_Descriptor.INSTANCE, new RecordedStepsParams(record.toString(), 1, 0, false));
    assertEquals(1, run.get(60, TimeUnit.SECONDS));
    assertTrue(!run.cancel(true), "nothing left to cancel");
    assertEquals(List.of("run s1"), Files.readAllLines(record));
  }
}
