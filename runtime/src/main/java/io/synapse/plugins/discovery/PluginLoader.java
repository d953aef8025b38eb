package io.synapse.plugins.discovery;

import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.config.PluginConfig;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.names.Suggestions;
import io.synapse.plugins.spi.PluginRegistry;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** Finds generated registries on the class path and loads plugins from the file system. */
final class PluginLoader {
  private PluginLoader() {}

  /**
   * A plugin loaded from a path.
   *
   * @param registry its registry
   * @param source the path it was loaded from
   * @param classPath the jars and directories of its class loader
   * @param loader its own class loader (closed by the discovery's owner)
   */
  public record Loaded(PluginRegistry registry, Path source, List<Path> classPath, URLClassLoader loader) {}

  /** Loads the plugin at {@code path}; see {@code PluginDiscovery.fromPath}. */
  public static Loaded load(Path path, ClassLoader parent) {
    Path absolute = path.toAbsolutePath().normalize();
    if (!Files.exists(absolute)) {
      throw new PluginNotFoundError("No plugin at " + path + ": the path does not exist", Map.of("path", path.toString()));
    }
    if (Files.isRegularFile(absolute)) {
      String name = absolute.getFileName().toString();
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        Path classesRoot = generatedConfigRoot(absolute.getParent());
        return classesRoot != null
            ? loadGeneratedConfig(absolute, classesRoot, absolute, parent)
            : loadDirectory(absolute.getParent(), absolute, parent);
      }
      if (name.endsWith(".jar")) {
        return loadClassPath(absolute, List.of(absolute), null, parent);
      }
      throw new PluginNotFoundError("No plugin at " + path + ": a file must be a config.yaml or a plugin jar",
          Map.of("path", path.toString()));
    }
    if (!Files.isDirectory(absolute)) {
      throw new PluginNotFoundError("No plugin at " + path + ": not a regular file or directory", Map.of("path", path.toString()));
    }
    Path config = absolute.resolve("config.yaml");
    if (Files.isRegularFile(config)) {
      Path classesRoot = generatedConfigRoot(absolute);
      return classesRoot != null
          ? loadGeneratedConfig(absolute, classesRoot, config, parent)
          : loadDirectory(absolute, config, parent);
    }
    Path classes = absolute.resolve("target").resolve("classes");
    if (Files.isDirectory(classes)) {
      return loadClassPath(absolute, classesRootEntries(classes), null, parent);
    }
    // A classes directory itself (a build's target/classes): its registry list says it holds a plugin,
    // and annotated classes without one say the processor did not run.
    if (ProcessorCheck.hasRegistry(absolute)) {
      return loadClassPath(absolute, classesRootEntries(absolute), null, parent);
    }
    if (!ProcessorCheck.annotatedClasses(absolute).isEmpty()) {
      throw noRegistry(absolute, List.of(absolute));
    }
    throw new PluginNotFoundError("No plugin at " + path
        + ": the directory has no config.yaml and no target/classes (build the module first)", Map.of("path", path.toString()));
  }

  // The folder of a config.yaml the processor generated sits at <classes root>/META-INF/synapse/<code>:
  // the classes root, or null when the folder is not laid out so.
  private static Path generatedConfigRoot(Path folder) {
    Path synapse = folder == null ? null : folder.getParent();
    Path metaInf = synapse == null ? null : synapse.getParent();
    if (metaInf == null || metaInf.getParent() == null
        || !"synapse".equals(String.valueOf(synapse.getFileName())) || !"META-INF".equals(String.valueOf(metaInf.getFileName()))) {
      return null;
    }
    return metaInf.getParent();
  }

  // A build's generated config.yaml (target/classes/META-INF/synapse/<code>/config.yaml) or its folder:
  // the plugin is the classes root above it, with the module's target/lib and target/dependency jars.
  private static Loaded loadGeneratedConfig(Path source, Path classesRoot, Path configFile, ClassLoader parent) {
    ConfigFiles.DeclaredConfig declared = ConfigFiles.read(configFile);
    String folderCode = String.valueOf(configFile.getParent().getFileName());
    if (!declared.code().equals(folderCode)) {
      throw new ConfigError("config.yaml at " + configFile + " declares plugin '" + declared.code() + "' but sits in META-INF/synapse/"
          + folderCode + " (a moved or stale file?)", Map.of("file", configFile.toString(), "code", declared.code()));
    }
    return loadClassPath(source, classesRootEntries(classesRoot), declared, parent);
  }

  // A classes directory and, when it is a Maven module's target/classes, the jars the build copied
  // beside it (target/lib, target/dependency).
  private static List<Path> classesRootEntries(Path classes) {
    List<Path> entries = new ArrayList<>();
    entries.add(classes);
    Path target = classes.getParent();
    if (target != null && "classes".equals(String.valueOf(classes.getFileName()))) {
      entries.addAll(jarsIn(target.resolve("lib")));
      entries.addAll(jarsIn(target.resolve("dependency")));
    }
    return entries;
  }

  private static Loaded loadDirectory(Path directory, Path configFile, ClassLoader parent) {
    ConfigFiles.DeclaredConfig declared = ConfigFiles.read(configFile);
    List<Path> entries = new ArrayList<>();
    Path classes = directory.resolve("classes");
    if (Files.isDirectory(classes)) {
      entries.add(classes);
    }
    entries.addAll(jarsIn(directory));
    entries.addAll(jarsIn(directory.resolve("lib")));
    if (entries.isEmpty()) {
      throw new ConfigError("Plugin directory " + directory + " has no jars (looked in it and in lib/)",
          Map.of("file", configFile.toString()));
    }
    return loadClassPath(directory, entries, declared, parent);
  }

  private static Loaded loadClassPath(Path source, List<Path> entries, ConfigFiles.DeclaredConfig declared, ClassLoader parent) {
    URLClassLoader loader = new URLClassLoader("synapse-plugin:" + source.getFileName(), urls(entries), parent);
    try {
      PluginRegistry registry = compatible(registryIn(loader, source, entries, declared), source);
      if (declared != null) {
        checkAgrees(declared, registry.config());
      }
      return new Loaded(registry, source, List.copyOf(entries), loader);
    } catch (RuntimeException | Error e) {
      closeQuietly(loader, e);
      throw e;
    }
  }

  // Classes annotated @PluginAction without a registry name the cause: the processor did not run.
  private static PluginNotFoundError noRegistry(Path source, List<Path> entries) {
    List<String> annotated = new ArrayList<>();
    for (Path entry : entries) {
      annotated.addAll(ProcessorCheck.annotatedClasses(entry));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("path", source.toString());
    if (annotated.isEmpty()) {
      return new PluginNotFoundError("No plugin registry in " + source + ": no class in it is annotated @PluginAction, and no"
          + " registry was generated (was the plugin compiled with the Synapse annotation processor?)", details);
    }
    details.put("annotated", List.copyOf(annotated));
    details.put("cause", "processor_missing");
    return new PluginNotFoundError("No plugin registry in " + source + ": " + ProcessorCheck.explain(annotated), details);
  }

  private static PluginRegistry registryIn(URLClassLoader loader, Path source, List<Path> entries,
      ConfigFiles.DeclaredConfig declared) {
    String wantedCode = declared == null ? null : declared.code();
    // The plugin's own registries are those its own jars list, whichever loader defined the class:
    // a plugin that is also on the application class path is defined by the parent.
    Set<String> ownNames = ownServiceEntries(loader, source);
    List<PluginRegistry> own = new ArrayList<>();
    for (PluginRegistry registry : registries(loader, source)) {
      if (ownNames.contains(registry.getClass().getName())) {
        own.add(registry);
      }
    }
    if (own.isEmpty()) {
      throw noRegistry(source, entries);
    }
    if (wantedCode == null) {
      if (own.size() > 1) {
        throw new ConfigError("Plugin at " + source + " holds several plugins (" + codes(own)
            + "); point at one plugin directory or jar", Map.of("path", source.toString()));
      }
      return own.get(0);
    }
    for (PluginRegistry registry : own) {
      if (registry.config().code().equals(wantedCode)) {
        return registry;
      }
    }
    throw new ConfigError("config.yaml at " + declared.file() + " declares plugin '" + wantedCode + "' but its jars hold "
        + codes(own) + " (a stale build?)", Map.of("path", source.toString(), "file", declared.file().toString(), "code", wantedCode));
  }

  private static Set<String> ownServiceEntries(URLClassLoader loader, Path source) {
    Set<String> names = new TreeSet<>();
    try {
      java.util.Enumeration<URL> files = loader.findResources("META-INF/services/" + PluginRegistry.class.getName());
      while (files.hasMoreElements()) {
        // Uncached: a cached jar: connection keeps the plugin's jar open after its loader is closed.
        java.net.URLConnection connection = files.nextElement().openConnection();
        connection.setUseCaches(false);
        try (java.io.InputStream in = connection.getInputStream()) {
          for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
            String name = line.replaceFirst("#.*", "").trim();
            if (!name.isEmpty()) {
              names.add(name);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new ConfigError("Cannot read the plugin registry list in " + source + ": " + e,
          Map.of("path", source.toString()), e);
    }
    return names;
  }

  /** The registry on {@code loader}'s class path whose plugin code or package is {@code codeOrPackage}. */
  public static PluginRegistry findOnClassPath(String codeOrPackage, ClassLoader loader) {
    List<PluginRegistry> all = registries(loader, null);
    List<PluginRegistry> matches = new ArrayList<>();
    for (PluginRegistry registry : all) {
      PluginConfig config = registry.config();
      if (config.code().equals(codeOrPackage) || config.packageName().equals(codeOrPackage)) {
        return compatible(registry, null);
      }
      if (config.packageName().startsWith(codeOrPackage + ".") || codeOrPackage.startsWith(config.packageName() + ".")) {
        matches.add(registry);
      }
    }
    if (matches.size() == 1) {
      return compatible(matches.get(0), null);
    }
    Set<String> available = new TreeSet<>();
    all.forEach(r -> available.add(r.config().code()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("plugin", codeOrPackage);
    details.put("available", List.copyOf(available));
    String suggestion = Suggestions.closest(codeOrPackage, available).map(s -> " Did you mean '" + s + "'?").orElse("");
    String reason = matches.size() > 1 ? "several plugins live under that package (" + codes(matches) + ")" : "no plugin has that code or package";
    String hint = matches.isEmpty() ? ProcessorCheck.classPathHint(codeOrPackage, loader, !all.isEmpty()) : "";
    throw new PluginNotFoundError("Plugin '" + codeOrPackage + "' not found: " + reason + "." + suggestion
        + " Plugins on the class path: " + (available.isEmpty() ? "(none)" : String.join(", ", available)) + "." + hint, details);
  }

  /** The class loader of a registry's classes. */
  public static ClassLoader loaderOf(PluginRegistry registry) {
    ClassLoader loader = registry.getClass().getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  /** The jar or directory holding a class-path registry's generated config, when it can be told. */
  public static List<Path> classPathOf(PluginRegistry registry) {
    String resource = "META-INF/synapse/" + registry.config().code() + "/config.yaml";
    URL url = loaderOf(registry).getResource(resource);
    if (url == null) {
      return List.of();
    }
    try {
      String text = url.toString();
      if (text.startsWith("jar:file:")) {
        return List.of(Path.of(new URL(text.substring(4, text.indexOf("!/"))).toURI()));
      }
      if (text.startsWith("file:")) {
        Path file = Path.of(url.toURI());
        // config.yaml sits at <root>/META-INF/synapse/<code>/config.yaml
        return List.of(file.getParent().getParent().getParent().getParent());
      }
    } catch (URISyntaxException | MalformedURLException | RuntimeException e) {
      return List.of();
    }
    return List.of();
  }

  /**
   * {@code registry}, when it was generated for this runtime's {@link PluginRegistry#SPI_VERSION}.
   *
   * @throws ConfigError naming the plugin and both versions, with the fix (rebuild it), when not
   */
  public static PluginRegistry compatible(PluginRegistry registry, Path source) {
    int version = registry.spiVersion();
    if (version == PluginRegistry.SPI_VERSION) {
      return registry;
    }
    String code = registry.config().code();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("plugin", code);
    details.put("registry", registry.getClass().getName());
    details.put("spi_version", version);
    details.put("runtime_spi_version", PluginRegistry.SPI_VERSION);
    Path where = source;
    if (where == null) {
      List<Path> classPath = classPathOf(registry);
      where = classPath.isEmpty() ? null : classPath.get(0);
    }
    if (where != null) {
      details.put("path", where.toString());
    }
    String built = version < PluginRegistry.SPI_VERSION ? "an older" : "a newer";
    throw new ConfigError("Plugin '" + code + "'" + (where == null ? "" : " at " + where) + " was generated by " + built
        + " Synapse annotation processor (binder SPI " + version + ") than this runtime speaks (SPI " + PluginRegistry.SPI_VERSION
        + "): rebuild the plugin against this version (mvn clean install)", details);
  }

  private static List<PluginRegistry> registries(ClassLoader loader, Path source) {
    List<PluginRegistry> found = new ArrayList<>();
    try {
      for (PluginRegistry registry : ServiceLoader.load(PluginRegistry.class, loader)) {
        found.add(registry);
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      Map<String, Object> details = new LinkedHashMap<>();
      if (source != null) {
        details.put("path", source.toString());
      }
      throw new ConfigError("A plugin registry could not be loaded" + (source == null ? "" : " from " + source) + ": " + e.getMessage(),
          details, e);
    }
    return found;
  }

  private static void checkAgrees(ConfigFiles.DeclaredConfig declared, PluginConfig compiled) {
    Set<String> declaredActions = new TreeSet<>(declared.actions());
    Set<String> compiledActions = new TreeSet<>(compiled.actionNames());
    if (!declaredActions.equals(compiledActions)) {
      throw new ConfigError("config.yaml at " + declared.file() + " disagrees with the compiled plugin '" + compiled.code()
          + "' (a stale build?): it lists actions " + declaredActions + " but the jars have " + compiledActions,
          Map.of("file", declared.file().toString(), "declared", List.copyOf(declaredActions), "compiled", List.copyOf(compiledActions)));
    }
    // An entrypoint naming another class (outside the plugin, or renamed since) is a stale or tampered
    // file: what runs is always the compiled descriptor's class, so the two must agree.
    declared.entrypoints().forEach((action, entrypoint) -> {
      String compiledEntrypoint = compiled.action(action).map(ActionConfig::entrypoint).orElse(null);
      if (!entrypoint.equals(compiledEntrypoint)) {
        throw new ConfigError("config.yaml at " + declared.file() + " gives action '" + action + "' the entrypoint '" + entrypoint
            + "' but the compiled plugin '" + compiled.code() + "' runs '" + compiledEntrypoint + "' (a stale build?)",
            Map.of("file", declared.file().toString(), "action", action, "declared", entrypoint,
                "compiled", String.valueOf(compiledEntrypoint)));
      }
    });
  }

  private static List<Path> jarsIn(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
      for (Path jar : stream) {
        if (Files.isRegularFile(jar)) {
          jars.add(jar);
        }
      }
    } catch (IOException e) {
      throw new ConfigError("Cannot list jars in " + directory + ": " + e, Map.of("path", directory.toString()), e);
    }
    jars.sort(null);
    return jars;
  }

  private static URL[] urls(List<Path> entries) {
    URL[] urls = new URL[entries.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = entries.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new ConfigError("Bad plugin class path entry " + entries.get(i), Map.of("path", entries.get(i).toString()), e);
      }
    }
    return urls;
  }

  private static String codes(List<PluginRegistry> registries) {
    return String.join(", ", registries.stream().map(r -> r.config().code()).sorted().toList());
  }

  private static void closeQuietly(URLClassLoader loader, Throwable failure) {
    try {
      loader.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
