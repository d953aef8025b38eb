package io.synapse.plugins.processor.generator;

import io.synapse.plugins.processor.model.GeneratedNames;
import io.synapse.plugins.processor.model.PluginModel;

/** Generates the {@code ServiceLoader} registration of the plugin's registry: one line, its binary name. */
public final class ServiceFileGenerator implements Generator<PluginModel> {

  /** {@code META-INF/services/io.synapse.plugins.spi.PluginRegistry} of {@code plugin}. */
  @Override
  public Artifact generate(PluginModel plugin) {
    return new Artifact.Resource(GeneratedNames.SERVICE_FILE, plugin.registry().reflectionName() + "\n", Origins.of(plugin));
  }
}
