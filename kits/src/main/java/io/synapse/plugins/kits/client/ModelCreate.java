package io.synapse.plugins.kits.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link BackendClient#createModel} registers: the platform's {@code ModelCreateRequest}.
 *
 * @param name the model name (unique per tenant on the platform)
 * @param plugin the plugin code (not its id), or null
 * @param version the plugin version, or null
 * @param checkpoint the parent model of a fine-tuned model, or null
 * @param description a description, or null
 * @param configuration free-form configuration (hyperparameters)
 */
public record ModelCreate(String name, String plugin, String version, Long checkpoint, String description,
    Map<String, Object> configuration) {
  /** Checks the name and copies the configuration. */
  public ModelCreate {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a model needs a name");
    }
    configuration = configuration == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
  }

  /** The request body, without the chunked upload id (only the fields that are set). */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    if (plugin != null) {
      json.put("plugin", plugin);
    }
    if (version != null) {
      json.put("version", version);
    }
    if (checkpoint != null) {
      json.put("checkpoint", checkpoint);
    }
    if (description != null) {
      json.put("description", description);
    }
    json.put("configuration", configuration);
    return json;
  }
}
