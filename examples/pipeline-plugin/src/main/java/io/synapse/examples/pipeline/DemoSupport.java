package io.synapse.examples.pipeline;

import io.synapse.plugins.context.RuntimeContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the demo's actions share: where a standalone run (no pipeline) writes, the execution counter the tests
 * read ({@code PIPELINE_DEMO_COUNTER}: each action appends its name when it starts), and the hold the kill tests
 * use ({@code PIPELINE_DEMO_HOLD=<action>}: that action waits, interruptibly, until the process is killed or
 * the run cancelled).
 */
final class DemoSupport {
  private DemoSupport() {}

  /** Notes that {@code action} started, in the counter file if the environment names one. */
  static void count(RuntimeContext ctx, String action) {
    ctx.env().get("PIPELINE_DEMO_COUNTER").ifPresent(file -> {
      try {
        Files.writeString(Path.of(file), action + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
            StandardOpenOption.SYNC);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Waits while the environment holds {@code action} ({@code PIPELINE_DEMO_HOLD}), reporting that it is held;
   * fails when it names {@code action} in {@code PIPELINE_DEMO_FAIL}.
   */
  static void holdIfAsked(RuntimeContext ctx, String action) throws InterruptedException {
    if (ctx.env().get("PIPELINE_DEMO_FAIL").map(action::equals).orElse(false)) {
      throw new IllegalStateException("asked to fail (PIPELINE_DEMO_FAIL=" + action + ")");
    }
    if (!ctx.env().get("PIPELINE_DEMO_HOLD").map(action::equals).orElse(false)) {
      return;
    }
    ctx.log("held", java.util.Map.of("action", action));
    ctx.setProgress(1, 2, action);
    while (true) {
      Thread.sleep(100); // interrupted by a cancellation
    }
  }

  /** The folder a step writes to: the pipeline run's {@code folder} when in a pipeline, else a folder of its own. */
  static Path folder(RuntimeContext ctx, String folder) throws IOException {
    if (ctx.pipeline().isPresent()) {
      return folder.equals("datasets") ? ctx.pipeline().get().datasetsDir() : ctx.pipeline().get().modelsDir();
    }
    return Files.createTempDirectory("pipeline-demo-" + folder);
  }
}
