package io.synapse.plugins;

import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.executors.ActionDescriptors;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.spi.ExecutionBackend;
import io.synapse.plugins.spi.ExecutionRequest;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The main entry point: runs a plugin's action by name with untyped params, the seeds'
 * {@code run_plugin}.
 *
 * <p>{@code pluginCode} is an existing file-system path (a plugin directory, its config.yaml, a plugin
 * jar, or a built Maven module), loaded in its own class loader; anything else is a plugin code or
 * Java package looked up among the registries on the class path. Resolved plugins are cached by the
 * exact {@code pluginCode} text, so later runs of the same plugin do no I/O and load no classes;
 * {@link #clearCache()} forgets them.
 */
public final class PluginRunner {
  private static final ConcurrentMap<String, PluginDiscovery> PLUGINS = new ConcurrentHashMap<>();
  private static final ConcurrentMap<ExecutionMode, ExecutionBackend> BACKENDS = new ConcurrentHashMap<>();

  private PluginRunner() {}

  /**
   * Runs {@code action} of {@code pluginCode} locally with {@code params}.
   *
   * @return the action's result, as the action returned it
   * @throws PluginNotFoundError when no plugin matches {@code pluginCode}
   * @throws ActionNotFoundError when the plugin has no such action (listing those it has)
   * @throws ValidationError when the params break the action's rules (every violation listed; the
   *     action does not start)
   * @throws ExecutionError when the action fails
   */
  public static Object runPlugin(String pluginCode, String action, Map<String, ?> params) {
    return runPlugin(pluginCode, action, params, ExecutionMode.LOCAL, RunOptions.defaults());
  }

  /** Runs {@code action} in {@code mode} with default options. */
  public static Object runPlugin(String pluginCode, String action, Map<String, ?> params, ExecutionMode mode) {
    return runPlugin(pluginCode, action, params, mode, RunOptions.defaults());
  }

  /**
   * Runs {@code action} in {@code mode}, given as text ({@code local}, {@code task}, {@code job}).
   *
   * @throws PluginError (code {@code unknown_mode}) naming the valid modes
   */
  public static Object runPlugin(String pluginCode, String action, Map<String, ?> params, String mode) {
    return runPlugin(pluginCode, action, params, ExecutionMode.of(mode), RunOptions.defaults());
  }

  /**
   * Runs {@code action} in {@code mode} with {@code options}.
   *
   * @return the result for LOCAL and TASK; the job id for JOB
   * @throws PluginError (code {@code backend_unavailable}) when no backend for TASK or JOB is on the
   *     class path, naming the artifact to add
   */
  public static Object runPlugin(String pluginCode, String action, Map<String, ?> params, ExecutionMode mode, RunOptions options) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(mode, "mode");
    RunOptions effective = options == null ? RunOptions.defaults() : options;
    Map<String, ?> input = params == null ? Map.of() : params;
    PluginDiscovery plugin = null;
    ActionDescriptor<?, ?> descriptor;
    if (effective.actionClass().isPresent()) {
      descriptor = ActionDescriptors.forClass(effective.actionClass().get());
      if (!descriptor.config().name().equals(action)) {
        throw new ActionNotFoundError(descriptor.pluginCode(), action, List.of(descriptor.config().name()));
      }
    } else {
      plugin = discover(Objects.requireNonNull(pluginCode, "pluginCode"));
      descriptor = plugin.descriptor(action);
    }
    if (mode == ExecutionMode.LOCAL) {
      return runLocal(effective.localExecutor(), descriptor, input);
    }
    Record bound = descriptor.bindParams(input);
    ExecutionBackend backend = backend(mode);
    return backend.run(new ExecutionRequest(plugin, descriptor, bound, effective));
  }

  /**
   * A result of {@code action} as the platform sees it: the JSON-like form its generated writer gives,
   * keyed by wire names ({@code {"status": "completed", "output_path": ..., "items_processed": 100}}),
   * what the seeds' {@code run_plugin} returns. {@code pluginCode} is resolved as by {@link #runPlugin}.
   *
   * @throws ClassCastException when {@code result} is not of the action's result type
   */
  public static Object writeResult(String pluginCode, String action, Object result) {
    return write(discover(Objects.requireNonNull(pluginCode, "pluginCode")).descriptor(action), result);
  }

  @SuppressWarnings("unchecked")
  private static <R> Object write(ActionDescriptor<?, R> descriptor, Object result) {
    return descriptor.writeResult((R) result);
  }

  /**
   * The plugin {@code pluginCode} resolves to (a path, a code or a package), cached.
   *
   * @throws PluginNotFoundError when nothing matches
   */
  public static PluginDiscovery discover(String pluginCode) {
    PluginDiscovery known = PLUGINS.get(pluginCode);
    if (known != null) {
      return known;
    }
    return PLUGINS.computeIfAbsent(pluginCode, PluginRunner::resolve);
  }

  /** Forgets every cached plugin and closes those loaded from paths. */
  public static void clearCache() {
    List<PluginDiscovery> cached = new ArrayList<>(PLUGINS.values());
    PLUGINS.clear();
    cached.forEach(PluginDiscovery::close);
  }

  private static PluginDiscovery resolve(String pluginCode) {
    Path path = asExistingPath(pluginCode);
    if (path != null) {
      return PluginDiscovery.fromPath(path);
    }
    try {
      return PluginDiscovery.fromModule(pluginCode);
    } catch (PluginNotFoundError e) {
      if (pluginCode.contains("/") || pluginCode.contains("\\") || pluginCode.endsWith(".jar") || pluginCode.endsWith(".yaml")) {
        throw new PluginNotFoundError("Plugin '" + pluginCode + "' not found: no such path, and " + e.getMessage(), e.details(), e);
      }
      throw e;
    }
  }

  private static Path asExistingPath(String pluginCode) {
    try {
      Path path = Path.of(pluginCode);
      return Files.exists(path) ? path : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static <P extends Record, R> R runLocal(LocalExecutor executor, ActionDescriptor<P, R> descriptor, Map<String, ?> params) {
    return executor.execute(descriptor, params);
  }

  private static ExecutionBackend backend(ExecutionMode mode) {
    ExecutionBackend known = BACKENDS.get(mode);
    if (known != null) {
      return known;
    }
    for (ExecutionBackend candidate : ServiceLoader.load(ExecutionBackend.class, PluginRunner.class.getClassLoader())) {
      if (candidate.mode() == mode) {
        BACKENDS.putIfAbsent(mode, candidate);
        return BACKENDS.get(mode);
      }
    }
    throw new PluginError("backend_unavailable",
        "No " + mode + " backend on the class path: add the dependency io.synapse.plugins:synapse-plugins-ray"
            + " (Ray backends for TASK and JOB)",
        Map.of("mode", mode.name(), "artifact", "io.synapse.plugins:synapse-plugins-ray"));
  }
}
