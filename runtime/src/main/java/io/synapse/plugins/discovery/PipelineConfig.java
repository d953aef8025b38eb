package io.synapse.plugins.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One declared pipeline's configuration ({@code @PluginPipeline}), as compiled into the registry and
 * written to config.yaml under {@code pipelines.<name>}.
 *
 * @param name the pipeline name used to run it
 * @param title the human-readable title (config.yaml's {@code name})
 * @param description what the pipeline does
 * @param actions the action names, in the order they run
 * @param paramsType the binary name of its initial params record, empty when it takes a map
 */
public record PipelineConfig(String name, String title, String description, List<String> actions, String paramsType) {

  /** Checks that no part is null and that there is an action; copies the list. */
  public PipelineConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(paramsType, "paramsType");
    actions = List.copyOf(actions);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("pipeline '" + name + "' has no action");
    }
  }

  /** The configuration as config.yaml writes it under {@code pipelines.<name>}. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", title);
    map.put("description", description);
    map.put("actions", actions);
    if (!paramsType.isEmpty()) {
      map.put("params_type", paramsType);
    }
    return map;
  }
}
