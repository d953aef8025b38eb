package io.synapse.plugins.events;

import java.util.List;

/**
 * Sends every event to several sinks in order (for example a console and a JSON Lines file). A sink
 * that throws does not keep the event from the others.
 */
public final class CompositeSink implements EventSink {

  private final List<EventSink> sinks;

  /** A sink sending to each of {@code sinks}. */
  public CompositeSink(List<? extends EventSink> sinks) {
    this.sinks = List.copyOf(sinks);
  }

  /** A sink sending to each of {@code sinks}. */
  public static CompositeSink of(EventSink... sinks) {
    return new CompositeSink(List.of(sinks));
  }

  /** The sinks, in order. */
  public List<EventSink> sinks() {
    return sinks;
  }

  @Override
  public void accept(PluginEvent event) {
    for (EventSink sink : sinks) {
      try {
        sink.accept(event);
      } catch (RuntimeException e) {
        System.getLogger(CompositeSink.class.getName()).log(System.Logger.Level.WARNING,
            "event sink " + sink.getClass().getName() + " failed: " + e);
      }
    }
  }

  @Override
  public void flush() {
    for (EventSink sink : sinks) {
      try {
        sink.flush();
      } catch (RuntimeException e) {
        System.getLogger(CompositeSink.class.getName()).log(System.Logger.Level.WARNING,
            "event sink " + sink.getClass().getName() + " failed to flush: " + e);
      }
    }
  }
}
