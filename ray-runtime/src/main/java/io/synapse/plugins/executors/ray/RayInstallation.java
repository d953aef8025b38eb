package io.synapse.plugins.executors.ray;

import io.synapse.plugins.errors.ConfigError;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Python Ray installation on this machine: its {@code ray} command, the Python it runs on, Ray's own
 * Java runtime ({@code ray/jars/ray_dist.jar} inside the installed package, which a driver puts on its
 * class path so that its native library matches the cluster) and its version. The Maven plugin, the test
 * kit's Ray head and the command line find Ray the same way, through {@link #find}. No Ray class is
 * loaded here.
 *
 * <p>Where it looks, in order: the {@value #VENV_PROPERTY} system property and the {@value #VENV_ENV}
 * variable (a virtualenv such as the one {@code scripts/ray.sh install} makes), the active virtualenv
 * ({@code VIRTUAL_ENV}), then {@code ray} on the {@code PATH}. A virtualenv named by the property or
 * {@value #VENV_ENV} that lacks Ray is reported as such rather than passed over. {@value #JARS_ENV} (a
 * directory holding {@code ray_dist.jar}) overrides where the jar is taken from.
 *
 * @param rayExecutable the {@code ray} command
 * @param rayJar Ray's Java runtime, {@code ray_dist.jar}
 * @param version the installed Ray version, or null when the package metadata does not say
 * @param origin where it was found, for messages (e.g. {@code SYNAPSE_RAY_VENV=/opt/ray})
 */
public record RayInstallation(Path rayExecutable, Path rayJar, String version, String origin) {
  /** System property naming the virtualenv Ray is installed in. */
  public static final String VENV_PROPERTY = "synapse.ray.venv";
  /** Environment variable naming the virtualenv Ray is installed in. */
  public static final String VENV_ENV = "SYNAPSE_RAY_VENV";
  /** Environment variable naming the directory of {@code ray_dist.jar}. */
  public static final String JARS_ENV = "SYNAPSE_RAY_JARS";
  /** The command that installs the Ray this project is built against. */
  public static final String INSTALL_HINT = "pip install 'ray[default]==2.39.0' (in this repository: scripts/ray.sh install)";

  /**
   * Ray as installed here, looked up in the process's environment and system properties.
   *
   * @throws ConfigError naming every place looked at when Ray is not installed
   */
  public static RayInstallation find() {
    return find(System::getenv, System::getProperty);
  }

  /**
   * Ray as installed here, looked up in {@code env} (environment variables) and {@code properties}
   * (system properties).
   *
   * @throws ConfigError naming every place looked at when Ray is not installed
   */
  public static RayInstallation find(Function<String, String> env, Function<String, String> properties) {
    List<String> searched = new ArrayList<>();
    Optional<RayInstallation> found = lookUp(env, properties, searched);
    return found.orElseThrow(() -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("searched", List.copyOf(searched));
      return new ConfigError("Ray is not installed: looked in " + String.join("; ", searched)
          + ". Install it with " + INSTALL_HINT + " and activate its virtualenv, or set " + VENV_ENV
          + " (or -D" + VENV_PROPERTY + ") to the virtualenv", details);
    });
  }

  /** Like {@link #find(Function, Function)}, but empty instead of an error; {@code searched} gets the places looked at. */
  public static Optional<RayInstallation> lookUp(Function<String, String> env, Function<String, String> properties,
      List<String> searched) {
    Optional<Path> jarsOverride = nonBlank(env.apply(JARS_ENV)).map(Path::of);
    for (String[] venv : new String[][] {
        {"-D" + VENV_PROPERTY, properties.apply(VENV_PROPERTY)},
        {VENV_ENV, env.apply(VENV_ENV)},
        {"VIRTUAL_ENV", env.apply("VIRTUAL_ENV")}}) {
      Optional<String> dir = nonBlank(venv[1]);
      if (dir.isEmpty()) {
        searched.add(venv[0] + " (not set)");
        continue;
      }
      Path root = Path.of(dir.get()).toAbsolutePath().normalize();
      Optional<RayInstallation> inVenv = inPrefix(root, root.resolve("bin").resolve("ray"), jarsOverride, venv[0] + "=" + root);
      if (inVenv.isPresent()) {
        return inVenv;
      }
      searched.add(venv[0] + "=" + root + " (no bin/ray with ray/jars/ray_dist.jar)");
      if (!venv[0].equals("VIRTUAL_ENV")) {
        // A virtualenv named on purpose that lacks Ray is a mistake to report, not a reason to pick another Ray.
        return Optional.empty();
      }
    }
    String path = env.apply("PATH");
    for (String entry : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path candidate = Path.of(entry).resolve("ray");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        Path prefix = candidate.toAbsolutePath().getParent().getParent();
        Optional<RayInstallation> onPath = prefix == null ? Optional.empty()
            : inPrefix(prefix, candidate, jarsOverride, "PATH (" + candidate + ")");
        if (onPath.isPresent()) {
          return onPath;
        }
        searched.add("PATH: " + candidate + " (no ray/jars/ray_dist.jar under " + prefix + ")");
        return Optional.empty();
      }
    }
    searched.add("PATH (no ray command)");
    return Optional.empty();
  }

  /** Ray installed under {@code prefix} (a virtualenv or an installation prefix such as /usr/local). */
  private static Optional<RayInstallation> inPrefix(Path prefix, Path ray, Optional<Path> jarsOverride, String origin) {
    if (!Files.isRegularFile(ray)) {
      return Optional.empty();
    }
    Optional<Path> packageDir = rayPackage(prefix, ray);
    Path jar = jarsOverride.map(dir -> dir.resolve("ray_dist.jar"))
        .or(() -> Optional.of(prefix.resolve("ray-jars").resolve("ray_dist.jar")).filter(Files::isRegularFile))
        .or(() -> packageDir.map(dir -> dir.resolve("jars").resolve("ray_dist.jar")))
        .orElse(null);
    if (jar == null || !Files.isRegularFile(jar)) {
      return Optional.empty();
    }
    return Optional.of(new RayInstallation(ray, jar, packageDir.flatMap(RayInstallation::versionOf).orElse(null), origin));
  }

  /** The installed {@code ray} package directory: {@code lib/python3.X/site-packages/ray} or {@code dist-packages/ray}. */
  private static Optional<Path> rayPackage(Path prefix, Path ray) {
    for (Path lib : List.of(prefix.resolve("lib"), prefix.resolve("lib64"), pythonPrefix(ray).orElse(prefix).resolve("lib"))) {
      if (!Files.isDirectory(lib)) {
        continue;
      }
      try (DirectoryStream<Path> pythons = Files.newDirectoryStream(lib, "python3*")) {
        for (Path python : pythons) {
          for (String packages : List.of("site-packages", "dist-packages")) {
            Path candidate = python.resolve(packages).resolve("ray");
            if (Files.isDirectory(candidate)) {
              return Optional.of(candidate);
            }
          }
        }
      } catch (IOException e) {
        // An unreadable lib directory holds no Ray we can use; the next candidate is tried.
      }
    }
    return Optional.empty();
  }

  /** The prefix of the Python the {@code ray} script's first line names, e.g. /usr for #!/usr/bin/python3. */
  private static Optional<Path> pythonPrefix(Path ray) {
    try (BufferedReader reader = Files.newBufferedReader(ray, StandardCharsets.UTF_8)) {
      String first = reader.readLine();
      if (first != null && first.startsWith("#!/")) {
        Path python = Path.of(first.substring(2).trim().split("\\s+")[0]);
        Path bin = python.getParent();
        return bin == null || bin.getParent() == null ? Optional.empty() : Optional.of(bin.getParent());
      }
    } catch (IOException | RuntimeException e) {
      // Not a script (a binary wrapper) or unreadable: only the prefix of the command itself is searched.
    }
    return Optional.empty();
  }

  /** The version in the package's {@code ray-X.Y.Z.dist-info} directory beside it. */
  private static Optional<String> versionOf(Path packageDir) {
    try (DirectoryStream<Path> infos = Files.newDirectoryStream(packageDir.getParent(), "ray-*.dist-info")) {
      for (Path info : infos) {
        String name = info.getFileName().toString();
        return Optional.of(name.substring("ray-".length(), name.length() - ".dist-info".length()));
      }
    } catch (IOException e) {
      // No metadata: the version stays unknown.
    }
    return Optional.empty();
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
