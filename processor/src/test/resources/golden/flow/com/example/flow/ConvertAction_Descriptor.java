package com.example.flow;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.spi.ActionShape;
import io.synapse.plugins.spi.FieldShape;
import io.synapse.plugins.spi.GeneratedActionDescriptor;
import io.synapse.plugins.spi.SynapseGenerated;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Describes action {@code convert} ({@link ConvertAction}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.flow.ConvertAction"
)
public final class ConvertAction_Descriptor extends GeneratedActionDescriptor<ConvertAction.Params, ConvertAction.Converted> {
  public static final ConvertAction_Descriptor INSTANCE = new ConvertAction_Descriptor();

  private static final ActionShape SHAPE = ActionShape.of("dataset", "yolo_dataset",
      List.of(new FieldShape("dataset_path", "datasetPath", true, "string", false),
      new FieldShape("target_format", "targetFormat", false, "string", false)),
      List.of(new FieldShape("dataset_path", "datasetPath", false, "string", false),
      new FieldShape("format", "format", false, "string", false)));

  private ConvertAction_Descriptor() {
    super("flow_demo", "convert", ConvertAction.class, ConvertAction.Params.class, ConvertAction_Params_Binder.INSTANCE, ConvertAction_Converted_Binder.INSTANCE, ConvertAction_Converted_Binder.INSTANCE);
  }

  @Override
  public ActionConfig config() {
    return FlowDemoRegistry.CONVERT;
  }

  @Override
  public BaseAction<ConvertAction.Params, ConvertAction.Converted> newAction() {
    return new ConvertAction();
  }

  @Override
  public ActionShape shape() {
    return SHAPE;
  }
}
