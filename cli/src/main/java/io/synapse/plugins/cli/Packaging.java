package io.synapse.plugins.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The packager of {@code synapse package} as a library, for build tools (the Synapse Maven plugin): the
 * same code writes the same bytes whichever front end calls it.
 */
public final class Packaging {
  private Packaging() {}

  /**
   * What was packaged.
   *
   * @param output the directory or zip written
   * @param code the plugin code
   * @param version the plugin version
   * @param libraries the jar names under {@code lib/}, the plugin jar first
   */
  public record Packaged(Path output, String code, String version, List<String> libraries) {}

  /**
   * Packages compiled plugin classes (a directory holding {@code META-INF/synapse/<code>/config.yaml}) or a
   * plugin jar, with its run-time dependency jars, into {@code output}: a directory, or a zip when the name
   * ends with {@code .zip}. An existing output is replaced. The result is checked by loading it.
   *
   * @throws CliException naming what is wrong (nothing to package, several plugins, an unsafe name)
   */
  public static Packaged pack(Path classesOrJar, List<Path> dependencies, Path output) throws IOException {
    PluginPackager.Result result = PluginPackager.pack(classesOrJar, dependencies, output, true);
    return new Packaged(result.output(), result.code(), result.version(), result.libraries());
  }
}
