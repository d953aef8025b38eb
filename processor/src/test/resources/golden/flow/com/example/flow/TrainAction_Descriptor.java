package com.example.flow;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.spi.ActionShape;
import io.synapse.plugins.spi.FieldShape;
import io.synapse.plugins.spi.GeneratedActionDescriptor;
import io.synapse.plugins.spi.Secrets;
import io.synapse.plugins.spi.SynapseGenerated;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Describes action {@code train} ({@link TrainAction}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.flow.TrainAction"
)
public final class TrainAction_Descriptor extends GeneratedActionDescriptor<TrainAction.Params, TrainAction.Trained> {
  public static final TrainAction_Descriptor INSTANCE = new TrainAction_Descriptor();

  private static final ActionShape SHAPE = ActionShape.of("yolo_dataset", "model_weights",
      List.of(new FieldShape("dataset_path", "datasetPath", true, "string", false),
      new FieldShape("epochs", "epochs", false, "integer", false),
      new FieldShape("api_key", "apiKey", true, "string", true)),
      List.of(new FieldShape("model_path", "modelPath", false, "string", false),
      new FieldShape("accuracy", "accuracy", true, "number", false)));

  private TrainAction_Descriptor() {
    super("flow_demo", "train", TrainAction.class, TrainAction.Params.class, TrainAction_Params_Binder.INSTANCE, TrainAction_Trained_Binder.INSTANCE, TrainAction_Trained_Binder.INSTANCE);
  }

  @Override
  public ActionConfig config() {
    return FlowDemoRegistry.TRAIN;
  }

  @Override
  public BaseAction<TrainAction.Params, TrainAction.Trained> newAction() {
    return new TrainAction();
  }

  @Override
  public ActionShape shape() {
    return SHAPE;
  }

  @Override
  public Set<String> secretValues(TrainAction.Params params) {
    Set<String> secrets = new LinkedHashSet<>();
    Secrets.collect(secrets, params.apiKey());
    return secrets;
  }
}
