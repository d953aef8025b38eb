package io.synapse.plugins.kits.client;

import java.util.Map;

/**
 * A released plugin version.
 *
 * @param id the release id
 * @param code the plugin code
 * @param version the release version
 * @param config the release's config.yaml as JSON
 */
public record PluginRelease(long id, String code, String version, Map<String, Object> config) {
  /** Copies the config. */
  public PluginRelease {
    config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
  }
}
