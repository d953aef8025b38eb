package io.synapse.plugins.kits;

import io.synapse.plugins.action.StepAction;
import io.synapse.plugins.kits.client.BackendClient;
import io.synapse.plugins.kits.client.BackendClients;

/**
 * The base of every kit: a step workflow with the run's {@link #client() backend client}. The client
 * is made from the run's environment ({@code ctx().env()}): the same settings travel to TASK workers
 * and JOB entrypoints, so a kit behaves the same in every mode. Override {@link #createClient()} to
 * supply one yourself.
 *
 * @param <P> the params record
 * @param <C> the context the steps share
 * @param <R> the result type
 */
public abstract class KitAction<P extends Record, C extends KitContext, R> extends StepAction<P, C, R> {
  private BackendClient client;

  /** For subclasses. */
  protected KitAction() {}

  /** The run's backend client, made on first use by {@link #createClient()}. */
  public final synchronized BackendClient client() {
    if (client == null) {
      client = createClient();
    }
    return client;
  }

  /**
   * Makes the run's backend client: by default {@link BackendClients#fromEnvironment} of the run's
   * environment (the Synapse backend when {@code SYNAPSE_HOST}/{@code SYNAPSE_ACCESS_TOKEN} are set,
   * else the local backend).
   */
  protected BackendClient createClient() {
    return BackendClients.fromEnvironment(ctx().env());
  }
}
