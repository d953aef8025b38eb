package io.synapse.plugins.coldstart;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.events.EventSink;
import java.util.Map;

/** The first run of a JVM that {@link ColdPathTest} starts: the fixture's greet action once, its result printed. */
public final class ColdRun {
  private ColdRun() {}

  /** Runs greet once through {@code PluginRunner}, events discarded. */
  public static void main(String[] args) {
    Object result = PluginRunner.runPlugin("test_plugin", "greet", Map.of("name", "ada", "times", 2), ExecutionMode.LOCAL,
        RunOptions.builder().sink(EventSink.discarding()).build());
    System.out.println("result: " + result);
  }
}
