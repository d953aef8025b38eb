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
  // PluginRunner::resolve as a class: a method reference would be the first lambda of a cold start.
  private static final java.util.function.Function<String, PluginDiscovery> RESOLVE = new java.util.function.Function<>() {
    @Override
    public PluginDiscovery apply(String pluginCode) {
      return resolve(pluginCode);
    }
  };

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
    try {
      return leased(pluginCode, new LocalRun(action, params, mode, effective));
    } catch (Unloadable e) {
      // LOCAL runs turn the action's own errors into ExecutionErrors: this one is the plugin's classes.
      if (mode == ExecutionMode.LOCAL) {
        throw unloadable(e.plugin, e.error);
      }
      throw e.error;
    }
  }

  // Runs work on the plugin pluginCode names while holding a lease on it, so that clearCache() or a close()
  // from another thread releases its class loader only after the run.
  private static Object leased(String pluginCode, java.util.function.Function<PluginDiscovery, Object> work) {
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
      return work.apply(plugin);
    } catch (LinkageError e) {
      throw new Unloadable(plugin, e);
    }
  }

  /** Runs one action on the leased plugin: a class, not a lambda, as every first run of a JVM makes one. */
  private static final class LocalRun implements java.util.function.Function<PluginDiscovery, Object> {
    private final String action;
    private final Map<String, ?> params;
    private final ExecutionMode mode;
    private final RunOptions options;

    LocalRun(String action, Map<String, ?> params, ExecutionMode mode, RunOptions options) {
      this.action = action;
      this.params = params;
      this.mode = mode;
      this.options = options;
    }

    @Override
    public Object apply(PluginDiscovery plugin) {
      return run(plugin, action, params, mode, options);
    }
  }

  /** A plugin's classes failed to load or link during a leased run. */
  private static final class Unloadable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient PluginDiscovery plugin;
    private final LinkageError error;

    Unloadable(PluginDiscovery plugin, LinkageError error) {
      super(null, error, false, false);
      this.plugin = plugin;
      this.error = error;
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
   * Runs pipeline {@code pipeline} that plugin {@code pluginCode} declares ({@code @PluginPipeline}) locally,
   * with {@code params} as its initial params, and returns the last action's result.
   *
   * @see #runPipeline(String, String, Map, ExecutionMode, RunOptions)
   */
  public static Object runPipeline(String pluginCode, String pipeline, Map<String, ?> params) {
    return runPipeline(pluginCode, pipeline, params, ExecutionMode.LOCAL, RunOptions.defaults());
  }

  /** Runs pipeline {@code pipeline} in {@code mode} with default options. */
  public static Object runPipeline(String pluginCode, String pipeline, Map<String, ?> params, ExecutionMode mode) {
    return runPipeline(pluginCode, pipeline, params, mode, RunOptions.defaults());
  }

  /**
   * Runs pipeline {@code pipeline} of {@code pluginCode} (a path, a code or a package, as for
   * {@link #runPlugin}) in {@code mode}: LOCAL runs each action in this thread, TASK sends each action to the
   * warm pool of Ray actors, JOB runs the whole pipeline as one Ray job (or, with the run option
   * {@code pipeline.job_per_action} true, each action as a job of its own). The run is recorded in the run
   * store ({@link io.synapse.plugins.pipeline.Pipelines}), so it can be resumed from the last good action.
   *
   * @return the last action's result for LOCAL and TASK (and JOB per action); the run id for JOB, whose
   *     result {@code Pipelines.await} gives
   * @throws io.synapse.plugins.errors.PipelineNotFoundError when the plugin declares no such pipeline
   * @throws ValidationError when the initial params are invalid (nothing runs)
   * @throws io.synapse.plugins.errors.PipelineError naming the action that failed (its error is the cause)
   */
  public static Object runPipeline(String pluginCode, String pipeline, Map<String, ?> params, ExecutionMode mode, RunOptions options) {
    Objects.requireNonNull(pluginCode, "pluginCode");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(mode, "mode");
    RunOptions effective = options == null ? RunOptions.defaults() : options;
    try {
      return leased(pluginCode, plugin -> io.synapse.plugins.pipeline.Pipelines.runDeclared(plugin, pipeline,
          params == null ? Map.of() : params, mode, effective));
    } catch (Unloadable e) {
      throw unloadable(e.plugin, e.error);
    }
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
    return PLUGINS.computeIfAbsent(pluginCode, RESOLVE);
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
    return io.synapse.plugins.executors.ExecutionBackends.of(mode);
  }

}
