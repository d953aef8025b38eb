package io.synapse.plugins;

import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.internal.EnumValues;

/** The categories plugins and actions are organised in, with their config.yaml values. */
public enum PluginCategory {
  /** ML model training. */
  NEURAL_NET("neural_net"),
  /** Model conversion and export. */
  EXPORT("export"),
  /** Data and model uploads. */
  UPLOAD("upload"),
  /** Interactive annotation tools. */
  SMART_TOOL("smart_tool"),
  /** Work before annotation, such as preprocessing. */
  PRE_ANNOTATION("pre_annotation"),
  /** Work after annotation, such as QA checks and format conversion. */
  POST_ANNOTATION("post_annotation"),
  /** Data quality checks. */
  DATA_VALIDATION("data_validation"),
  /** Anything else. */
  CUSTOM("custom");

  private final String value;

  PluginCategory(String value) {
    this.value = value;
  }

  /** The snake_case value used in config.yaml. */
  public String value() {
    return value;
  }

  /**
   * Parses a config.yaml value ({@code neural_net}) or constant name ({@code NEURAL_NET}).
   *
   * @throws PluginError (code {@code unknown_category}) naming the valid values otherwise
   */
  public static PluginCategory of(String text) {
    return EnumValues.parse(values(), PluginCategory::value, text, "unknown_category", "plugin category", "category");
  }
}
