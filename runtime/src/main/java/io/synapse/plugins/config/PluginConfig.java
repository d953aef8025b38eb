package io.synapse.plugins.config;

import io.synapse.plugins.PluginCategory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin's configuration: what config.yaml says, as compiled into the registry.
 *
 * @param name the human-readable name
 * @param code the plugin code
 * @param version the version
 * @param category the plugin's category
 * @param description what the plugin does
 * @param packageName the Java package holding the registry and facade
 * @param actions every action, sorted by name
 * @param pipelines every declared pipeline, sorted by name
 */
public record PluginConfig(
    String name,
    String code,
    String version,
    PluginCategory category,
    String description,
    String packageName,
    List<ActionConfig> actions,
    List<PipelineConfig> pipelines) {

  /** Checks that no part is null and sorts the actions and pipelines by name. */
  public PluginConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(packageName, "packageName");
    List<ActionConfig> sorted = new ArrayList<>(actions);
    sorted.sort(new ActionsByName());
    actions = Collections.unmodifiableList(sorted);
    List<PipelineConfig> sortedPipelines = new ArrayList<>(pipelines);
    sortedPipelines.sort(new PipelinesByName());
    pipelines = Collections.unmodifiableList(sortedPipelines);
  }

  /** A plugin that declares no pipeline. */
  public PluginConfig(String name, String code, String version, PluginCategory category, String description, String packageName,
      List<ActionConfig> actions) {
    this(name, code, version, category, description, packageName, actions, List.of());
  }

  /** The pipeline called {@code pipelineName}, if there is one. */
  public Optional<PipelineConfig> pipeline(String pipelineName) {
    for (PipelineConfig pipeline : pipelines) {
      if (pipeline.name().equals(pipelineName)) {
        return Optional.of(pipeline);
      }
    }
    return Optional.empty();
  }

  /** The pipeline names, sorted. */
  public List<String> pipelineNames() {
    List<String> names = new ArrayList<>(pipelines.size());
    for (PipelineConfig pipeline : pipelines) {
      names.add(pipeline.name());
    }
    return Collections.unmodifiableList(names);
  }

  /** The action called {@code actionName}, if there is one. */
  public Optional<ActionConfig> action(String actionName) {
    for (ActionConfig action : actions) {
      if (action.name().equals(actionName)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }

  /** The action names, sorted. */
  public List<String> actionNames() {
    List<String> names = new ArrayList<>(actions.size());
    for (ActionConfig action : actions) {
      names.add(action.name());
    }
    return Collections.unmodifiableList(names);
  }

  /** The configuration as config.yaml holds it (seeds' keys, in order). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", name);
    map.put("code", code);
    map.put("version", version);
    map.put("category", category.value());
    map.put("description", description);
    map.put("package", packageName);
    Map<String, Object> actionMap = new LinkedHashMap<>();
    for (ActionConfig action : actions) {
      actionMap.put(action.name(), action.toMap());
    }
    map.put("actions", actionMap);
    if (!pipelines.isEmpty()) {
      Map<String, Object> pipelineMap = new LinkedHashMap<>();
      for (PipelineConfig pipeline : pipelines) {
        pipelineMap.put(pipeline.name(), pipeline.toMap());
      }
      map.put("pipelines", pipelineMap);
    }
    return map;
  }

  // Classes rather than lambdas: this record is built on every cold start, where the first lambda costs the
  // JVM its lambda machinery.
  private static final class ActionsByName implements java.util.Comparator<ActionConfig> {
    @Override
    public int compare(ActionConfig a, ActionConfig b) {
      return a.name().compareTo(b.name());
    }
  }

  private static final class PipelinesByName implements java.util.Comparator<PipelineConfig> {
    @Override
    public int compare(PipelineConfig a, PipelineConfig b) {
      return a.name().compareTo(b.name());
    }
  }
}
