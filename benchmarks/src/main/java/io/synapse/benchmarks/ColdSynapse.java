package io.synapse.benchmarks;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.events.EventSink;

/**
 * A cold-start process: runs the tutorial's process action once through {@code PluginRunner} by
 * plugin code, events discarded, prints the result in its wire form (the map a caller outside the JVM
 * gets, as {@code PluginRunner.writeResult} writes it) and exits. It does not print the record's own
 * {@code toString()}: a record's {@code toString} is bootstrapped through {@code ObjectMethods} and, with
 * the {@code String.format} of a hello world that printed one, loads about 200 JDK classes that are the
 * cost of printing a record, not of running an action (measured 2026-12-01: 1,107 classes against 893).
 */
public final class ColdSynapse {
  private ColdSynapse() {}

  /** Runs the action once. */
  public static void main(String[] args) {
    Object result = PluginRunner.runPlugin("bench_plugin", "process", Fixtures.tutorial(), ExecutionMode.LOCAL,
        RunOptions.builder().sink(EventSink.discarding()).build());
    System.out.println(PluginRunner.writeResult("bench_plugin", "process", result));
  }
}
