package io.synapse.plugins.kits.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request to run a plugin action: the platform's {@code PluginRunRequest}.
 *
 * @param action the action to run
 * @param agent the agent to run it on, or null
 * @param version the plugin version, or null
 * @param params the action's params
 */
public record PluginRun(String action, Long agent, String version, Map<String, Object> params) {
  /** Checks the action and copies the params. */
  public PluginRun {
    Objects.requireNonNull(action, "action");
    params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The request body. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    if (agent != null) {
      json.put("agent", agent);
    }
    json.put("action", action);
    if (version != null) {
      json.put("version", version);
    }
    json.put("params", params);
    return json;
  }
}
