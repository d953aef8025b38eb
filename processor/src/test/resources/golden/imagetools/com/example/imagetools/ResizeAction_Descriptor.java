package com.example.imagetools;

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
 * Describes action {@code resize} ({@link ResizeAction}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.ResizeAction"
)
public final class ResizeAction_Descriptor extends GeneratedActionDescriptor<ResizeParams, ResizeResult> {
  public static final ResizeAction_Descriptor INSTANCE = new ResizeAction_Descriptor();

  private static final ActionShape SHAPE = ActionShape.of("image_dir", "image_dir",
      List.of(new FieldShape("input_dir", "inputDir", true, "string", false),
      new FieldShape("width", "width", false, "integer", false),
      new FieldShape("thumbnail_sizes", "thumbnailSizes", false, "array", false),
      new FieldShape("interpolation", "interpolation", false, "string", false),
      new FieldShape("output_prefix", "outputPrefix", false, "string", false),
      new FieldShape("bucket", "bucket", false, "string", false),
      new FieldShape("notify_email", "notifyEmail", false, "string", false),
      new FieldShape("api_token", "apiToken", true, "string", true),
      new FieldShape("labels", "labels", false, "object", false),
      new FieldShape("quality", "quality", false, "number", false),
      new FieldShape("seed", "seed", false, "integer", false),
      new FieldShape("offset", "offset", false, "integer", false),
      new FieldShape("bias", "bias", false, "integer", false),
      new FieldShape("timeout", "timeout", false, "string", false),
      new FieldShape("not_before", "notBefore", false, "string", false),
      new FieldShape("since", "since", false, "string", false),
      new FieldShape("callback", "callback", false, "string", false),
      new FieldShape("output_dir", "outputDir", false, "string", false),
      new FieldShape("tags", "tags", false, "array", false),
      new FieldShape("max_bytes", "maxBytes", false, "integer", false),
      new FieldShape("extra", "extra", false, "object", false),
      new FieldShape("max_images", "maxImages", false, "integer", false),
      new FieldShape("gamma", "gamma", false, "number", false),
      new FieldShape("overwrite", "overwrite", false, "boolean", false),
      new FieldShape("dpi", "dotsPerInch", false, "integer", false)),
      List.of(new FieldShape("processed", "processed", true, "integer", false),
      new FieldShape("files", "files", false, "array", false),
      new FieldShape("histogram", "histogram", false, "object", false),
      new FieldShape("warning", "warning", false, "string", false),
      new FieldShape("used", "used", false, "string", false)));

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
  public ActionShape shape() {
    return SHAPE;
  }

  @Override
  public Set<String> secretValues(ResizeParams params) {
    Set<String> secrets = new LinkedHashSet<>();
    Secrets.collect(secrets, params.apiToken());
    return secrets;
  }
}
