package io.synapse.plugins.spi;

import io.synapse.plugins.config.PluginConfig;

/**
 * A plugin's compiled registry, generated as {@code <Facade>Registry} and listed in
 * {@code META-INF/services/io.synapse.plugins.spi.PluginRegistry}. Its configuration is plain data,
 * so listing actions loads no action class; {@link #descriptor(String)} is the only way in.
 */
public interface PluginRegistry {
  /**
   * The version of this package (the binder SPI) that this runtime speaks: 2 since binders take a
   * {@link ValuePath} (they took a path string before). Discovery refuses a registry of another version,
   * so that a plugin compiled by another processor fails with a {@code ConfigError} that says to rebuild
   * it rather than with an {@code AbstractMethodError} in the middle of binding.
   */
  int SPI_VERSION = 2;

  /**
   * The SPI version the plugin was generated for: registries generated since version 2 return the version
   * they were compiled against; earlier ones do not override this method and so say 1.
   */
  default int spiVersion() {
    return 1;
  }

  /** The plugin's configuration, with every action's configuration. */
  PluginConfig config();

  /** The descriptor of action {@code name}, or {@code null} when there is none. */
  ActionDescriptor<?, ?> descriptor(String name);
}
