package com.example.imagetools;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.NoParams;
import io.synapse.plugins.action.NoParams_Binder;
import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.spi.ActionShape;
import io.synapse.plugins.spi.GeneratedActionDescriptor;
import io.synapse.plugins.spi.SynapseGenerated;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Describes action {@code touch} ({@link ImageFunctions#touch}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.ImageFunctions#touch"
)
public final class ImageFunctions_touch_Descriptor extends GeneratedActionDescriptor<NoParams, Void> {
  public static final ImageFunctions_touch_Descriptor INSTANCE = new ImageFunctions_touch_Descriptor();

  private static final ActionShape SHAPE = ActionShape.of("", "",
      List.of(),
      List.of());

  private ImageFunctions_touch_Descriptor() {
    super("image_tools", "touch", Action.class, NoParams.class, NoParams_Binder.INSTANCE, null, null);
  }

  @Override
  public ActionConfig config() {
    return ImageToolsRegistry.TOUCH;
  }

  @Override
  public BaseAction<NoParams, Void> newAction() {
    return new Action();
  }

  @Override
  public ActionShape shape() {
    return SHAPE;
  }

  /**
   * Runs {@link ImageFunctions#touch}: the function-based action as an action class.
   */
  public static final class Action extends BaseAction<NoParams, Void> {
    /**
     * For the descriptor.
     */
    public Action() {
    }

    @Override
    public Void execute() throws Exception {
      ImageFunctions.touch(params(), ctx());
      return null;
    }
  }
}
