package io.synapse.plugins.executors.ray;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import io.ray.api.exception.RayTimeoutException;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One request on one actor, followed while it runs: its events are taken with {@link RemoteMessage.Poll}s
 * and handed to the driver's sink as they come, in order; a cancel is sent as a {@link RemoteMessage.Cancel};
 * the reply's transcript (the events no poll took, then the outcome) is returned at the end. A call that
 * ends within {@value #FIRST_WAIT_MILLIS} ms costs no poll, so small calls pay nothing for live events.
 *
 * <p>Ends with {@link Timeout} when the call outlives its time (after taking the events reported so far) and
 * {@link Forced} when a cancelled call outlives its grace period; Ray's own exceptions (the actor died) go
 * through. The caller replaces the actor in those cases.
 */
final class ActorCall {
  /** How long a call may take before its events are polled. */
  static final long FIRST_WAIT_MILLIS = 20;
  /** How long a poll waits on the worker for the first new event. */
  static final long POLL_WAIT_MILLIS = 500;
  /** The least time between two polls: events arrive at most this late, and a flood of them costs ten polls a second. */
  static final long POLL_SPACING_MILLIS = 100;

  /** The call outlived its time. */
  static final class Timeout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Timeout() {
      super(null, null, false, false);
    }
  }

  /** The call was cancelled and did not stop within its grace period. */
  static final class Forced extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Forced() {
      super(null, null, false, false);
    }
  }

  /** What the caller may ask of a call while it runs. */
  static final class Control {
    private volatile String cancelReason;

    /** Asks the call to stop; what reached the action is decided by the call's loop. */
    void cancel(String reason) {
      if (cancelReason == null) {
        cancelReason = reason;
      }
    }

    boolean cancelled() {
      return cancelReason != null;
    }

    String reason() {
      return cancelReason;
    }
  }

  private ActorCall() {}

  /**
   * Sends {@code request} (request {@code id}) to {@code actor} and follows it; events go to {@code events}.
   *
   * @return the reply's transcript
   */
  static String run(ActorHandle<PluginActor> actor, String id, String request, Duration timeout, Duration grace, Control control,
      Consumer<RemoteMessage.Event> events) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ObjectRef<String> reply = actor.task(PluginActor::run, request).remote();
    if (!control.cancelled()) {
      try {
        return Ray.get(reply, Math.min(FIRST_WAIT_MILLIS, timeout.toMillis()));
      } catch (RayTimeoutException e) {
        // Not done yet: follow it.
      }
    }
    String poll = RemoteProtocol.write(new RemoteMessage.Poll(id, POLL_WAIT_MILLIS));
    long forceAt = Long.MAX_VALUE;
    boolean cancelSent = false;
    while (true) {
      long started = System.nanoTime();
      if (Thread.interrupted()) {
        control.cancel("the calling thread was interrupted");
      }
      if (control.cancelled() && !cancelSent) {
        actor.task(PluginActor::cancel, RemoteProtocol.write(new RemoteMessage.Cancel(id, control.reason()))).remote();
        cancelSent = true;
        forceAt = started + grace.toNanos();
      }
      if (started - forceAt > 0) {
        throw new Forced();
      }
      if (started - deadline > 0) {
        deliver(Ray.get(actor.task(PluginActor::poll, RemoteProtocol.write(new RemoteMessage.Poll(id, 0))).remote(), 10_000), events);
        throw new Timeout();
      }
      deliver(Ray.get(actor.task(PluginActor::poll, poll).remote(), POLL_WAIT_MILLIS + 30_000), events);
      if (!Ray.wait(List.of(reply), 1, 0).getReady().isEmpty()) {
        return Ray.get(reply);
      }
      long spent = (System.nanoTime() - started) / 1_000_000;
      if (spent < POLL_SPACING_MILLIS) {
        try {
          Thread.sleep(POLL_SPACING_MILLIS - spent);
        } catch (InterruptedException e) {
          control.cancel("the calling thread was interrupted");
        }
      }
    }
  }

  private static void deliver(String transcript, Consumer<RemoteMessage.Event> events) {
    if (transcript == null || transcript.isEmpty()) {
      return;
    }
    for (RemoteMessage message : RemoteProtocol.readTranscript(transcript)) {
      if (message instanceof RemoteMessage.Event event) {
        events.accept(event);
      }
    }
  }
}
