package io.synapse.plugins.discovery;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.config.PluginConfig;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.spi.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One plugin, found on the class path by code or package ({@link #fromModule(String)}) or loaded from
 * the file system in its own class loader ({@link #fromPath(Path)}). Everything it answers comes from
 * the generated registry: listing actions and reading their configuration loads no action class.
 *
 * <p>A discovery loaded from a path owns its class loader; {@link #close()} releases it (and the jar
 * files it holds open) once no {@linkplain #tryLease() lease} is held on it: {@code PluginRunner} holds
 * one for each run, so closing a plugin (or {@code PluginRunner.clearCache()}) never pulls classes from
 * under a run in flight. Instances are thread-safe.
 */
public final class PluginDiscovery implements AutoCloseable {
  private final PluginRegistry registry;
  private final PluginConfig config;
  private final Path source;
  private final List<Path> classPath;
  private final URLClassLoader ownedLoader;
  private final ConcurrentMap<String, ActionDescriptor<?, ?>> descriptors = new ConcurrentHashMap<>();
  private final Map<String, ActionConfig> actionsByName;
  private final List<String> actionNames;
  // Path-loaded plugins count the leases on their class loader. Bit 0: close() was called; the other
  // bits: twice the number of leases held. The loader closes when both say so.
  private final AtomicInteger leaseState = new AtomicInteger();
  private final AtomicBoolean loaderClosed = new AtomicBoolean();

  private static final Optional<Lease> UNCOUNTED = Optional.of(new Lease(null));

  private PluginDiscovery(PluginRegistry registry, Path source, List<Path> classPath, URLClassLoader ownedLoader) {
    this.registry = registry;
    this.config = registry.config();
    Map<String, ActionConfig> byName = new java.util.HashMap<>();
    for (ActionConfig action : config.actions()) {
      byName.put(action.name(), action);
    }
    this.actionsByName = Map.copyOf(byName);
    this.actionNames = config.actionNames();
    this.source = source;
    this.classPath = List.copyOf(classPath);
    this.ownedLoader = ownedLoader;
  }

  /**
   * Loads the plugin at {@code path} in a new class loader whose parent is the runtime's: a plugin
   * directory (config.yaml with its jars beside it or under {@code lib/}), a config.yaml file, a
   * plugin jar, a Maven module directory whose {@code target/classes} holds the generated files, or
   * the config.yaml a build generated ({@code target/classes/META-INF/synapse/<code>/config.yaml}) or
   * its folder, whose plugin is the classes root above it (with {@code target/lib} and
   * {@code target/dependency} jars when there are).
   *
   * @throws PluginNotFoundError when nothing at the path is a plugin
   * @throws ConfigError when the config.yaml is malformed, there are no jars, or the config.yaml
   *     disagrees with the compiled registry (a stale build)
   */
  public static PluginDiscovery fromPath(Path path) {
    return fromPath(path, PluginDiscovery.class.getClassLoader());
  }

  /** Like {@link #fromPath(Path)}, with the plugin class loader's {@code parent} chosen by the caller. */
  public static PluginDiscovery fromPath(Path path, ClassLoader parent) {
    PluginLoader.Loaded loaded = PluginLoader.load(path, parent);
    return new PluginDiscovery(loaded.registry(), loaded.source(), loaded.classPath(), loaded.loader());
  }

  /**
   * Finds the plugin whose code, or whose Java package, is {@code codeOrPackage} among the registries
   * on the class path (the thread's context class loader, else the runtime's).
   *
   * @throws PluginNotFoundError listing the plugin codes that are there
   */
  public static PluginDiscovery fromModule(String codeOrPackage) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return fromModule(codeOrPackage, context != null ? context : PluginDiscovery.class.getClassLoader());
  }

  /** Like {@link #fromModule(String)}, searching the registries {@code loader} sees. */
  public static PluginDiscovery fromModule(String codeOrPackage, ClassLoader loader) {
    PluginRegistry registry = PluginLoader.findOnClassPath(codeOrPackage, loader);
    return new PluginDiscovery(registry, null, PluginLoader.classPathOf(registry), null);
  }

  /**
   * {@code registry}, when it was generated for this runtime's binder SPI ({@code PluginRegistry.SPI_VERSION}).
   *
   * @throws io.synapse.plugins.errors.ConfigError naming the plugin, where it was loaded from, both versions
   *     and the fix (rebuild it), when not
   */
  public static PluginRegistry requireCompatible(PluginRegistry registry) {
    return PluginLoader.compatible(registry, null);
  }

  /** A discovery over a registry the caller already has (for example a facade's {@code registry()}). */
  public static PluginDiscovery of(PluginRegistry registry) {
    PluginLoader.compatible(registry, null);
    return new PluginDiscovery(registry, null, PluginLoader.classPathOf(registry), null);
  }

  /** The plugin's configuration. */
  public PluginConfig config() {
    return config;
  }

  /** The action names, sorted. */
  public List<String> listActions() {
    return actionNames;
  }

  /** Whether the plugin has action {@code name}. */
  public boolean hasAction(String name) {
    return name != null && actionsByName.containsKey(name);
  }

  /**
   * The configuration of action {@code name}.
   *
   * @throws ActionNotFoundError listing the available actions, with a did-you-mean suggestion
   */
  public ActionConfig getActionConfig(String name) {
    ActionConfig action = name == null ? null : actionsByName.get(name);
    if (action == null) {
      throw new ActionNotFoundError(config.code(), name, listActions());
    }
    return action;
  }

  /**
   * The generated descriptor of action {@code name}: what executors run.
   *
   * @throws ActionNotFoundError when there is no such action
   */
  public ActionDescriptor<?, ?> descriptor(String name) {
    ActionDescriptor<?, ?> known = descriptors.get(name);
    if (known != null) {
      return known;
    }
    getActionConfig(name);
    ActionDescriptor<?, ?> descriptor = registry.descriptor(name);
    if (descriptor == null) {
      throw new ConfigError("Registry of plugin '" + config.code() + "' lists action '" + name + "' but has no descriptor for it",
          Map.of("plugin", config.code(), "action", name));
    }
    descriptors.putIfAbsent(name, descriptor);
    return descriptor;
  }

  /**
   * The descriptor of the action {@code nameOrClass} names, the seeds' string entrypoint: an action name
   * ({@code "train"}) or the binary name of its class ({@code "com.acme.TrainAction"}, its config's
   * {@code entrypoint}, also {@code Class#method} for a function action). Loads no class to find it.
   *
   * @throws ActionNotFoundError when no action has that name or class, listing the action names
   */
  public ActionDescriptor<?, ?> descriptorFor(String nameOrClass) {
    if (hasAction(nameOrClass)) {
      return descriptor(nameOrClass);
    }
    for (ActionConfig action : actionsByName.values()) {
      if (action.entrypoint().equals(nameOrClass)) {
        return descriptor(action.name());
      }
    }
    throw new ActionNotFoundError(config.code(), nameOrClass, listActions());
  }

  /** The class of action {@code name} (loads it, without running its static initialiser twice). */
  public Class<? extends BaseAction<?, ?>> getActionClass(String name) {
    return actionClassOf(descriptor(name));
  }

  /** The params record class of action {@code name}. */
  public Class<? extends Record> getActionParamsType(String name) {
    return descriptor(name).paramsType();
  }

  /**
   * The JSON Schema (draft 2020-12) of action {@code name}'s params, as generated at compile time.
   *
   * @throws ConfigError when the schema resource is missing from the plugin
   */
  public String getActionParamsSchema(String name) {
    return schema(name, "params");
  }

  /** The JSON Schema of action {@code name}'s result. */
  public String getActionResultSchema(String name) {
    return schema(name, "result");
  }

  /** Where the plugin was loaded from, when it came from a path. */
  public Optional<Path> source() {
    return Optional.ofNullable(source);
  }

  /** The jars and directories that hold the plugin's classes, when known (used to ship it elsewhere). */
  public List<Path> classPath() {
    return classPath;
  }

  /** The class loader of the plugin's classes. */
  public ClassLoader classLoader() {
    return PluginLoader.loaderOf(registry);
  }

  /** The generated registry behind this discovery. */
  public PluginRegistry registry() {
    return registry;
  }

  /**
   * Keeps this plugin's class loader open until the returned lease is closed, even when
   * {@link #close()} is called meanwhile. Take one around any use of the plugin's classes that may
   * overlap a close from another thread (a run, binding, reading a schema).
   *
   * @return the lease, or empty when this discovery is closed already (resolve the plugin again)
   */
  public Optional<Lease> tryLease() {
    if (ownedLoader == null) {
      return UNCOUNTED;
    }
    if ((leaseState.getAndAdd(2) & 1) != 0) {
      release();
      return Optional.empty();
    }
    return Optional.of(new Lease(this));
  }

  /** Whether {@link #close()} was called (the class loader may still be open while leases are held). */
  public boolean isClosed() {
    return ownedLoader != null && (leaseState.get() & 1) != 0;
  }

  /**
   * Releases the plugin's own class loader, if it was loaded from a path (otherwise does nothing): at
   * once when no lease is held, else when the last lease is closed. Calling it again does nothing.
   *
   * @throws ConfigError when the class loader cannot be closed at once
   */
  @Override
  public void close() {
    if (ownedLoader != null && leaseState.getAndUpdate(state -> state | 1) == 0) {
      closeLoader(true);
    }
  }

  // The last lease after close(): closes the loader, logging (not throwing) a failure, since the
  // run that ends here has its own outcome to report.
  private void release() {
    if (leaseState.addAndGet(-2) == 1) {
      closeLoader(false);
    }
  }

  private void closeLoader(boolean reportFailure) {
    if (!loaderClosed.compareAndSet(false, true)) {
      return;
    }
    try {
      ownedLoader.close();
    } catch (IOException e) {
      if (reportFailure) {
        throw new ConfigError("Could not close the class loader of plugin '" + config.code() + "': " + e,
            Map.of("plugin", config.code()), e);
      }
      System.getLogger(PluginDiscovery.class.getName()).log(System.Logger.Level.WARNING,
          "Could not close the class loader of plugin '" + config.code() + "': " + e);
    }
  }

  /**
   * A hold on a plugin's class loader, from {@link #tryLease()}: the loader stays open until every
   * lease is closed. Close it once, from the thread that took it; closing it again does nothing.
   */
  public static final class Lease implements AutoCloseable {
    private final PluginDiscovery plugin;
    private boolean released;

    private Lease(PluginDiscovery plugin) {
      this.plugin = plugin;
    }

    /** Ends the hold; the last one to end after {@link PluginDiscovery#close()} closes the class loader. */
    @Override
    public void close() {
      if (plugin != null && !released) {
        released = true;
        plugin.release();
      }
    }
  }

  @Override
  public String toString() {
    return "PluginDiscovery[" + config.code() + (source == null ? "" : " from " + source) + "]";
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends BaseAction<?, ?>> actionClassOf(ActionDescriptor<?, ?> descriptor) {
    return (Class<? extends BaseAction<?, ?>>) (Class<?>) descriptor.actionClass();
  }

  /** The pipeline names the plugin declares, sorted. */
  public List<String> listPipelines() {
    return config.pipelineNames();
  }

  /**
   * The JSON Schema of pipeline {@code name}'s initial params, as generated at compile time.
   *
   * @throws io.synapse.plugins.errors.PipelineNotFoundError when the plugin declares no such pipeline
   * @throws ConfigError when the schema resource is missing from the plugin
   */
  public String getPipelineParamsSchema(String name) {
    if (config.pipeline(name).isEmpty()) {
      throw new io.synapse.plugins.errors.PipelineNotFoundError(config.code(), name, config.pipelineNames());
    }
    return resource("META-INF/synapse/" + config.code() + "/pipelines/" + name + ".params.schema.json");
  }

  private String schema(String name, String kind) {
    getActionConfig(name);
    return resource("META-INF/synapse/" + config.code() + "/schemas/" + name + "." + kind + ".schema.json");
  }

  private String resource(String resource) {
    try (InputStream in = classLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ConfigError("Plugin '" + config.code() + "' has no " + resource + " (was it compiled with the Synapse processor?)",
            Map.of("plugin", config.code(), "resource", resource));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigError("Could not read " + resource + ": " + e, Map.of("plugin", config.code(), "resource", resource), e);
    }
  }
}
