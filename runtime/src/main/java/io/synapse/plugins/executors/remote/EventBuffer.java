package io.synapse.plugins.executors.remote;

import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The events of one running request, kept on the worker from the moment the action reports them until the
 * driver takes them with a {@link RemoteMessage.Poll} (live events) or the request's reply carries the rest.
 * Each event is taken once, in order. At most {@code capacity} wait at a time: an action that reports
 * faster than the driver polls loses the newest ones, and the next batch ends with a WARNING
 * {@code events_dropped} event counting them. Thread-safe.
 */
public final class EventBuffer {
  /** How many events wait at most by default. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final String id;
  private final int capacity;
  private final ArrayDeque<RemoteMessage.Event> events = new ArrayDeque<>();
  private long dropped;
  private String lastAction;
  private boolean closed;

  /** A buffer of request {@code id}'s events holding at most {@code capacity}. */
  public EventBuffer(String id, int capacity) {
    this.id = Objects.requireNonNull(id, "id");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  /** Keeps {@code event} until it is taken (or counts it as dropped when the buffer is full). */
  public synchronized void add(RemoteMessage.Event event) {
    lastAction = event.event().action();
    if (events.size() >= capacity) {
      dropped++;
      return;
    }
    events.addLast(event);
    notifyAll();
  }

  /**
   * The events kept so far, waiting up to {@code waitMillis} for the first one when there is none (or until
   * the buffer is closed).
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public synchronized List<RemoteMessage.Event> take(long waitMillis) throws InterruptedException {
    long deadline = System.nanoTime() + waitMillis * 1_000_000;
    while (events.isEmpty() && dropped == 0 && !closed) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    return drain();
  }

  /** Ends the buffer: waiting polls return, and the events still kept are returned (for the request's reply). */
  public synchronized List<RemoteMessage.Event> close() {
    closed = true;
    notifyAll();
    return drain();
  }

  /** Whether {@link #close()} was called. */
  public synchronized boolean isClosed() {
    return closed;
  }

  private List<RemoteMessage.Event> drain() {
    List<RemoteMessage.Event> taken = new ArrayList<>(events);
    events.clear();
    if (dropped > 0) {
      taken.add(new RemoteMessage.Event(id, new PluginEvent(EventType.LOG, System.Logger.Level.WARNING, lastAction, null, "events_dropped",
          dropped + " events were dropped: the action reported them faster than the driver took them", Map.of("count", dropped), null,
          Instant.now(), null)));
      dropped = 0;
    }
    return taken;
  }
}
