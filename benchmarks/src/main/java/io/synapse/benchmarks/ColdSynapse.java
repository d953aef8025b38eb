package io.synapse.benchmarks;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.events.EventSink;

/**
 * A cold-start process: runs the tutorial's process action once through {@code PluginRunner} by
 * plugin code, events discarded, prints the result and exits.
 */
public final class ColdSynapse {
  private ColdSynapse() {}

  /** Runs the action once. */
  public static void main(String[] args) {
    System.out.println(PluginRunner.runPlugin("bench_plugin", "process", Fixtures.tutorial(), ExecutionMode.LOCAL,
        RunOptions.builder().sink(EventSink.discarding()).build()));
  }
}
