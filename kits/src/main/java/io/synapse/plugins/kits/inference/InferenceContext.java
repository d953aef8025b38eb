package io.synapse.plugins.kits.inference;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.KitContext;
import io.synapse.plugins.kits.ModelDownloads;
import io.synapse.plugins.kits.client.BackendClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the steps of an inference share. */
public class InferenceContext extends KitContext {
  volatile ModelDownloads.LocalModel model;
  volatile Object loaded;
  final List<Map<String, Object>> predictions = new ArrayList<>();
  volatile String outputPath;

  /** A context for a run within {@code runtime} on {@code client}. */
  public InferenceContext(RuntimeContext runtime, BackendClient client) {
    super(runtime, client);
  }

  /** The downloaded model (after {@code model_load}). */
  public ModelDownloads.LocalModel model() {
    return model;
  }
}
