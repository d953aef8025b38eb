package io.synapse.plugins.spi;

import io.synapse.plugins.config.PluginConfig;

/**
 * A plugin's compiled registry, generated as {@code <Facade>Registry} and listed in
 * {@code META-INF/services/io.synapse.plugins.spi.PluginRegistry}. Its configuration is plain data,
 * so listing actions loads no action class; {@link #descriptor(String)} is the only way in.
 */
public interface PluginRegistry {

  /** The plugin's configuration, with every action's configuration. */
  PluginConfig config();

  /** The descriptor of action {@code name}, or {@code null} when there is none. */
  ActionDescriptor<?, ?> descriptor(String name);
}
