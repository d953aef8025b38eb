package com.example.imagetools;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.spi.ActionShape;
import io.synapse.plugins.spi.FieldShape;
import io.synapse.plugins.spi.GeneratedActionDescriptor;
import io.synapse.plugins.spi.SynapseGenerated;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Describes action {@code cleanup} ({@link CleanupAction}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.CleanupAction"
)
public final class CleanupAction_Descriptor extends GeneratedActionDescriptor<CleanupAction.Params, Void> {
  public static final CleanupAction_Descriptor INSTANCE = new CleanupAction_Descriptor();

  private static final ActionShape SHAPE = ActionShape.of("", "",
      List.of(new FieldShape("dryRun", "dryRun", false, "boolean", false)),
      List.of());

  private CleanupAction_Descriptor() {
    super("image_tools", "cleanup", CleanupAction.class, CleanupAction.Params.class, CleanupAction_Params_Binder.INSTANCE, null, null);
  }

  @Override
  public ActionConfig config() {
    return ImageToolsRegistry.CLEANUP;
  }

  @Override
  public BaseAction<CleanupAction.Params, Void> newAction() {
    return new CleanupAction();
  }

  @Override
  public ActionShape shape() {
    return SHAPE;
  }
}
