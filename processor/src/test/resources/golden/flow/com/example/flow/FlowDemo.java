package com.example.flow;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.executors.Executor;
import io.synapse.plugins.executors.JobExecutor;
import io.synapse.plugins.executors.JobHandle;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.pipeline.Pipelines;
import io.synapse.plugins.spi.PluginRegistry;
import io.synapse.plugins.spi.SynapseGenerated;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Typed entry points to the actions of plugin {@code flow_demo}. Generated from its {@code @Plugin} and actions.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.flow"
)
public final class FlowDemo {
  /**
   * The plugin code.
   */
  public static final String CODE = "flow_demo";

  private FlowDemo() {
  }

  /**
   * A new instance of the plugin's registry.
   */
  public static PluginRegistry registry() {
    return new FlowDemoRegistry();
  }

  /**
   * convert
   *
   * <p>Runs action {@code convert} locally, in the calling thread.
   *
   * @param params the params
   * @return the action's result
   */
  public static ConvertAction.Converted convert(ConvertAction.Params params) {
    return convert(params, LocalExecutor.shared());
  }

  /**
   * convert
   *
   * <p>Runs action {@code convert} on {@code executor}.
   *
   * @param params the params
   * @param executor where to run it
   * @return the action's result
   */
  public static ConvertAction.Converted convert(ConvertAction.Params params, Executor executor) {
    return executor.execute(ConvertAction_Descriptor.INSTANCE, params);
  }

  /**
   * convert
   *
   * <p>Submits action {@code convert} as a job on {@code jobs} and returns its handle at once;
   * {@code await} gives the result.
   *
   * @param params the params
   * @param jobs where the job runs
   * @return the job's handle
   */
  public static JobHandle<ConvertAction.Converted> submitConvert(ConvertAction.Params params,
      JobExecutor jobs) {
    return jobs.submit(ConvertAction_Descriptor.INSTANCE, params);
  }

  /**
   * convert
   *
   * <p>The handle of job {@code jobId}, an earlier submit of action {@code convert} (in this process or
   * another one).
   *
   * @param jobId the job's id
   * @param jobs the executor that submitted it, or one like it
   * @return the job's handle
   */
  public static JobHandle<ConvertAction.Converted> attachConvert(String jobId, JobExecutor jobs) {
    return jobs.attach(jobId, ConvertAction_Descriptor.INSTANCE);
  }

  /**
   * fetch
   *
   * <p>Runs action {@code fetch} locally, in the calling thread.
   *
   * @param params the params
   * @return the action's result
   */
  public static FetchAction.Fetched fetch(FetchAction.Params params) {
    return fetch(params, LocalExecutor.shared());
  }

  /**
   * fetch
   *
   * <p>Runs action {@code fetch} on {@code executor}.
   *
   * @param params the params
   * @param executor where to run it
   * @return the action's result
   */
  public static FetchAction.Fetched fetch(FetchAction.Params params, Executor executor) {
    return executor.execute(FetchAction_Descriptor.INSTANCE, params);
  }

  /**
   * fetch
   *
   * <p>Submits action {@code fetch} as a job on {@code jobs} and returns its handle at once;
   * {@code await} gives the result.
   *
   * @param params the params
   * @param jobs where the job runs
   * @return the job's handle
   */
  public static JobHandle<FetchAction.Fetched> submitFetch(FetchAction.Params params,
      JobExecutor jobs) {
    return jobs.submit(FetchAction_Descriptor.INSTANCE, params);
  }

  /**
   * fetch
   *
   * <p>The handle of job {@code jobId}, an earlier submit of action {@code fetch} (in this process or
   * another one).
   *
   * @param jobId the job's id
   * @param jobs the executor that submitted it, or one like it
   * @return the job's handle
   */
  public static JobHandle<FetchAction.Fetched> attachFetch(String jobId, JobExecutor jobs) {
    return jobs.attach(jobId, FetchAction_Descriptor.INSTANCE);
  }

