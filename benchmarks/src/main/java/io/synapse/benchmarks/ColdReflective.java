package io.synapse.benchmarks;

import io.synapse.benchmarks.baseline.ReflectiveRunner;
import io.synapse.plugins.events.EventSink;

/**
 * A cold-start process: runs the tutorial's process action once through the reflective baseline
 * (ClassGraph scan, Jackson, Hibernate Validator, reflection), events discarded, prints the result and exits.
 */
public final class ColdReflective {
  private ColdReflective() {}

  /** Runs the action once. */
  public static void main(String[] args) throws Exception {
    System.out.println(ReflectiveRunner.run("io.synapse.benchmarks.plugin", "process", Fixtures.tutorial(), EventSink.discarding()));
  }
}
