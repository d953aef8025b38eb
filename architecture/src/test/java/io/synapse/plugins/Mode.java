package io.synapse.plugins;

import io.synapse.plugins.events.Event;

/** The root package's vocabulary, below its entry point. */
public enum Mode {
  LOCAL;

  public Event event() {
    return new Event(name());
  }
}
