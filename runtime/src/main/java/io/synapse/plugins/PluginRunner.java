package io.synapse.plugins;

import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.executors.ActionDescriptors;
import io.synapse.plugins.executors.ExecutionBackend;
import io.synapse.plugins.executors.ExecutionRequest;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.spi.ActionDescriptor;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * {@link #clearCache()} forgets them (without disturbing runs in flight).
 *
 * <p>Params are bound and validated here, once, by the action's generated binder, whatever the mode:
 * invalid params never reach a backend, and every backend gets the same typed record.
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
    if (effective.actionClass().isPresent()) {
      return run(null, action, params, mode, effective);
    }
    Objects.requireNonNull(pluginCode, "pluginCode");
    // The run holds a lease on the plugin, so that clearCache() or a close() from another thread
    // releases its class loader only after the run.
    PluginDiscovery plugin = discover(pluginCode);
    Optional<PluginDiscovery.Lease> lease = plugin.tryLease();
    if (lease.isEmpty()) {
      // Closed since it was cached: load it again, and take the lease before anyone else can see it.
      PLUGINS.remove(pluginCode, plugin);
      plugin = resolve(pluginCode);
      lease = plugin.tryLease();
      if (PLUGINS.putIfAbsent(pluginCode, plugin) != null) {
        plugin.close(); // another thread cached one meanwhile: this one is the run's own, closed when it ends
      }
    }
    try (PluginDiscovery.Lease held = lease.orElseThrow()) {
      return run(plugin, action, params, mode, effective);
    } catch (LinkageError e) {
      // LOCAL runs turn the action's own errors into ExecutionErrors: this one is the plugin's classes.
      if (mode == ExecutionMode.LOCAL) {
        throw unloadable(plugin, e);
      }
      throw e;
    }
  }

  private static Object run(PluginDiscovery plugin, String action, Map<String, ?> params, ExecutionMode mode, RunOptions effective) {
    Map<String, ?> input = params == null ? Map.of() : params;
    ActionDescriptor<?, ?> descriptor;
    if (plugin == null) {
      descriptor = ActionDescriptors.forClass(effective.actionClass().get());
      if (!descriptor.config().name().equals(action)) {
        throw new ActionNotFoundError(descriptor.pluginCode(), action, List.of(descriptor.config().name()));
      }
    } else {
      descriptor = plugin.descriptor(action);
    }
    return run(ExecutionRequest.bind(plugin, descriptor, input, effective), mode);
  }

  private static <P extends Record, R> Object run(ExecutionRequest<P, R> request, ExecutionMode mode) {
    if (mode == ExecutionMode.LOCAL) {
      return localExecutor(request.options()).run(request);
    }
    return backend(mode).run(request);
  }

  /**
   * The LOCAL executor {@code options} describe (environment, job id, working directory, sink), shared by
   * every run given them and kept on the options.
   *
   * @throws ConfigError when the working directory is not an existing directory
   */
  private static LocalExecutor localExecutor(RunOptions options) {
    Object known = options.localExecutor;
    if (known != null) {
      return (LocalExecutor) known;
    }
    // A race builds two equal executors; either one serves.
    LocalExecutor executor = LocalExecutor.builder().context(options.context()).build();
    options.localExecutor = executor;
    return executor;
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

  /**
   * Forgets every cached plugin and closes those loaded from paths. Runs in flight are not disturbed:
   * a plugin's class loader closes when its last run ends, and later runs load the plugin again.
   */
  public static void clearCache() {
    for (String key : new ArrayList<>(PLUGINS.keySet())) {
      PluginDiscovery removed = PLUGINS.remove(key);
      if (removed != null) {
        removed.close();
      }
    }
  }

  // A class of the plugin could not be loaded or linked outside the action (its descriptor, binder or
  // params record): its jars changed or vanished while it was loaded, or it was built against another runtime.
  private static ConfigError unloadable(PluginDiscovery plugin, LinkageError e) {
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("plugin", plugin.config().code());
    plugin.source().ifPresent(source -> details.put("path", source.toString()));
    details.put("exception", e.getClass().getName());
    return new ConfigError("Plugin '" + plugin.config().code() + "' could not load its classes"
        + plugin.source().map(source -> " from " + source).orElse("") + ": " + e
        + " (were its jars changed or removed while it was loaded, or built against another runtime?)", details, e);
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
