package io.synapse.plugins.processor.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.PipelineModel;
import io.synapse.plugins.processor.model.PluginModel;
import java.util.Locale;

/**
 * Generates {@code META-INF/synapse/<code>/config.yaml}: exactly the keys of the runtime's
 * {@code PluginConfig.toMap()}, {@code ActionConfig.toMap()} and {@code PipelineConfig.toMap()}, in their order.
 */
public final class ConfigYamlGenerator {

  /** The resource path for {@code plugin}. */
  public static String path(PluginModel plugin) {
    return "META-INF/synapse/" + plugin.code() + "/config.yaml";
  }

  /** The YAML text. */
  public String generate(PluginModel plugin) {
    ObjectNode root = Resources.object();
    root.put("name", plugin.name());
    root.put("code", plugin.code());
    root.put("version", plugin.version());
    root.put("category", value(plugin.category()));
    root.put("description", plugin.description());
    root.put("package", plugin.packageName());
    ObjectNode actions = root.putObject("actions");
    for (ActionModel action : plugin.actions()) {
      ObjectNode node = actions.putObject(action.name());
      node.put("name", action.title());
      node.put("description", action.description());
      node.put("entrypoint", action.entrypoint());
      node.put("method", value(action.method()));
      node.put("category", value(action.category() == null ? plugin.category() : action.category()));
      // Absent semantic types are left out, as the platform's config model reads them (None), not "".
      if (!action.inputType().isEmpty()) {
        node.put("input_type", action.inputType());
      }
      if (!action.outputType().isEmpty()) {
        node.put("output_type", action.outputType());
      }
      node.put("params_type", action.paramsBinaryName());
      node.put("result_type", action.resultTypeText());
    }
    // The platform's config model (pydantic, extra keys ignored) reads past this key; our runtime reads it.
    if (!plugin.pipelines().isEmpty()) {
      ObjectNode pipelines = root.putObject("pipelines");
      for (PipelineModel pipeline : plugin.pipelines()) {
        ObjectNode node = pipelines.putObject(pipeline.name());
        node.put("name", pipeline.title());
        node.put("description", pipeline.description());
        pipeline.actions().forEach(node.putArray("actions")::add);
        if (pipeline.params() != null) {
          node.put("params_type", com.palantir.javapoet.ClassName.get(pipeline.params()).reflectionName());
        }
      }
    }
    return Resources.yaml(root);
  }

  /** A {@code RunMethod} or {@code PluginCategory} constant's config value: its lower-case name. */
  static String value(String constant) {
    return constant.toLowerCase(Locale.ROOT);
  }
}
