package io.synapse.plugins.cli;

import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code synapse run --mode job --wait/--follow}: waits for a submitted job, showing it live when asked. */
final class JobFollower {
  // How long the log stream may go on after the job's result is in (the dashboard closes it soon after the end).
  private static final long DRAIN_SECONDS = 10;

  private JobFollower() {}

  /**
   * Waits for job {@code id} and returns its result. With {@code follow} its events go to {@code sink} and its
   * other log lines to {@code err} as they arrive (Ray's own INFO lines to {@link RayNoise#defaultLog()}
   * unless {@code debug}); otherwise its events go to {@code sink} when it ends.
   */
  static Object await(RayJobExecutor executor, String id, Duration timeout, boolean follow, boolean debug, EventSink sink,
      PrintWriter err) {
    err.println("Submitted job " + id + (follow ? "; following it" : "; waiting for it") + " (at most " + timeout + ")");
    err.flush();
    if (!follow) {
      return executor.wait(id, timeout, sink);
    }
    CompletableFuture<Void> tail = executor.followLogs(id, sink, RayNoise.lines(err, debug, RayNoise.defaultLog()));
    try {
      Object result = executor.wait(id, timeout, EventSink.discarding());
      drain(tail);
      return result;
    } finally {
      tail.cancel(true);
    }
  }

  // Lets the stream show the job's last lines; a stream that fails or outlives the job only ends the showing.
  private static void drain(CompletableFuture<Void> tail) {
    try {
      tail.get(DRAIN_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // The result is in; the live log was only a view of it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
