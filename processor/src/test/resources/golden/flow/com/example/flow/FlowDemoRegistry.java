package com.example.flow;

import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.config.PipelineConfig;
import io.synapse.plugins.config.PluginConfig;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.spi.PluginRegistry;
import io.synapse.plugins.spi.SynapseGenerated;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The registry of plugin {@code flow_demo}, found through {@link java.util.ServiceLoader}. Generated from its {@code @Plugin} and actions.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.flow"
)
public final class FlowDemoRegistry implements PluginRegistry {
  /**
   * The configuration of action {@code convert}.
   */
  public static final ActionConfig CONVERT = new ActionConfig(
      "convert",
      "convert",
      "",
      "com.example.flow.ConvertAction",
      RunMethod.TASK,
      PluginCategory.CUSTOM,
      "dataset",
      "yolo_dataset",
      "com.example.flow.ConvertAction$Params",
      "com.example.flow.ConvertAction$Converted");

  /**
   * The configuration of action {@code fetch}.
   */
  public static final ActionConfig FETCH = new ActionConfig(
      "fetch",
      "fetch",
      "",
      "com.example.flow.FetchAction",
      RunMethod.TASK,
      PluginCategory.CUSTOM,
      "",
      "dataset",
      "com.example.flow.FetchAction$Params",
      "com.example.flow.FetchAction$Fetched");

  /**
   * The configuration of action {@code train}.
   */
  public static final ActionConfig TRAIN = new ActionConfig(
      "train",
      "train",
      "",
      "com.example.flow.TrainAction",
      RunMethod.TASK,
      PluginCategory.CUSTOM,
      "yolo_dataset",
      "model_weights",
      "com.example.flow.TrainAction$Params",
      "com.example.flow.TrainAction$Trained");

  private static final PluginConfig CONFIG = new PluginConfig(
      "Flow Demo",
      "flow_demo",
      "1.0.0",
      PluginCategory.CUSTOM,
      "Pipelines for golden tests",
      "com.example.flow",
      List.of(CONVERT, FETCH, TRAIN),
      List.of(new PipelineConfig("quick_flow", "quick_flow", "", List.of("fetch", "convert"), "com.example.flow.FlowParams"),
      new PipelineConfig("train_flow", "Train flow", "Fetches, converts and trains", List.of("fetch", "convert", "train"), "")));

  /**
   * For {@link java.util.ServiceLoader}.
   */
  public FlowDemoRegistry() {
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
      case "convert":
        return ConvertAction_Descriptor.INSTANCE;
      case "fetch":
        return FetchAction_Descriptor.INSTANCE;
      case "train":
        return TrainAction_Descriptor.INSTANCE;
      default:
        return null;
    }
  }
}
