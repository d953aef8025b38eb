package io.synapse.plugins.context;

/** Receives the events actions report; implementations must be thread-safe. */
@FunctionalInterface
public interface EventSink {

  /** Takes one event; must not throw. */
  void accept(PluginEvent event);

  /** A sink that drops every event. */
  static EventSink discarding() {
    return event -> { };
  }
}
