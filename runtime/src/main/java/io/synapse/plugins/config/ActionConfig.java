package io.synapse.plugins.config;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.RunMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One action's configuration, as compiled into the registry and written to config.yaml.
 *
 * @param name the action name used to run it
 * @param title the human-readable title (config.yaml's {@code name})
 * @param description what the action does
 * @param entrypoint the action class's binary name
 * @param method how the platform runs it (config.yaml's {@code method})
 * @param category its category
 * @param inputType the semantic input type, empty when none (config.yaml then has no {@code input_type})
 * @param outputType the semantic output type, empty when none (config.yaml then has no {@code output_type})
 * @param paramsType the params record's binary name
 * @param resultType the result type as written in source
 */
public record ActionConfig(
    String name,
    String title,
    String description,
    String entrypoint,
    RunMethod method,
    PluginCategory category,
    String inputType,
    String outputType,
    String paramsType,
    String resultType) {

  /** Checks that no part is null. */
  public ActionConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(entrypoint, "entrypoint");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(inputType, "inputType");
    Objects.requireNonNull(outputType, "outputType");
    Objects.requireNonNull(paramsType, "paramsType");
    Objects.requireNonNull(resultType, "resultType");
  }

  /**
   * The configuration of an action given with the execution mode it was meant for, as before
   * {@link RunMethod} existed: {@code JOB} becomes the run method {@code job}, the others {@code task}
   * (the platform's default).
   *
   * @deprecated give the platform's {@link RunMethod}; where an action runs is the caller's {@code ExecutionMode}
   */
  @Deprecated
  public ActionConfig(String name, String title, String description, String entrypoint, ExecutionMode mode,
      PluginCategory category, String inputType, String outputType, String paramsType, String resultType) {
    this(name, title, description, entrypoint, mode == ExecutionMode.JOB ? RunMethod.JOB : RunMethod.TASK, category,
        inputType, outputType, paramsType, resultType);
  }

  /** The configuration as config.yaml writes it under {@code actions.<name>}. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", title);
    map.put("description", description);
    map.put("entrypoint", entrypoint);
    map.put("method", method.value());
    map.put("category", category.value());
    if (!inputType.isEmpty()) {
      map.put("input_type", inputType);
    }
    if (!outputType.isEmpty()) {
      map.put("output_type", outputType);
    }
    map.put("params_type", paramsType);
    map.put("result_type", resultType);
    return map;
  }
}
