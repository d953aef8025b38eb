package com.example.imagetools;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.spi.GeneratedActionDescriptor;
import io.synapse.plugins.spi.Secrets;
import io.synapse.plugins.spi.SynapseGenerated;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Describes action {@code resize} ({@link ResizeAction}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.ResizeAction"
)
public final class ResizeAction_Descriptor extends GeneratedActionDescriptor<ResizeParams, ResizeResult> {
  public static final ResizeAction_Descriptor INSTANCE = new ResizeAction_Descriptor();

  private ResizeAction_Descriptor() {
    super("image_tools", "resize", ResizeAction.class, ResizeParams.class, ResizeParams_Binder.INSTANCE, ResizeResult_Binder.INSTANCE, ResizeResult_Binder.INSTANCE);
  }

  @Override
  public ActionConfig config() {
    return ImageToolsRegistry.RESIZE;
  }

  @Override
  public BaseAction<ResizeParams, ResizeResult> newAction() {
    return new ResizeAction();
  }

  @Override
  public Set<String> secretValues(ResizeParams params) {
    Set<String> secrets = new LinkedHashSet<>();
    Secrets.collect(secrets, params.apiToken());
    return secrets;
  }
}
