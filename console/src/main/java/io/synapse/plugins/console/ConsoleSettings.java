package io.synapse.plugins.console;

import io.synapse.plugins.errors.ConfigError;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a console serves and where: the plugins (paths, codes or packages, as {@code PluginRunner}
 * resolves them), the address to listen on, the environment given to every run and the Ray cluster
 * that TASK and JOB runs go to. An immutable value.
 *
 * @param plugins the plugins, as {@code PluginRunner.runPlugin} names them; at least one
 * @param host the address to listen on; a loopback address needs no token, any other does
 * @param port the port; 0 picks a free one
 * @param env the environment every run gets (secret-looking values are masked as in every run)
 * @param rayAddress the Ray GCS address for TASK runs, null for {@code RAY_ADDRESS}
 * @param dashboardUrl the Ray dashboard for JOB runs (and TASK uploads), null for the default
 * @param numActors the TASK pool's size, null for its default
 * @param pipelineStore the pipeline run store's URL, null for the default store
 */
public record ConsoleSettings(List<String> plugins, String host, int port, Map<String, String> env, String rayAddress,
                              String dashboardUrl, Integer numActors, String pipelineStore) {
  /** The default listening address. */
  public static final String LOOPBACK = "127.0.0.1";

  /** Checks the parts and copies the collections. */
  public ConsoleSettings {
    plugins = List.copyOf(Objects.requireNonNull(plugins, "plugins"));
    if (plugins.isEmpty()) {
      throw new IllegalArgumentException("the console needs at least one plugin");
    }
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
    }
    env = Map.copyOf(Objects.requireNonNull(env, "env"));
  }

  /** Settings for {@code plugins} on 127.0.0.1, a free port, no environment, Ray from its defaults. */
  public static ConsoleSettings loopback(List<String> plugins) {
    return new ConsoleSettings(plugins, LOOPBACK, 0, Map.of(), null, null, null, null);
  }

  /** These settings listening on {@code newHost}. */
  public ConsoleSettings withHost(String newHost) {
    return new ConsoleSettings(plugins, newHost, port, env, rayAddress, dashboardUrl, numActors, pipelineStore);
  }

  /** These settings with {@code newEnv} for every run. */
  public ConsoleSettings withEnv(Map<String, String> newEnv) {
    return new ConsoleSettings(plugins, host, port, newEnv, rayAddress, dashboardUrl, numActors, pipelineStore);
  }

  /** These settings with the Ray cluster's GCS address and dashboard (either may be null). */
  public ConsoleSettings withRay(String address, String dashboard, Integer actors) {
    return new ConsoleSettings(plugins, host, port, env, address, dashboard, actors, pipelineStore);
  }

  /** These settings with the pipeline run store at {@code url} (null for the default store). */
  public ConsoleSettings withPipelineStore(String url) {
    return new ConsoleSettings(plugins, host, port, env, rayAddress, dashboardUrl, numActors, url);
  }

  /**
   * Run options with what every run of this console gets: its environment, and the Ray cluster's address,
   * dashboard and pool size when given.
   */
  io.synapse.plugins.RunOptions.Builder runOptions() {
    io.synapse.plugins.RunOptions.Builder options = io.synapse.plugins.RunOptions.builder().env(env);
    if (rayAddress != null) {
      options.option(io.synapse.plugins.executors.ray.RayOptions.ADDRESS, rayAddress);
    }
    if (dashboardUrl != null) {
      options.option(io.synapse.plugins.executors.ray.RayOptions.DASHBOARD_URL, dashboardUrl);
    }
    if (numActors != null) {
      options.option(io.synapse.plugins.executors.ray.RayOptions.NUM_ACTORS, numActors);
    }
    return options;
  }

  /**
   * Whether {@link #host} is a loopback address (then no token is asked for).
   *
   * @throws ConfigError when the host does not resolve
   */
  public boolean isLoopback() {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new ConfigError("console host '" + host + "' does not resolve", Map.of("host", host));
    }
  }
}
