package io.synapse.plugins.events;

/** Receives the events actions report; implementations must be thread-safe. */
@FunctionalInterface
public interface EventSink {

  /** Takes one event; must not throw. */
  void accept(PluginEvent event);

  /**
   * Delivers anything held back (for example progress a throttling sink was holding) and flushes
   * buffered output. Executors call it when a run ends; must not throw. Does nothing by default.
   */
  default void flush() {}

  /** A sink that drops every event. */
  static EventSink discarding() {
    return DiscardingSink.INSTANCE;
  }
}
