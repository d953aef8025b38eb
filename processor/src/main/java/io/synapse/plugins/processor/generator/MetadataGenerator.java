package io.synapse.plugins.processor.generator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapse.plugins.processor.model.PluginModel;

/** Generates the {@code ServiceLoader} registration and the GraalVM native-image resource configuration. */
public final class MetadataGenerator {
  /** Where the registry is registered. */
  public static final String SERVICE_FILE = "META-INF/services/io.synapse.plugins.spi.PluginRegistry";

  /** The service file's text: the registry's binary name. */
  public String serviceFile(PluginModel plugin) {
    return plugin.registry().reflectionName() + "\n";
  }

  /** Where the native-image resource configuration goes. */
  public static String resourceConfigPath(PluginModel plugin) {
    return "META-INF/native-image/io.synapse.plugins/" + plugin.code() + "/resource-config.json";
  }

  /** A native-image {@code resource-config.json} keeping the plugin's config and schemas. */
  public String resourceConfig(PluginModel plugin) {
    ObjectNode root = Resources.object();
    ArrayNode includes = root.putObject("resources").putArray("includes");
    includes.addObject().put("pattern", "\\QMETA-INF/synapse/" + plugin.code() + "/\\E.*");
    includes.addObject().put("pattern", "\\Q" + SERVICE_FILE + "\\E");
    return Resources.json(root);
  }
}
