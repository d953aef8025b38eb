package com.example.imagetools;

import io.synapse.plugins.action.NoParams;
import io.synapse.plugins.executors.Executor;
import io.synapse.plugins.executors.JobExecutor;
import io.synapse.plugins.executors.JobHandle;
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
   * cleanup: Removes temporary files.
   *
   * <p>Submits action {@code cleanup} as a job on {@code jobs} and returns its handle at once;
   * {@code await} gives the result.
   *
   * @param params the params
   * @param jobs where the job runs
   * @return the job's handle
   */
  public static JobHandle<Void> submitCleanup(CleanupAction.Params params, JobExecutor jobs) {
    return jobs.submit(CleanupAction_Descriptor.INSTANCE, params);
  }

  /**
   * cleanup: Removes temporary files.
   *
   * <p>The handle of job {@code jobId}, an earlier submit of action {@code cleanup} (in this process or
   * another one).
   *
   * @param jobId the job's id
   * @param jobs the executor that submitted it, or one like it
   * @return the job's handle
   */
  public static JobHandle<Void> attachCleanup(String jobId, JobExecutor jobs) {
    return jobs.attach(jobId, CleanupAction_Descriptor.INSTANCE);
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
   * convert: Convert file between formats
   *
   * <p>Submits action {@code convert} as a job on {@code jobs} and returns its handle at once;
   * {@code await} gives the result.
   *
   * @param params the params
   * @param jobs where the job runs
   * @return the job's handle
   */
  public static JobHandle<ImageFunctions.ConvertResult> submitConvert(
      ImageFunctions.ConvertParams params, JobExecutor jobs) {
    return jobs.submit(ImageFunctions_convert_Descriptor.INSTANCE, params);
  }

  /**
   * convert: Convert file between formats
   *
   * <p>The handle of job {@code jobId}, an earlier submit of action {@code convert} (in this process or
   * another one).
   *
   * @param jobId the job's id
   * @param jobs the executor that submitted it, or one like it
   * @return the job's handle
   */
  public static JobHandle<ImageFunctions.ConvertResult> attachConvert(String jobId,
      JobExecutor jobs) {
    return jobs.attach(jobId, ImageFunctions_convert_Descriptor.INSTANCE);
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
   * Resize Images: Resizes every image of a directory.
   *
   * <p>Submits action {@code resize} as a job on {@code jobs} and returns its handle at once;
   * {@code await} gives the result.
   *
   * @param params the params
   * @param jobs where the job runs
   * @return the job's handle
   */
  public static JobHandle<ResizeResult> submitResize(ResizeParams params, JobExecutor jobs) {
    return jobs.submit(ResizeAction_Descriptor.INSTANCE, params);
  }

  /**
   * Resize Images: Resizes every image of a directory.
   *
   * <p>The handle of job {@code jobId}, an earlier submit of action {@code resize} (in this process or
   * another one).
   *
   * @param jobId the job's id
   * @param jobs the executor that submitted it, or one like it
   * @return the job's handle
   */
  public static JobHandle<ResizeResult> attachResize(String jobId, JobExecutor jobs) {
    return jobs.attach(jobId, ResizeAction_Descriptor.INSTANCE);
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
   * stats: Reports image statistics.
   *
   * <p>Submits action {@code stats} as a job on {@code jobs} and returns its handle at once;
   * {@code await} gives the result.
   *
   * @param params the params
   * @param jobs where the job runs
   * @return the job's handle
   */
  public static JobHandle<Map<String, Object>> submitStats(NoParams params, JobExecutor jobs) {
    return jobs.submit(StatsAction_Descriptor.INSTANCE, params);
  }

  /**
   * stats: Reports image statistics.
   *
   * <p>Submits action {@code stats}, which takes no params, as a job on {@code jobs}.
   *
   * @param jobs where the job runs
   * @return the job's handle
   */
  public static JobHandle<Map<String, Object>> submitStats(JobExecutor jobs) {
    return submitStats(NoParams.INSTANCE, jobs);
  }

  /**
   * stats: Reports image statistics.
   *
   * <p>The handle of job {@code jobId}, an earlier submit of action {@code stats} (in this process or
   * another one).
   *
   * @param jobId the job's id
   * @param jobs the executor that submitted it, or one like it
   * @return the job's handle
   */
  public static JobHandle<Map<String, Object>> attachStats(String jobId, JobExecutor jobs) {
    return jobs.attach(jobId, StatsAction_Descriptor.INSTANCE);
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
   * touch: Touches nothing; a function action without params or result.
   *
   * <p>Submits action {@code touch} as a job on {@code jobs} and returns its handle at once;
   * {@code await} gives the result.
   *
   * @param params the params
   * @param jobs where the job runs
   * @return the job's handle
   */
  public static JobHandle<Void> submitTouch(NoParams params, JobExecutor jobs) {
    return jobs.submit(ImageFunctions_touch_Descriptor.INSTANCE, params);
  }

  /**
   * touch: Touches nothing; a function action without params or result.
   *
   * <p>Submits action {@code touch}, which takes no params, as a job on {@code jobs}.
   *
   * @param jobs where the job runs
   * @return the job's handle
   */
  public static JobHandle<Void> submitTouch(JobExecutor jobs) {
    return submitTouch(NoParams.INSTANCE, jobs);
  }

  /**
   * touch: Touches nothing; a function action without params or result.
   *
   * <p>The handle of job {@code jobId}, an earlier submit of action {@code touch} (in this process or
   * another one).
   *
   * @param jobId the job's id
   * @param jobs the executor that submitted it, or one like it
   * @return the job's handle
   */
  public static JobHandle<Void> attachTouch(String jobId, JobExecutor jobs) {
    return jobs.attach(jobId, ImageFunctions_touch_Descriptor.INSTANCE);
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

  /**
   * train-model: Trains a small model.
   *
   * <p>Submits action {@code train-model} as a job on {@code jobs} and returns its handle at once;
   * {@code await} gives the result.
   *
   * @param params the params
   * @param jobs where the job runs
   * @return the job's handle
   */
  public static JobHandle<Map<String, Object>> submitTrainModel(TrainParams params,
      JobExecutor jobs) {
    return jobs.submit(TrainAction_Descriptor.INSTANCE, params);
  }

  /**
   * train-model: Trains a small model.
   *
   * <p>The handle of job {@code jobId}, an earlier submit of action {@code train-model} (in this process or
   * another one).
   *
   * @param jobId the job's id
   * @param jobs the executor that submitted it, or one like it
   * @return the job's handle
   */
  public static JobHandle<Map<String, Object>> attachTrainModel(String jobId, JobExecutor jobs) {
    return jobs.attach(jobId, TrainAction_Descriptor.INSTANCE);
  }
}
