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
 * Describes action {@code convert} ({@link ImageFunctions#convert}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.ImageFunctions#convert"
)
public final class ImageFunctions_convert_Descriptor extends GeneratedActionDescriptor<ImageFunctions.ConvertParams, ImageFunctions.ConvertResult> {
  public static final ImageFunctions_convert_Descriptor INSTANCE = new ImageFunctions_convert_Descriptor();

  private static final ActionShape SHAPE = ActionShape.of("", "",
      List.of(new FieldShape("input_format", "inputFormat", true, "string", false),
      new FieldShape("output_format", "outputFormat", true, "string", false),
      new FieldShape("file_path", "filePath", true, "string", false)),
      List.of(new FieldShape("output_path", "outputPath", false, "string", false),
      new FieldShape("converted", "converted", true, "boolean", false)));

  private ImageFunctions_convert_Descriptor() {
    super("image_tools", "convert", Action.class, ImageFunctions.ConvertParams.class, ImageFunctions_ConvertParams_Binder.INSTANCE, ImageFunctions_ConvertResult_Binder.INSTANCE, ImageFunctions_ConvertResult_Binder.INSTANCE);
  }

  @Override
  public ActionConfig config() {
    return ImageToolsRegistry.CONVERT;
  }

  @Override
  public BaseAction<ImageFunctions.ConvertParams, ImageFunctions.ConvertResult> newAction() {
    return new Action();
  }

  @Override
  public ActionShape shape() {
    return SHAPE;
  }

  /**
   * Runs {@link ImageFunctions#convert}: the function-based action as an action class.
   */
  public static final class Action extends BaseAction<ImageFunctions.ConvertParams, ImageFunctions.ConvertResult> {
    /**
     * For the descriptor.
     */
    public Action() {
    }

    @Override
    public ImageFunctions.ConvertResult execute() throws Exception {
      return ImageFunctions.convert(params(), ctx());
    }
  }
}
