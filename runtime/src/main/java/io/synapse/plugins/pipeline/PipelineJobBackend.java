package io.synapse.plugins.pipeline;

import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import java.util.Map;

/**
 * Runs a whole pipeline as one job on a cluster: a hook for executor modules ({@code synapse-plugins-ray}
 * implements it with Ray Jobs), found through {@link java.util.ServiceLoader}, not for plugins. The job runs
 * {@code io.synapse.plugins.executors.PipelineJobMain}, which resumes the recorded run from the store.
 */
public interface PipelineJobBackend {

  /**
   * One whole-pipeline job to submit.
   *
   * @param plugin the plugin (its jars travel with the job when it was loaded from a path)
   * @param pipeline the declared pipeline's name
   * @param runId the run, recorded already (pending)
   * @param storeUrl the run store's URL, which the job opens (it travels inside the job's request, never in
   *     its metadata or environment)
   * @param secretParams the initial params whose values the store does not keep
   * @param runDir the run option {@code pipeline.run_dir}, or null
   */
  record Submission(PluginDiscovery plugin, String pipeline, String runId, String storeUrl, Map<String, Object> secretParams,
      String runDir) {}

  /**
   * Submits the job with the options' cluster settings, environment, job id, working directory and language.
   *
   * @return the job's id
   */
  String submit(Submission submission, RunOptions options);

  /** Whether job {@code jobId} has ended (succeeded, failed or stopped). */
  boolean ended(String jobId, RunOptions options);

  /** Asks the cluster to stop job {@code jobId}; false when it had ended. */
  boolean stop(String jobId, RunOptions options);
}
