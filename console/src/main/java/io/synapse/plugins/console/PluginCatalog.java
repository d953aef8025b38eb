package io.synapse.plugins.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.config.PipelineConfig;
import io.synapse.plugins.config.PluginConfig;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.spi.ActionDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugins a console serves, found once at start as {@link PluginRunner} finds them (so that runs
 * use the same cached plugin), by code. Their listing, with each action's configuration and generated
 * params and result schemas, is built once.
 */
final class PluginCatalog {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A served plugin: the argument it was named by and what discovery found. */
  record Entry(String argument, PluginDiscovery discovery) {
    String code() {
      return discovery.config().code();
    }
  }

  private final Map<String, Entry> byCode = new LinkedHashMap<>();
  private final List<Object> listing = new ArrayList<>();

  /**
   * Finds every plugin of {@code arguments}.
   *
   * @throws PluginNotFoundError for an argument that names no plugin
   * @throws ConfigError when two arguments name plugins with the same code
   */
  PluginCatalog(List<String> arguments) {
    for (String argument : arguments) {
      PluginDiscovery discovery = PluginRunner.discover(argument);
      Entry entry = new Entry(argument, discovery);
      Entry previous = byCode.putIfAbsent(entry.code(), entry);
      if (previous != null) {
        throw new ConfigError("plugins '" + previous.argument() + "' and '" + argument + "' have the same code '"
            + entry.code() + "': serve one of them", Map.of("code", entry.code()));
      }
      listing.add(describe(entry));
    }
  }

  /** Every plugin with its actions, as the page lists them. */
  List<Object> listing() {
    return listing;
  }

  /**
   * The plugin {@code code}.
   *
   * @throws PluginNotFoundError naming the served codes
   */
  Entry plugin(String code) {
    Entry entry = code == null ? null : byCode.get(code);
    if (entry == null) {
      throw new PluginNotFoundError("this console serves no plugin '" + code + "'", Map.of("available", List.copyOf(byCode.keySet())));
    }
    return entry;
  }

  /**
   * The descriptor of {@code action} of the plugin {@code code}.
   *
   * @throws ActionNotFoundError listing the plugin's actions
   */
  ActionDescriptor<?, ?> descriptor(String code, String action) {
    return plugin(code).discovery().descriptor(action);
  }

  private static Map<String, Object> describe(Entry entry) {
    PluginDiscovery discovery = entry.discovery();
    PluginConfig config = discovery.config();
    Map<String, Object> plugin = new LinkedHashMap<>();
    plugin.put("code", config.code());
    plugin.put("name", config.name());
    plugin.put("version", config.version());
    plugin.put("category", config.category().value());
    plugin.put("description", config.description());
    plugin.put("source", discovery.source().map(Object::toString).orElse(entry.argument()));
    List<Object> actions = new ArrayList<>();
    for (ActionConfig action : config.actions()) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", action.name());
      map.put("title", action.title());
      map.put("description", action.description());
      map.put("method", action.method().value());
      map.put("category", action.category().value());
      map.put("input_type", action.inputType());
      map.put("output_type", action.outputType());
      map.put("params_schema", parse(discovery.getActionParamsSchema(action.name())));
      map.put("result_schema", parse(discovery.getActionResultSchema(action.name())));
      actions.add(map);
    }
    plugin.put("actions", actions);
    List<Object> pipelines = new ArrayList<>();
    for (PipelineConfig pipeline : config.pipelines()) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", pipeline.name());
      map.put("title", pipeline.title());
      map.put("description", pipeline.description());
      map.put("actions", pipeline.actions());
      map.put("params_schema", parse(discovery.getPipelineParamsSchema(pipeline.name())));
      pipelines.add(map);
    }
    plugin.put("pipelines", pipelines);
    return plugin;
  }

  private static Object parse(String schema) {
    try {
      return MAPPER.readValue(schema, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException("a generated schema does not parse", e);
    }
  }
}
