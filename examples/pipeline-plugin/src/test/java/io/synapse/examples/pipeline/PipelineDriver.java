package io.synapse.examples.pipeline;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.pipeline.Pipelines;
import java.nio.file.Path;
import java.util.Map;

/**
 * A driver process for the kill tests: runs train_flow with its convert action held (PIPELINE_DEMO_HOLD), so
 * that the test can kill this process while the second action runs.
 *
 * <p>{@code java -cp <test class path> io.synapse.examples.pipeline.PipelineDriver <store url> <run id> <source dir> <work dir>}
 */
public final class PipelineDriver {
  private PipelineDriver() {}

  public static void main(String[] args) {
    Path work = Path.of(args[3]);
    Object result = PluginRunner.runPipeline("pipeline_demo", "train_flow", DemoRuns.initial(Path.of(args[2])), ExecutionMode.LOCAL,
        DemoRuns.options(args[0], work, EventSink.discarding(), Map.of("PIPELINE_DEMO_HOLD", "convert"))
            .option(Pipelines.RUN_ID_OPTION, args[1]).build());
    System.out.println("unexpected end: " + result);
    System.exit(3);
  }
}
