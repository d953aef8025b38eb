package com.example.imagetools;

import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.config.PluginConfig;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.spi.PluginRegistry;
import io.synapse.plugins.spi.SynapseGenerated;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The registry of plugin {@code image_tools}, found through {@link java.util.ServiceLoader}. Generated from its {@code @Plugin} and actions.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools"
)
public final class ImageToolsRegistry implements PluginRegistry {
  /**
   * The configuration of action {@code cleanup}.
   */
  public static final ActionConfig CLEANUP = new ActionConfig(
      "cleanup",
      "cleanup",
      "Removes temporary files.",
      "com.example.imagetools.CleanupAction",
      RunMethod.TASK,
      PluginCategory.PRE_ANNOTATION,
      "",
      "",
      "com.example.imagetools.CleanupAction$Params",
      "java.lang.Void");

  /**
   * The configuration of action {@code convert}.
   */
  public static final ActionConfig CONVERT = new ActionConfig(
      "convert",
      "convert",
      "Convert file between formats",
      "com.example.imagetools.ImageFunctions#convert",
      RunMethod.TASK,
      PluginCategory.PRE_ANNOTATION,
      "",
      "",
      "com.example.imagetools.ImageFunctions$ConvertParams",
      "com.example.imagetools.ImageFunctions$ConvertResult");

  /**
   * The configuration of action {@code resize}.
   */
  public static final ActionConfig RESIZE = new ActionConfig(
      "resize",
      "Resize Images",
      "Resizes every image of a directory.",
      "com.example.imagetools.ResizeAction",
      RunMethod.JOB,
      PluginCategory.PRE_ANNOTATION,
      "image_dir",
      "image_dir",
      "com.example.imagetools.ResizeParams",
      "com.example.imagetools.ResizeResult");

  /**
   * The configuration of action {@code stats}.
   */
  public static final ActionConfig STATS = new ActionConfig(
      "stats",
      "stats",
      "Reports image statistics.",
      "com.example.imagetools.StatsAction",
      RunMethod.TASK,
      PluginCategory.PRE_ANNOTATION,
      "",
      "",
      "io.synapse.plugins.action.NoParams",
      "java.util.Map<java.lang.String, java.lang.Object>");

  /**
   * The configuration of action {@code touch}.
   */
  public static final ActionConfig TOUCH = new ActionConfig(
      "touch",
      "touch",
      "Touches nothing; a function action without params or result.",
      "com.example.imagetools.ImageFunctions#touch",
      RunMethod.TASK,
      PluginCategory.PRE_ANNOTATION,
      "",
      "",
      "io.synapse.plugins.action.NoParams",
      "java.lang.Void");

  /**
   * The configuration of action {@code train-model}.
   */
  public static final ActionConfig TRAIN_MODEL = new ActionConfig(
      "train-model",
      "train-model",
      "Trains a small model.",
      "com.example.imagetools.TrainAction",
      RunMethod.TASK,
      PluginCategory.NEURAL_NET,
      "",
      "",
      "com.example.imagetools.TrainParams",
      "java.util.Map<java.lang.String, java.lang.Object>");

  private static final PluginConfig CONFIG = new PluginConfig(
      "Image Tools",
      "image_tools",
      "1.2.0",
      PluginCategory.PRE_ANNOTATION,
      "Resizes images and trains small models on them.",
      "com.example.imagetools",
      List.of(CLEANUP, CONVERT, RESIZE, STATS, TOUCH, TRAIN_MODEL));

  /**
   * For {@link java.util.ServiceLoader}.
   */
  public ImageToolsRegistry() {
  }

  @Override
  public PluginConfig config() {
    return CONFIG;
  }

  @Override
  public int spiVersion() {
    return 2;
  }

  @Override
  public ActionDescriptor<?, ?> descriptor(String name) {
    if (name == null) {
      return null;
    }
    switch (name) {
      case "cleanup":
        return CleanupAction_Descriptor.INSTANCE;
      case "convert":
        return ImageFunctions_convert_Descriptor.INSTANCE;
      case "resize":
        return ResizeAction_Descriptor.INSTANCE;
      case "stats":
        return StatsAction_Descriptor.INSTANCE;
      case "touch":
        return ImageFunctions_touch_Descriptor.INSTANCE;
      case "train-model":
        return TrainAction_Descriptor.INSTANCE;
      default:
        return null;
    }
  }
}
