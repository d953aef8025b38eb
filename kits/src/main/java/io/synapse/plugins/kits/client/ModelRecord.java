package io.synapse.plugins.kits.client;

import java.util.Map;

/**
 * A model registered on the platform.
 *
 * @param id the model id
 * @param name its name
 * @param fileUrl where its archive is ({@code file})
 * @param category {@code base} or {@code fine-tuned}, or null
 * @param checkpoint the parent model id of a fine-tuned model, or null
 * @param plugin the code of the plugin that made it, or null
 * @param version that plugin's version, or null
 * @param configuration free-form configuration (hyperparameters)
 */
public record ModelRecord(long id, String name, String fileUrl, String category, Long checkpoint, String plugin,
    String version, Map<String, Object> configuration) {
  /** Copies the configuration. */
  public ModelRecord {
    configuration = configuration == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
  }
}
