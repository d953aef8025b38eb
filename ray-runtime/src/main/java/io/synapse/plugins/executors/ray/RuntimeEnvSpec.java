package io.synapse.plugins.executors.ray;

import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.errors.ConfigError;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Ray {@code runtime_env} as the Java backends honour it, checked once, before anything is submitted.
 * Both the TASK and the JOB backend read it; their own code, working directory and request packages are
 * merged in when they submit.
 *
 * <ul>
 *   <li>{@code env_vars}: variables of the worker processes (strings, numbers or booleans). Secret-looking
 *       names are refused: the dashboard shows runtime_env; pass them with {@code env(...)}, which reaches the
 *       action through {@code ctx().env()} only.
 *   <li>{@code java_jars} (or {@code jars}): extra jars. A local jar or class directory is shipped in the
 *       run's code package; a URI is handed to Ray ({@code gcs://} packages in both modes, {@code https://} and
 *       {@code file://} in TASK mode; {@code http://} is refused, as Ray refuses it).
 *   <li>{@code working_dir}: a local directory (shipped as a package, as {@code workingDir(...)}), or a
 *       {@code gcs://} or {@code https://} zip that Ray fetches.
 *   <li>{@code config}: {@code setup_timeout_seconds} and {@code eager_install}.
 * </ul>
 *
 * Every other key is refused, naming it and why: {@code pip}, {@code uv}, {@code conda} and
 * {@code py_modules} set up Python, which a Java worker does not use; the rest are unknown to (or not
 * supported by) the Java backends.
 *
 * @param envVars variables of the worker processes
 * @param jarFiles local jars and class directories, absolute
 * @param jarUris jar URIs for Ray to fetch
 * @param workingDir a local working directory, absolute, or null
 * @param workingDirUri a working directory URI, or null
 * @param config Ray's runtime env config ({@code setup_timeout_seconds}, {@code eager_install})
 */
record RuntimeEnvSpec(SortedMap<String, String> envVars, List<Path> jarFiles, List<String> jarUris, Path workingDir, String workingDirUri,
    SortedMap<String, Object> config) {
  private static final RuntimeEnvSpec EMPTY = new RuntimeEnvSpec(new TreeMap<>(), List.of(), List.of(), null, null, new TreeMap<>());
  private static final Map<String, String> REFUSED = Map.ofEntries(
      Map.entry("pip", "it installs Python packages, which a Java worker cannot use; ship jars with java_jars instead"),
      Map.entry("uv", "it installs Python packages, which a Java worker cannot use; ship jars with java_jars instead"),
      Map.entry("conda", "it sets up a Python (conda) environment, which a Java worker does not run in"),
      Map.entry("py_modules", "it ships Python modules, which a Java worker cannot import (the JOB backend uses py_modules for its"
          + " own packages); ship jars with java_jars instead"),
      Map.entry("py_executable", "it picks the Python interpreter of Python workers; a Java worker has none"),
      Map.entry("excludes", "working_dir excludes are not supported by the Java backends: ship a directory holding only what the"
          + " action needs"),
      Map.entry("container", "container images are not supported by the Java backends"),
      Map.entry("image_uri", "container images are not supported by the Java backends"));
  private static final List<String> SUPPORTED = List.of("env_vars", "java_jars", "jars", "working_dir", "config");

  /** Copies the parts. */
  RuntimeEnvSpec {
    envVars = Collections.unmodifiableSortedMap(new TreeMap<>(envVars));
    jarFiles = List.copyOf(jarFiles);
    jarUris = List.copyOf(jarUris);
    config = Collections.unmodifiableSortedMap(new TreeMap<>(config));
  }

  /** No runtime env. */
  static RuntimeEnvSpec empty() {
    return EMPTY;
  }

  /**
   * Checks {@code runtimeEnv} (a JSON-like map, as {@code RunOptions.runtimeEnv()} holds it).
   *
   * @throws ConfigError naming the first key at fault and why
   */
  static RuntimeEnvSpec parse(Map<String, ?> runtimeEnv) {
    if (runtimeEnv == null || runtimeEnv.isEmpty()) {
      return EMPTY;
    }
    for (String key : new TreeMap<>(runtimeEnv).keySet()) {
      if (REFUSED.containsKey(key)) {
        throw refused(key, REFUSED.get(key));
      }
      if (!SUPPORTED.contains(key)) {
        throw refused(key, "the Java backends do not know it (they support " + String.join(", ", SUPPORTED) + ")");
      }
    }
    SortedMap<String, String> envVars = envVars(runtimeEnv.get("env_vars"));
    List<Path> jarFiles = new ArrayList<>();
    List<String> jarUris = new ArrayList<>();
    for (String key : List.of("java_jars", "jars")) {
      if (runtimeEnv.containsKey(key)) {
        jars(key, runtimeEnv.get(key), jarFiles, jarUris);
      }
    }
    Path workingDir = null;
    String workingDirUri = null;
    Object dir = runtimeEnv.get("working_dir");
    if (dir != null) {
      if (!(dir instanceof String text) || text.isBlank()) {
        throw refused("working_dir", "it must be a local directory or a gcs:// or https:// zip, as text");
      }
      if (isUri(text)) {
        workingDirUri = checkedUri("working_dir", text);
      } else {
        workingDir = localPath("working_dir", text);
        if (!Files.isDirectory(workingDir)) {
          throw refused("working_dir", workingDir + " is not a directory");
        }
      }
    }
    return new RuntimeEnvSpec(envVars, jarFiles, jarUris, workingDir, workingDirUri, config(runtimeEnv.get("config")));
  }

  /**
   * This spec with the run's working directory (from {@code workingDir(...)} or {@code RunOptions}) merged in.
   *
   * @throws ConfigError when runtime_env names another working directory
   */
  RuntimeEnvSpec withWorkingDir(Path directory) {
    if (directory == null) {
      return this;
    }
    Path absolute = directory.toAbsolutePath().normalize();
    if (workingDirUri != null || workingDir != null && !workingDir.equals(absolute)) {
      throw refused("working_dir", "it names " + (workingDirUri != null ? workingDirUri : workingDir) + " while the run's working"
          + " directory is " + absolute + ": give one of them");
    }
    return new RuntimeEnvSpec(envVars, jarFiles, jarUris, absolute, null, config);
  }

  /** This spec with {@code variables} (the executor's actor variables) added; these win. */
  RuntimeEnvSpec withEnvVars(Map<String, String> variables) {
    if (variables.isEmpty()) {
      return this;
    }
    SortedMap<String, String> merged = new TreeMap<>(envVars);
    merged.putAll(variables);
    return new RuntimeEnvSpec(merged, jarFiles, jarUris, workingDir, workingDirUri, config);
  }

  /** Whether a working directory (local or URI) is set. */
  boolean hasWorkingDir() {
    return workingDir != null || workingDirUri != null;
  }

  /**
   * Checks what the JOB backend can honour: jar URIs must be {@code gcs://} packages (they travel as
   * py_modules, whose directories the entrypoint puts on the class path).
   *
   * @throws ConfigError naming the URI otherwise
   */
  RuntimeEnvSpec requireJobCompatible() {
    for (String uri : jarUris) {
      if (!uri.startsWith("gcs://") || !uri.endsWith(".zip")) {
        throw refused("java_jars", uri + " cannot reach a job's class path: in JOB mode give local jars (shipped with the job)"
            + " or gcs:// zip packages of jars");
      }
    }
    return this;
  }

  private static SortedMap<String, String> envVars(Object value) {
    SortedMap<String, String> vars = new TreeMap<>();
    if (value == null) {
      return vars;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw refused("env_vars", "it must be a map of names to values");
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      Object item = entry.getValue();
      if (name.isEmpty() || name.contains("=") || name.indexOf('\0') >= 0) {
        throw refused("env_vars", "'" + name + "' is not a variable name");
      }
      if (PluginEnvironment.isSecretName(name)) {
        throw refused("env_vars." + name, "its name looks secret and the dashboard shows runtime_env: pass it with env(...) instead,"
            + " which reaches the action through ctx().env()");
      }
      if (!(item instanceof String || item instanceof Number || item instanceof Boolean)) {
        throw refused("env_vars." + name, "its value must be a string, a number or a boolean");
      }
      vars.put(name, String.valueOf(item));
    }
    return vars;
  }

  private static void jars(String key, Object value, List<Path> files, List<String> uris) {
    Collection<?> items = value instanceof Collection<?> collection ? collection : value instanceof String text ? List.of(text) : null;
    if (items == null) {
      throw refused(key, "it must be a list of jars, class directories or URIs");
    }
    for (Object item : items) {
      if (!(item instanceof String text) || text.isBlank()) {
        throw refused(key, "every entry must be a path or a URI, as text");
      }
      if (isUri(text)) {
        uris.add(checkedUri(key, text));
      } else {
        Path path = localPath(key, text);
        if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
          throw refused(key, path + " does not exist");
        }
        files.add(path);
      }
    }
  }

  private static SortedMap<String, Object> config(Object value) {
    SortedMap<String, Object> config = new TreeMap<>();
    if (value == null) {
      return config;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw refused("config", "it must be a map");
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      Object item = entry.getValue();
      switch (name) {
        case "setup_timeout_seconds" -> {
          if (!(item instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
              || number.intValue() == 0 || number.intValue() < -1) {
            throw refused("config.setup_timeout_seconds", "it must be a whole number of seconds, at least 1 (or -1 for no limit)");
          }
          config.put(name, number.intValue());
        }
        case "eager_install" -> {
          if (!(item instanceof Boolean)) {
            throw refused("config.eager_install", "it must be true or false");
          }
          config.put(name, item);
        }
        default -> throw refused("config." + name, "the Java backends support setup_timeout_seconds and eager_install only");
      }
    }
    return config;
  }

  private static boolean isUri(String text) {
    return text.matches("[A-Za-z][A-Za-z0-9+.-]*://.*");
  }

  private static String checkedUri(String key, String uri) {
    String scheme = uri.substring(0, uri.indexOf(':')).toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "gcs", "https", "file", "s3", "gs":
        return uri;
      case "http":
        throw refused(key, uri + " is plain http, which Ray refuses for packages; use https:// or a gcs:// package");
      default:
        throw refused(key, uri + " has a scheme Ray cannot fetch (" + scheme + ")");
    }
  }

  private static Path localPath(String key, String text) {
    try {
      return Path.of(text).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw refused(key, "'" + text + "' is not a valid path: " + e.getReason());
    }
  }

  private static ConfigError refused(String key, String why) {
    return new ConfigError("runtime_env." + key + " is refused: " + why, Map.of("key", key, "reason", why));
  }
}
