package io.synapse.plugins.executors;

import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.spi.ActionDescriptor;
import java.util.Objects;
import java.util.Optional;

/**
 * One run, handed from {@link io.synapse.plugins.PluginRunner} to an executor: the action's descriptor,
 * its params as the typed record, and the caller's options. The params of a request are always bound
 * and validated: the only ways to make one bind untyped params ({@link #bind}) or check a record built
 * in Java by the same rules ({@link #of}), so no executor validates again or casts.
 *
 * @param <P> the params record
 * @param <R> the result type
 */
public final class ExecutionRequest<P extends Record, R> {
  private final PluginDiscovery plugin;
  private final ActionDescriptor<P, R> action;
  private final P params;
  private final RunOptions options;

  private ExecutionRequest(PluginDiscovery plugin, ActionDescriptor<P, R> action, P params, RunOptions options) {
    this.plugin = plugin;
    this.action = action;
    this.params = params;
    this.options = options;
  }

  /**
   * Binds and validates untyped {@code params} (a JSON-like map; null for none) for {@code action}.
   *
   * @param plugin the plugin the action was found in, or null when the caller named the action class
   * @throws ValidationError listing every violated field
   */
  public static <P extends Record, R> ExecutionRequest<P, R> bind(PluginDiscovery plugin, ActionDescriptor<P, R> action, Object params,
      RunOptions options) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(options, "options");
    return new ExecutionRequest<>(plugin, action, action.bindParams(params), options);
  }

  /**
   * Checks {@code params}, a record built in Java, by the same rules ({@link ActionDescriptor#validateParams}).
   *
   * @throws ValidationError listing every violated field
   */
  public static <P extends Record, R> ExecutionRequest<P, R> of(PluginDiscovery plugin, ActionDescriptor<P, R> action, P params,
      RunOptions options) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(options, "options");
    return new ExecutionRequest<>(plugin, action, action.validateParams(params), options);
  }

  /** The plugin the action was found in; empty when the caller named the action class directly. */
  public Optional<PluginDiscovery> plugin() {
    return Optional.ofNullable(plugin);
  }

  /** The action's descriptor. */
  public ActionDescriptor<P, R> action() {
    return action;
  }

  /** The bound, validated params. */
  public P params() {
    return params;
  }

  /** The caller's options. */
  public RunOptions options() {
    return options;
  }
}
