package com.example.imagetools;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.spi.Secrets;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.Violations;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Describes action {@code resize} ({@link ResizeAction}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.ResizeAction"
)
public final class ResizeAction_Descriptor implements ActionDescriptor<ResizeParams, ResizeResult> {
  public static final ResizeAction_Descriptor INSTANCE = new ResizeAction_Descriptor();

  private ResizeAction_Descriptor() {
  }

  @Override
  public String pluginCode() {
    return "image_tools";
  }

  @Override
  public ActionConfig config() {
    return ImageToolsRegistry.RESIZE;
  }

  @Override
  public Class<? extends BaseAction<ResizeParams, ResizeResult>> actionClass() {
    return ResizeAction.class;
  }

  @Override
  public Class<ResizeParams> paramsType() {
    return ResizeParams.class;
  }

  @Override
  public BaseAction<ResizeParams, ResizeResult> newAction() {
    return new ResizeAction();
  }

  @Override
  public ResizeParams bindParams(Object params) {
    try {
      return ResizeParams_Binder.INSTANCE.bind(params);
    } catch (ValidationError e) {
      throw e.withSubject("params of action 'resize'");
    }
  }

  @Override
  public Map<String, Object> writeParams(ResizeParams params) {
    return ResizeParams_Writer.INSTANCE.write(params);
  }

  @Override
  public Object writeResult(ResizeResult result) {
    return ResizeResult_Writer.INSTANCE.write(result);
  }

  @Override
  public ResizeResult readResult(Object value) {
    Violations violations = new Violations();
    ResizeResult read = ResizeResult_Binder.INSTANCE.read(value, "", violations);
    violations.throwIfAny("result of action 'resize'");
    return read;
  }

  @Override
  public Set<String> secretValues(ResizeParams params) {
    Set<String> secrets = new LinkedHashSet<>();
    Secrets.collect(secrets, params.apiToken());
    return secrets;
  }
}
