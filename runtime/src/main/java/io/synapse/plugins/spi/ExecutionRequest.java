package io.synapse.plugins.spi;

import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import java.util.Objects;

/**
 * One run handed to an {@link ExecutionBackend}.
 *
 * @param plugin the plugin, or null when the caller named the action class directly
 * @param action the action's descriptor
 * @param params the bound, validated params
 * @param options the caller's options
 */
public record ExecutionRequest(PluginDiscovery plugin, ActionDescriptor<?, ?> action, Record params, RunOptions options) {

  /** Checks the required parts. */
  public ExecutionRequest {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(options, "options");
  }
}
