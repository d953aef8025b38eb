package io.synapse.plugins.events;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event in memory, in order; for tests and for callers that read events afterwards. */
public final class RecordingSink implements EventSink {
  private final List<PluginEvent> events = new ArrayList<>();

  @Override
  public synchronized void accept(PluginEvent event) {
    events.add(event);
  }

  /** A snapshot of the events so far. */
  public synchronized List<PluginEvent> events() {
    return List.copyOf(events);
  }

  /** A snapshot of the events of one type. */
  public synchronized List<PluginEvent> events(EventType type) {
    return events.stream().filter(e -> e.type() == type).toList();
  }

  /** Forgets the events so far. */
  public synchronized void clear() {
    events.clear();
  }
}
