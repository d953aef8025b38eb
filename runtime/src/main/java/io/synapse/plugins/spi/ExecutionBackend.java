package io.synapse.plugins.spi;

import io.synapse.plugins.ExecutionMode;

/**
 * A backend serving a remote execution mode (TASK, JOB), found through {@link java.util.ServiceLoader}
 * by {@link io.synapse.plugins.PluginRunner}. The params in the request are already validated.
 */
public interface ExecutionBackend {

  /** The mode served. */
  ExecutionMode mode();

  /** Runs the request: the action's result for TASK, the job id for JOB. */
  Object run(ExecutionRequest request);
}
