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
 * Describes action {@code fetch} ({@link FetchAction}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.flow.FetchAction"
)
public final class FetchAction_Descriptor extends GeneratedActionDescriptor<FetchAction.Params, FetchAction.Fetched> {
  public static final FetchAction_Descriptor INSTANCE = new FetchAction_Descriptor();

  private static final ActionShape SHAPE = ActionShape.of("", "dataset",
      List.of(new FieldShape("source_dir", "sourceDir", true, "string", false),
      new FieldShape("limit", "limit", false, "integer", false)),
      List.of(new FieldShape("dataset_path", "datasetPath", false, "string", false),
      new FieldShape("rows", "rows", true, "integer", false)));

  private FetchAction_Descriptor() {
    super("flow_demo", "fetch", FetchAction.class, FetchAction.Params.class, FetchAction_Params_Binder.INSTANCE, FetchAction_Fetched_Binder.INSTANCE, FetchAction_Fetched_Binder.INSTANCE);
  }

  @Override
  public ActionConfig config() {
    return FlowDemoRegistry.FETCH;
  }

  @Override
  public BaseAction<FetchAction.Params, FetchAction.Fetched> newAction() {
    return new FetchAction();
  }

  @Override
  public ActionShape shape() {
    return SHAPE;
  }
}
