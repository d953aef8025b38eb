package io.synapse.plugins.kits.dataset;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.KitContext;
import io.synapse.plugins.kits.client.BackendClient;

/** What the steps of a {@link DatasetAction} share. */
public class DatasetContext extends KitContext {
  private final DatasetParams params;
  volatile DatasetResult result;

  /** A context for a run of {@code params}. */
  public DatasetContext(RuntimeContext runtime, BackendClient client, DatasetParams params) {
    super(runtime, client);
    this.params = params;
  }

  /** The run's params. */
  public DatasetParams params() {
    return params;
  }

  /** The result so far (set by the download or the conversion), or null. */
  public DatasetResult result() {
    return result;
  }
}
