package io.synapse.plugins.cli;

import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.spi.ActionDescriptor;
import java.util.Map;

/** Looks plugins up as {@link PluginRunner} does, and bridges the descriptors' generic types. */
final class Plugins {
  /** What every command says a PLUGIN argument is. */
  static final String PLUGIN_HELP = "A plugin directory, config.yaml, plugin jar, built Maven module directory,"
      + " or a plugin code or Java package on the class path.";

  private Plugins() {}

  /** The plugin {@code plugin} names (cached, as {@link PluginRunner#runPlugin} finds it). */
  static PluginDiscovery discover(String plugin) {
    return PluginRunner.discover(plugin);
  }

  /** The params schema of {@code action}. */
  static ParamsSchema paramsSchema(PluginDiscovery plugin, String action) {
    return ParamsSchema.parse(plugin.getActionParamsSchema(action));
  }

  /** The action's result as a JSON-like value. */
  @SuppressWarnings("unchecked")
  static <R> Object writeResult(ActionDescriptor<?, R> descriptor, Object result) {
    return descriptor.writeResult((R) result);
  }

  /** Binds {@code params} and writes them back as the action will see them (defaults filled in). */
  static <P extends Record> Map<String, Object> bindAndWrite(ActionDescriptor<P, ?> descriptor, Object params) {
    P bound = descriptor.bindParams(params);
    return descriptor.writeParams(bound);
  }
}
