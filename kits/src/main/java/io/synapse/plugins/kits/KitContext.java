package io.synapse.plugins.kits;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.client.BackendClient;
import io.synapse.plugins.steps.StepContext;
import java.util.Objects;

/** The state a kit's steps share: the step context plus the run's backend client. */
public class KitContext extends StepContext {
  private final BackendClient client;

  /** A context for a run within {@code runtime} talking to {@code client}. */
  public KitContext(RuntimeContext runtime, BackendClient client) {
    super(runtime);
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The run's backend client. */
  public final BackendClient client() {
    return client;
  }
}
