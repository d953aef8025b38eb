package io.synapse.plugins.kits.train;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.KitContext;
import io.synapse.plugins.kits.client.BackendClient;
import io.synapse.plugins.kits.client.ModelRecord;
import java.nio.file.Path;

/** What the steps of a {@link BaseTrainAction} share. */
public class TrainContext extends KitContext {
  volatile Path datasetDir;
  volatile boolean categorized;
  volatile Path dataPath;
  volatile Object result;
  volatile Path weights;
  volatile ModelRecord model;
  volatile boolean trialsUploaded;

  /** A context for a run within {@code runtime} on {@code client}. */
  public TrainContext(RuntimeContext runtime, BackendClient client) {
    super(runtime, client);
  }

  /** The dataset directory (downloaded, then converted), or null. */
  public Path datasetDir() {
    return datasetDir;
  }

  /** The path handed to the training, or null. */
  public Path dataPath() {
    return dataPath;
  }

  /** The uploaded model, or null before the upload. */
  public ModelRecord model() {
    return model;
  }
}
