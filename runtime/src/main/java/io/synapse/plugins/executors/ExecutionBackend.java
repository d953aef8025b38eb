package io.synapse.plugins.executors;

import io.synapse.plugins.ExecutionMode;

/**
 * A backend serving a remote execution mode (TASK, JOB), found through {@link java.util.ServiceLoader}
 * by {@link io.synapse.plugins.PluginRunner}: a hook for executor modules such as
 * {@code synapse-plugins-ray}, not for plugins. It receives an {@link ExecutionRequest}, whose params are
 * bound and validated already.
 */
public interface ExecutionBackend {

  /** The mode served. */
  ExecutionMode mode();

  /**
   * Runs the request.
   *
   * @return the action's result for TASK, the job id for JOB
   */
  <P extends Record, R> Object run(ExecutionRequest<P, R> request);

  /**
   * Runs the request to its end and returns the action's result, whatever the mode: what a pipeline does
   * with each action. The default is {@link #run} (TASK returns the result); a backend whose {@code run}
   * returns a handle (JOB's job id) waits for the result.
   */
  @SuppressWarnings("unchecked")
  default <P extends Record, R> R runToResult(ExecutionRequest<P, R> request) {
    return (R) run(request);
  }
}
