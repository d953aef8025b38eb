package io.synapse.plugins.kits;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.client.BackendClient;
import io.synapse.plugins.steps.StepContext;
import java.util.Objects;

/**
 * The state a kit's steps share: the step context plus the run's backend client. Making it starts the run's job
 * reporting when the run has a job id ({@link io.synapse.plugins.kits.jobs.JobReporting}).
 */
public class KitContext extends StepContext {
  private final BackendClient client;

  /** A context for a run within {@code runtime} talking to {@code client}. */
  public KitContext(RuntimeContext runtime, BackendClient client) {
    super(runtime);
    this.client = Objects.requireNonNull(client, "client");
    io.synapse.plugins.kits.jobs.JobReporting.attach(runtime, client);
  }

  /** The run's backend client. */
  public final BackendClient client() {
    return client;
  }
}
