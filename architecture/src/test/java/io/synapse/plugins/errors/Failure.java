package io.synapse.plugins.errors;

import io.synapse.plugins.events.Event;

/** A higher layer using a lower one: allowed. */
public final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Failure(Event event) {
    super(event.name());
  }
}
