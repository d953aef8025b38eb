package io.synapse.plugins.pipeline;

import io.synapse.plugins.pipeline.store.RunStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches one run while this process runs it: renews the owner's lease, and looks for a cancellation asked
 * for in the store (by {@code synapse pipeline cancel} from anywhere) or in this process. On a cancellation it
 * interrupts the action's thread (LOCAL runs) so that an action waiting or checking
 * {@link Thread#isInterrupted()} stops; the run then ends cancelled. A run whose lease another process took
 * over is stopped the same way.
 */
final class RunWatcher implements AutoCloseable {
  /** How long a claim holds without renewal. */
  static final Duration LEASE = Duration.ofSeconds(30);
  private static final long RENEW_MS = 10_000;
  private static final long POLL_MS = Long.getLong("synapse.pipeline.cancelPollMillis", 500);

  private final RunStore store;
  private final String runId;
  private final String owner;
  private final Thread actionThread;
  private final java.util.concurrent.ScheduledFuture<?> task;
  private volatile boolean cancelled;
  private volatile boolean inAction;
  private long renewedAt = System.currentTimeMillis();

  RunWatcher(RunStore store, String runId, String owner, Thread actionThread) {
    this.store = store;
    this.runId = runId;
    this.owner = owner;
    this.actionThread = actionThread;
    this.task = TIMER.scheduleWithFixedDelay(this::tick, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
  }

  // One daemon thread watches every run of the process: starting a thread per run cost more than a
  // small action's run.
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "synapse-pipeline-watch");
    thread.setDaemon(true);
    return thread;
  });

  static Instant leaseFromNow() {
    return Instant.now().plus(LEASE);
  }

  /**
   * Whether the run is to stop: cancelled (in this process at once, through the store within a poll), or
   * taken over.
   */
  boolean cancelled() {
    if (!cancelled && Cancellations.isRequested(runId)) {
      cancel();
    }
    return cancelled;
  }

  void actionStarted() {
    synchronized (this) {
      inAction = true;
    }
    if (cancelled) {
      interruptAction();
    }
  }

  void actionEnded() {
    synchronized (this) {
      inAction = false;
    }
  }

  private void tick() {
    try {
      long now = System.currentTimeMillis();
      if (now - renewedAt >= RENEW_MS) {
        renewedAt = now;
        if (!store.renew(runId, owner, leaseFromNow())) {
          cancel();
          return;
        }
      }
      if (!cancelled && (Cancellations.isRequested(runId) || store.cancelRequested(runId))) {
        cancel();
      }
    } catch (RuntimeException e) {
      System.getLogger(RunWatcher.class.getName()).log(System.Logger.Level.WARNING, "cannot watch pipeline run " + runId + ": " + e);
    }
  }

  private void cancel() {
    cancelled = true;
    Cancellations.request(runId);
    interruptAction();
  }

  private void interruptAction() {
    synchronized (this) {
      if (inAction && actionThread != null) {
        actionThread.interrupt();
      }
    }
  }

  @Override
  public void close() {
    task.cancel(false);
  }
}