  /**
   * train
   *
   * <p>Runs action {@code train} locally, in the calling thread.
   *
   * @param params the params
   * @return the action's result
   */
  public static TrainAction.Trained train(TrainAction.Params params) {
    return train(params, LocalExecutor.shared());
  }

  /**
   * train
   *
   * <p>Runs action {@code train} on {@code executor}.
   *
   * @param params the params
   * @param executor where to run it
   * @return the action's result
   */
  public static TrainAction.Trained train(TrainAction.Params params, Executor executor) {
    return executor.execute(TrainAction_Descriptor.INSTANCE, params);
  }

  /**
   * train
   *
   * <p>Submits action {@code train} as a job on {@code jobs} and returns its handle at once;
   * {@code await} gives the result.
   *
   * @param params the params
   * @param jobs where the job runs
   * @return the job's handle
   */
  public static JobHandle<TrainAction.Trained> submitTrain(TrainAction.Params params,
      JobExecutor jobs) {
    return jobs.submit(TrainAction_Descriptor.INSTANCE, params);
  }

  /**
   * train
   *
   * <p>The handle of job {@code jobId}, an earlier submit of action {@code train} (in this process or
   * another one).
   *
   * @param jobId the job's id
   * @param jobs the executor that submitted it, or one like it
   * @return the job's handle
   */
  public static JobHandle<TrainAction.Trained> attachTrain(String jobId, JobExecutor jobs) {
    return jobs.attach(jobId, TrainAction_Descriptor.INSTANCE);
  }

  /**
   * quick_flow: fetch | convert
   *
   * <p>Runs pipeline {@code quick_flow} locally, recorded in the default run store.
   *
   * @param params the initial params
   * @return the last action's result
   */
  public static ConvertAction.Converted quickFlowPipeline(FlowParams params) {
    return quickFlowPipeline(params, ExecutionMode.LOCAL, RunOptions.defaults());
  }

  /**
   * quick_flow: fetch | convert
   *
   * <p>Runs pipeline {@code quick_flow} in {@code mode} (JOB: the whole pipeline as one Ray job, waited for).
   *
   * @param params the initial params
   * @param mode where its actions run
   * @param options the run options (store, run id, cluster)
   * @return the last action's result
   */
  public static ConvertAction.Converted quickFlowPipeline(FlowParams params, ExecutionMode mode,
      RunOptions options) {
    return (ConvertAction.Converted) Pipelines.runDeclaredToResult(PluginHolder.INSTANCE, "quick_flow", FlowParams_Binder.INSTANCE.write(params), mode, options);
  }

  /**
   * Train flow: fetch | convert | train. Fetches, converts and trains
   *
   * <p>Runs pipeline {@code train_flow} locally, recorded in the default run store.
   *
   * @param params the initial params
   * @return the last action's result
   */
  public static TrainAction.Trained trainFlowPipeline(Map<String, ?> params) {
    return trainFlowPipeline(params, ExecutionMode.LOCAL, RunOptions.defaults());
  }

  /**
   * Train flow: fetch | convert | train. Fetches, converts and trains
   *
   * <p>Runs pipeline {@code train_flow} in {@code mode} (JOB: the whole pipeline as one Ray job, waited for).
   *
   * @param params the initial params
   * @param mode where its actions run
   * @param options the run options (store, run id, cluster)
   * @return the last action's result
   */
  public static TrainAction.Trained trainFlowPipeline(Map<String, ?> params, ExecutionMode mode,
      RunOptions options) {
    return (TrainAction.Trained) Pipelines.runDeclaredToResult(PluginHolder.INSTANCE, "train_flow", params, mode, options);
  }

  /**
   * The plugin, made on first use by a pipeline.
   */
  private static final class PluginHolder {
    static final PluginDiscovery INSTANCE = PluginDiscovery.of(new FlowDemoRegistry());
  }
}
