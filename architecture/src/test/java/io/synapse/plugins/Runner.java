package io.synapse.plugins;

import io.synapse.plugins.errors.Failure;
import io.synapse.plugins.events.Event;

/** The root package's entry point, a layer of its own in the test table. */
public final class Runner {
  public void run() {
    throw new Failure(new Event("run"));
  }
}
