package io.synapse.plugins.executors.ray;

import io.synapse.plugins.errors.ConfigError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The code of a run as one {@link ClusterPackage}, the same for TASK and JOB: the jars and class directories
 * a worker needs (the runtime, the Ray backend, their dependencies, the plugin and its dependencies).
 *
 * <pre>
 * synapse-classpath.jar     a manifest only: Class-Path lib/00-….jar lib/01-….jar …, in class path order
 * lib/00-runtime.jar        each jar as it is; each directory zipped into a jar
 * lib/01-…
 * </pre>
 *
 * Ray puts the jars at the root of a {@code java_jars} package on a TASK worker's class path, which is
 * only the manifest jar here, so the class path keeps its order; a JOB's entrypoint names the manifest
 * jar with {@code -cp}. Packages are cached by the entries' paths, sizes and modification times, so
 * repeated runs do not zip again.
 */
final class CodePackage {
  /** The manifest jar at the package's root. */
  static final String LAUNCHER = "synapse-classpath.jar";
  private static final Map<String, ClusterPackage> RECENT = new LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ClusterPackage> eldest) {
      return size() > 8;
    }
  };

  private CodePackage() {}

  /**
   * The package of {@code classPath} (jars and directories, in order).
   *
   * @throws ConfigError when an entry cannot be read
   */
  static ClusterPackage of(List<Path> classPath) {
    String key = cacheKey(classPath);
    synchronized (RECENT) {
      ClusterPackage known = RECENT.get(key);
      if (known != null) {
        return known;
      }
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    List<String> order = new ArrayList<>();
    int index = 0;
    for (Path entry : classPath) {
      String base = entry.getFileName() == null ? "root" : entry.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
      String name = String.format("lib/%02d-%s", index++, base.endsWith(".jar") ? base : base + ".jar");
      try {
        files.put(name, Files.isDirectory(entry) ? ClusterPackage.zip(directoryFiles(entry)) : Files.readAllBytes(entry));
      } catch (IOException | UncheckedIOException e) {
        throw new ConfigError("Cannot read class path entry " + entry + " for the cluster's code package: " + e,
            Map.of("path", entry.toString()), e);
      }
      order.add(name);
    }
    files.put(LAUNCHER, ClusterPackage.manifestJar(order));
    ClusterPackage built = ClusterPackage.of(files);
    synchronized (RECENT) {
      RECENT.put(key, built);
    }
    return built;
  }

  private static SortedMap<String, byte[]> directoryFiles(Path directory) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static String cacheKey(List<Path> classPath) {
    StringBuilder key = new StringBuilder();
    for (Path entry : classPath) {
      key.append(entry.toAbsolutePath()).append('|');
      try {
        if (Files.isDirectory(entry)) {
          try (Stream<Path> walk = Files.walk(entry)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
              key.append(file).append(':').append(Files.size(file)).append(':').append(Files.getLastModifiedTime(file).toMillis()).append(';');
            }
          }
        } else {
          key.append(Files.size(entry)).append(':').append(Files.getLastModifiedTime(entry).toMillis());
        }
      } catch (IOException | UncheckedIOException e) {
        key.append("unreadable");
      }
      key.append('\n');
    }
    return key.toString();
  }
}
