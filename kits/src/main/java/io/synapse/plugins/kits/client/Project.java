package io.synapse.plugins.kits.client;

import java.util.Map;

/**
 * An annotation project.
 *
 * @param id the project id
 * @param title its title
 * @param dataCollection its data collection id, or null
 * @param configuration its annotation configuration (classes, tools)
 */
public record Project(long id, String title, Long dataCollection, Map<String, Object> configuration) {
  /** Copies the configuration. */
  public Project {
    configuration = configuration == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
  }
}
