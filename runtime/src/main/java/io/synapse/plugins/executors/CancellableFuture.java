package io.synapse.plugins.executors;

import io.synapse.plugins.context.CancellationToken;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The future of a run started with {@code submit}: {@link #cancel(boolean) cancel(true)} reaches the
 * action (its {@code ctx().isCancelled()} turns true and its thread is interrupted; a step workflow rolls
 * back), while the future itself completes at once with a {@link java.util.concurrent.CancellationException},
 * as every {@link java.util.concurrent.Future} does. {@link #stopped()} completes when the run has really
 * ended, rollbacks included.
 *
 * @param <R> the action's result type
 */
public class CancellableFuture<R> extends CompletableFuture<R> {
  private final CancellationToken token;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();

  /** A future whose cancellation cancels {@code token}. */
  public CancellableFuture(CancellationToken token) {
    this.token = Objects.requireNonNull(token, "token");
  }

  /**
   * Cancels the future; with {@code mayInterruptIfRunning} also the run (its token). With {@code false} the run
   * goes on and only this future gives up on it.
   */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled && mayInterruptIfRunning) {
      token.cancel("its future was cancelled");
    }
    return cancelled;
  }

  /** The run's cancellation token. */
  public CancellationToken token() {
    return token;
  }

  /** Completes when the run has ended (with its result, its failure, or after stopping for a cancel). */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  /** Called by the executor when the run has ended. */
  public void runEnded() {
    stopped.complete(null);
  }
}
