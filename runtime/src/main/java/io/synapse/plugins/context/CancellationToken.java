package io.synapse.plugins.context;

import io.synapse.plugins.errors.CancelledError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says that a run should stop: the run's half ({@link #isCancelled()}, which an action reads as
 * {@code ctx().isCancelled()}) and the caller's half ({@link #cancel(String)}). Cancelling interrupts the
 * threads an executor bound to the token while they run the action ({@link #interruptOnCancel}), and runs
 * the listeners ({@link #onCancel}); a step workflow then rolls back the steps that ran. Any executor, or
 * anything that runs actions (a pipeline), can make one and hand it to a run. Thread-safe; cancelling is
 * idempotent.
 */
public final class CancellationToken {
  private static final CancellationToken NEVER = new CancellationToken(false);

  private final boolean cancellable;
  private final List<Runnable> listeners = new ArrayList<>();
  private volatile String reason;

  /** A token nobody has cancelled yet. */
  public CancellationToken() {
    this(true);
  }

  private CancellationToken(boolean cancellable) {
    this.cancellable = cancellable;
  }

  /** A token that is never cancelled (runs that nothing can stop). */
  public static CancellationToken never() {
    return NEVER;
  }

  /** A registration, ended by {@link #close()}. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    /** Ends the registration; never throws. */
    @Override
    void close();
  }

  /**
   * Cancels: the token says so from now on, bound threads are interrupted and listeners run (each once).
   *
   * @param why what cancelled the run, for its error ({@code "stopped by the caller"})
   * @return whether this call cancelled it (false when it already was, or cannot be)
   */
  public boolean cancel(String why) {
    List<Runnable> toRun;
    synchronized (this) {
      if (!cancellable || reason != null) {
        return false;
      }
      reason = why == null || why.isBlank() ? "cancelled" : why;
      toRun = new ArrayList<>(listeners);
      listeners.clear();
    }
    for (Runnable listener : toRun) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        // One listener's failure must not keep the others from stopping their part.
      }
    }
    return true;
  }

  /** Whether the run was cancelled. */
  public boolean isCancelled() {
    return reason != null;
  }

  /** Why the run was cancelled, once it was. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * Raises {@link CancelledError} when the run was cancelled: for actions that check at safe points.
   *
   * @throws CancelledError when cancelled
   */
  public void throwIfCancelled() {
    String why = reason;
    if (why != null) {
      throw new CancelledError("The run was cancelled: " + why, Map.of("reason", why));
    }
  }

  /** Runs {@code listener} when the token is cancelled (at once, in this thread, when it already is). */
  public Registration onCancel(Runnable listener) {
    synchronized (this) {
      if (reason == null) {
        if (!cancellable) {
          return NOTHING;
        }
        listeners.add(listener);
        return new Listening(listener);
      }
    }
    listener.run();
    return NOTHING;
  }

  /**
   * Interrupts {@code thread} when the token is cancelled, until the registration is closed: what an executor
   * does around the action's code, so that a cancel reaches a thread blocked in I/O or a sleep.
   */
  public Registration interruptOnCancel(Thread thread) {
    Interrupting interrupting = new Interrupting(thread);
    interrupting.listening = onCancel(interrupting);
    return interrupting;
  }

  // The registrations are classes, not lambdas: every LOCAL run makes them, the first one on a cold start.
  private static final Registration NOTHING = new Registration() {
    @Override
    public void close() {}
  };

  /** A listener's registration: closing it removes the listener. */
  private final class Listening implements Registration {
    private final Runnable listener;

    Listening(Runnable listener) {
      this.listener = listener;
    }

    @Override
    public void close() {
      synchronized (CancellationToken.this) {
        listeners.remove(listener);
      }
    }
  }

  /** Interrupts a thread on cancel until closed. */
  private static final class Interrupting implements Runnable, Registration {
    private final Thread thread;
    private boolean active = true;
    private Registration listening;

    Interrupting(Thread thread) {
      this.thread = thread;
    }

    @Override
    public void run() {
      synchronized (this) {
        if (active) {
          thread.interrupt();
        }
      }
    }

    @Override
    public void close() {
      synchronized (this) {
        active = false;
      }
      listening.close();
    }
  }
}
