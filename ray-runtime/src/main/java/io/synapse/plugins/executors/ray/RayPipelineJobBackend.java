package io.synapse.plugins.executors.ray;

import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PipelineConfig;
import io.synapse.plugins.pipeline.PipelineJobBackend;
import io.synapse.plugins.spi.ActionDescriptor;

/**
 * Runs a whole pipeline as one Ray job ({@code PluginRunner.runPipeline(..., ExecutionMode.JOB, options)}): the
 * job's entrypoint resumes the recorded run from the store with every action in its JVM. The executor's
 * settings come from the same {@link RayOptions} keys as an action's job; the store's URL and the secret
 * initial params travel only inside the job's request package, never in its metadata or runtime env.
 * Registered through {@code META-INF/services}.
 */
public final class RayPipelineJobBackend implements PipelineJobBackend {

  /** For {@link java.util.ServiceLoader}. */
  public RayPipelineJobBackend() {}

  @Override
  public String submit(Submission submission, RunOptions options) {
    RayJobExecutor executor = RayJobBackend.executor(options);
    PipelineConfig pipeline = submission.plugin().config().pipeline(submission.pipeline()).orElseThrow();
    ActionDescriptor<?, ?> last = submission.plugin().descriptor(pipeline.actions().get(pipeline.actions().size() - 1));
    return executor.submitPipeline(submission.plugin(), last, submission.pipeline(), submission.runId(), submission.storeUrl(),
        submission.secretParams(), submission.runDir(), options.context());
  }

  @Override
  public boolean ended(String jobId, RunOptions options) {
    return RayJobBackend.executor(options).getStatus(jobId).isTerminal();
  }

  @Override
  public boolean stop(String jobId, RunOptions options) {
    return RayJobBackend.executor(options).stop(jobId);
  }
}
