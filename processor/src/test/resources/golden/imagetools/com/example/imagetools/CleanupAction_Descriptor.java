package com.example.imagetools;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.spi.SynapseGenerated;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Describes action {@code cleanup} ({@link CleanupAction}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.CleanupAction"
)
public final class CleanupAction_Descriptor implements ActionDescriptor<CleanupAction.Params, Void> {
  public static final CleanupAction_Descriptor INSTANCE = new CleanupAction_Descriptor();

  private CleanupAction_Descriptor() {
  }

  @Override
  public String pluginCode() {
    return "image_tools";
  }

  @Override
  public ActionConfig config() {
    return ImageToolsRegistry.CLEANUP;
  }

  @Override
  public Class<? extends BaseAction<CleanupAction.Params, Void>> actionClass() {
    return CleanupAction.class;
  }

  @Override
  public Class<CleanupAction.Params> paramsType() {
    return CleanupAction.Params.class;
  }

  @Override
  public BaseAction<CleanupAction.Params, Void> newAction() {
    return new CleanupAction();
  }

  @Override
  public CleanupAction.Params bindParams(Object params) {
    try {
      return CleanupAction_Params_Binder.INSTANCE.bind(params);
    } catch (ValidationError e) {
      throw e.withSubject("params of action 'cleanup'");
    }
  }

  @Override
  public Map<String, Object> writeParams(CleanupAction.Params params) {
    return CleanupAction_Params_Writer.INSTANCE.write(params);
  }

  @Override
  public Object writeResult(Void result) {
    return null;
  }

  @Override
  public Void readResult(Object value) {
    return null;
  }
}
