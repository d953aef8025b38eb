package io.synapse.plugins.processor.generator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapse.plugins.processor.model.GeneratedNames;
import io.synapse.plugins.processor.model.PluginModel;

/** Generates the GraalVM native-image resource configuration keeping the plugin's config, schemas and service file. */
public final class NativeImageConfigGenerator implements Generator<PluginModel> {

  /** {@code META-INF/native-image/io.synapse.plugins/<code>/resource-config.json} of {@code plugin}. */
  @Override
  public Artifact generate(PluginModel plugin) {
    ObjectNode root = Resources.object();
    ArrayNode includes = root.putObject("resources").putArray("includes");
    includes.addObject().put("pattern", "\\QMETA-INF/synapse/" + plugin.code() + "/\\E.*");
    includes.addObject().put("pattern", "\\Q" + GeneratedNames.SERVICE_FILE + "\\E");
    return new Artifact.Resource(GeneratedNames.nativeImageResourceConfig(plugin.code()), Resources.json(root), Origins.of(plugin));
  }
}
