package com.example.imagetools;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.spi.ActionShape;
import io.synapse.plugins.spi.FieldShape;
import io.synapse.plugins.spi.GeneratedActionDescriptor;
import io.synapse.plugins.spi.Readers;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.Writers;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Describes action {@code train-model} ({@link TrainAction}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.TrainAction"
)
public final class TrainAction_Descriptor extends GeneratedActionDescriptor<TrainParams, Map<String, Object>> {
  public static final TrainAction_Descriptor INSTANCE = new TrainAction_Descriptor();

  private static final ActionShape SHAPE = ActionShape.of("", "",
      List.of(new FieldShape("layers", "layers", true, "array", false),
      new FieldShape("optimizer", "optimizer", true, "object", false),
      new FieldShape("weights", "weights", false, "object", false),
      new FieldShape("heads", "heads", false, "array", false)),
      List.of());

  private TrainAction_Descriptor() {
    super("image_tools", "train-model", TrainAction.class, TrainParams.class, TrainParams_Binder.INSTANCE, Readers.map(Readers.ANY), Writers.map(Writers.ANY));
  }

  @Override
  public ActionConfig config() {
    return ImageToolsRegistry.TRAIN_MODEL;
  }

  @Override
  public BaseAction<TrainParams, Map<String, Object>> newAction() {
    return new TrainAction();
  }

  @Override
  public ActionShape shape() {
    return SHAPE;
  }
}
