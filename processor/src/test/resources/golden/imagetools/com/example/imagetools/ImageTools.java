package com.example.imagetools;

import io.synapse.plugins.action.NoParams;
import io.synapse.plugins.executors.Executor;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.spi.PluginRegistry;
import io.synapse.plugins.spi.SynapseGenerated;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Typed entry points to the actions of plugin {@code image_tools}. Generated from its {@code @Plugin} and actions.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools"
)
public final class ImageTools {
  /**
   * The plugin code.
   */
  public static final String CODE = "image_tools";

  private ImageTools() {
  }

  /**
   * A new instance of the plugin's registry.
   */
  public static PluginRegistry registry() {
    return new ImageToolsRegistry();
  }

  /**
   * cleanup: Removes temporary files.
   *
   * <p>Runs action {@code cleanup} locally, in the calling thread.
   *
   * @param params the params
   */
  public static void cleanup(CleanupAction.Params params) {
    cleanup(params, LocalExecutor.shared());
  }

  /**
   * cleanup: Removes temporary files.
   *
   * <p>Runs action {@code cleanup} on {@code executor}.
   *
   * @param params the params
   * @param executor where to run it
   */
  public static void cleanup(CleanupAction.Params params, Executor executor) {
    executor.execute(CleanupAction_Descriptor.INSTANCE, params);
  }

  /**
   * convert: Convert file between formats
   *
   * <p>Runs action {@code convert} locally, in the calling thread.
   *
   * @param params the params
   * @return the action's result
   */
  public static ImageFunctions.ConvertResult convert(ImageFunctions.ConvertParams params) {
    return convert(params, LocalExecutor.shared());
  }

  /**
   * convert: Convert file between formats
   *
   * <p>Runs action {@code convert} on {@code executor}.
   *
   * @param params the params
   * @param executor where to run it
   * @return the action's result
   */
  public static ImageFunctions.ConvertResult convert(ImageFunctions.ConvertParams params,
      Executor executor) {
    return executor.execute(ImageFunctions_convert_Descriptor.INSTANCE, params);
  }

  /**
   * Resize Images: Resizes every image of a directory.
   *
   * <p>Runs action {@code resize} locally, in the calling thread.
   *
   * @param params the params
   * @return the action's result
   */
  public static ResizeResult resize(ResizeParams params) {
    return resize(params, LocalExecutor.shared());
  }

  /**
   * Resize Images: Resizes every image of a directory.
   *
   * <p>Runs action {@code resize} on {@code executor}.
   *
   * @param params the params
   * @param executor where to run it
   * @return the action's result
   */
  public static ResizeResult resize(ResizeParams params, Executor executor) {
    return executor.execute(ResizeAction_Descriptor.INSTANCE, params);
  }

  /**
   * stats: Reports image statistics.
   *
   * <p>Runs action {@code stats} locally, in the calling thread.
   *
   * @param params the params
   * @return the action's result
   */
  public static Map<String, Object> stats(NoParams params) {
    return stats(params, LocalExecutor.shared());
  }

  /**
   * stats: Reports image statistics.
   *
   * <p>Runs action {@code stats} on {@code executor}.
   *
   * @param params the params
   * @param executor where to run it
   * @return the action's result
   */
  public static Map<String, Object> stats(NoParams params, Executor executor) {
    return executor.execute(StatsAction_Descriptor.INSTANCE, params);
  }

  /**
   * stats: Reports image statistics.
   *
   * <p>Runs action {@code stats}, which takes no params, locally.
   *
   * @return the action's result
   */
  public static Map<String, Object> stats() {
    return stats(NoParams.INSTANCE, LocalExecutor.shared());
  }

  /**
   * touch: Touches nothing; a function action without params or result.
   *
   * <p>Runs action {@code touch} locally, in the calling thread.
   *
   * @param params the params
   */
  public static void touch(NoParams params) {
    touch(params, LocalExecutor.shared());
  }

  /**
   * touch: Touches nothing; a function action without params or result.
   *
   * <p>Runs action {@code touch} on {@code executor}.
   *
   * @param params the params
   * @param executor where to run it
   */
  public static void touch(NoParams params, Executor executor) {
    executor.execute(ImageFunctions_touch_Descriptor.INSTANCE, params);
  }

  /**
   * touch: Touches nothing; a function action without params or result.
   *
   * <p>Runs action {@code touch}, which takes no params, locally.
   *
   */
  public static void touch() {
    touch(NoParams.INSTANCE, LocalExecutor.shared());
  }

  /**
   * train-model: Trains a small model.
   *
   * <p>Runs action {@code train-model} locally, in the calling thread.
   *
   * @param params the params
   * @return the action's result
   */
  public static Map<String, Object> trainModel(TrainParams params) {
    return trainModel(params, LocalExecutor.shared());
  }

  /**
   * train-model: Trains a small model.
   *
   * <p>Runs action {@code train-model} on {@code executor}.
   *
   * @param params the params
   * @param executor where to run it
   * @return the action's result
   */
  public static Map<String, Object> trainModel(TrainParams params, Executor executor) {
    return executor.execute(TrainAction_Descriptor.INSTANCE, params);
  }
}
