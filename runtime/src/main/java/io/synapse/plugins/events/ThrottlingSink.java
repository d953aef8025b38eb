package io.synapse.plugins.events;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thins out high-frequency progress before it reaches another sink, so that a loop reporting progress
 * a million times costs a map lookup per report rather than a million console lines or file writes.
 *
 * <p>Per action and category, a progress event is passed on when at least the interval has passed since
 * the last one passed on, or when it reports completion ({@code current == total}); otherwise it is
 * held as the category's pending value, replacing any older one. The pending value is passed on by the
 * category's next passed-on report or by {@link #flush()}, which executors call at the end of each run;
 * so the last value and 100% always arrive. Other events pass straight through. Thread-safe.
 */
public final class ThrottlingSink implements EventSink {
  /** The interval used by {@link #ThrottlingSink(EventSink)}. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

  private final EventSink downstream;
  private final long intervalMillis;
  private final Clock clock;
  private final Map<String, CategoryState> categories = new ConcurrentHashMap<>();

  /** Throttles progress to {@code downstream} to one event per category per {@link #DEFAULT_INTERVAL}. */
  public ThrottlingSink(EventSink downstream) {
    this(downstream, DEFAULT_INTERVAL, Clock.systemUTC());
  }

  /** Throttles progress to {@code downstream} to one event per category per {@code interval}, timed by {@code clock}. */
  public ThrottlingSink(EventSink downstream, Duration interval, Clock clock) {
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    this.intervalMillis = interval.toMillis();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void accept(PluginEvent event) {
    if (event.type() != EventType.PROGRESS || event.progress() == null) {
      downstream.accept(event);
      return;
    }
    CategoryState state = categories.computeIfAbsent(event.action() + '\u0000' + event.category(), key -> new CategoryState());
    PluginEvent toSend;
    synchronized (state) {
      long now = clock.millis();
      boolean complete = event.progress().current() >= event.progress().total();
      if (complete || !state.sentAny || now - state.lastSentMillis >= intervalMillis) {
        state.sentAny = true;
        state.lastSentMillis = now;
        state.pending = null;
        toSend = event;
      } else {
        state.pending = event;
        toSend = null;
      }
    }
    if (toSend != null) {
      downstream.accept(toSend);
    }
  }

  /** Passes on every category's pending progress, then flushes the downstream sink. */
  @Override
  public void flush() {
    for (CategoryState state : categories.values()) {
      PluginEvent pending;
      synchronized (state) {
        pending = state.pending;
        state.pending = null;
      }
      if (pending != null) {
        downstream.accept(pending);
      }
    }
    downstream.flush();
  }

  private static final class CategoryState {
    private boolean sentAny;
    private long lastSentMillis;
    private PluginEvent pending;
  }
}
