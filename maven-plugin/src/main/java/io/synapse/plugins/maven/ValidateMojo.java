package io.synapse.plugins.maven;

import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks params files against the plugin at build time, right after compiling: each file is bound by the
 * action's generated binder exactly as {@code synapse validate PLUGIN ACTION --params-file FILE} binds it,
 * and every violation of every file is listed before the build fails. Secret values are never printed.
 *
 * <p>Files are found in {@code paramsDirectory} ({@code src/main/synapse/params}): {@code <action>.json},
 * {@code <action>.yaml} or {@code <action>.yml}, {@code <action>.<label>.<ext>} and any such file under a
 * directory {@code <action>/}; more are named with {@code paramsFiles}. A file naming an action the plugin
 * does not have fails the build with the actions it does have.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.PROCESS_CLASSES, requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public final class ValidateMojo extends AbstractSynapseMojo {
  /** Where params files are found by name. */
  @Parameter(property = "synapse.paramsDirectory", defaultValue = "${project.basedir}/src/main/synapse/params")
  private File paramsDirectory;

  /** More files, each with the action it is for. */
  @Parameter
  private List<ParamsFile> paramsFiles = new ArrayList<>();

  /** For Maven. */
  public ValidateMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping synapse:validate (synapse.skip)");
      return;
    }
    List<ParamsFile> files = new ArrayList<>(found(paramsDirectory.toPath()));
    files.addAll(paramsFiles);
    if (files.isEmpty()) {
      getLog().info("No params files to validate (none in " + paramsDirectory + ", none configured)");
      return;
    }
    PluginProject plugin = pluginProject();
    List<String> failures = new ArrayList<>();
    try (URLClassLoader loader = plugin.newClassLoader()) {
      for (ParamsFile file : files) {
        String shown = project.getBasedir().toPath().relativize(file.getFile().toPath().toAbsolutePath()).toString();
        CliBridge.Outcome outcome = CliBridge.execute(loader,
            List.of("validate", plugin.code(), file.getAction(), "--params-file", file.getFile().getAbsolutePath()));
        if (outcome.exitCode() == 0) {
          getLog().info("Params file " + shown + " is valid for action " + file.getAction());
        } else {
          String reason = (outcome.err() + outcome.out()).strip();
          getLog().error("Params file " + shown + " (action " + file.getAction() + "): " + reason);
          failures.add(shown + " (action " + file.getAction() + ", " + ExitCodeNames.of(outcome.exitCode()) + "):\n  "
              + reason.replace("\n", "\n  "));
        }
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot close the project's class loader: " + e.getMessage(), e);
    }
    if (!failures.isEmpty()) {
      throw new MojoFailureException(failures.size() + " of " + files.size() + " params files of plugin " + plugin.code()
          + " are not valid:\n" + String.join("\n", failures));
    }
  }

  /** The params files in {@code directory}, by the naming rules of the class description, sorted. */
  static List<ParamsFile> found(Path directory) throws MojoExecutionException {
    List<ParamsFile> files = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      List<Path> sorted = new ArrayList<>();
      entries.forEach(sorted::add);
      sorted.sort(null);
      for (Path entry : sorted) {
        String name = entry.getFileName().toString();
        if (Files.isDirectory(entry)) {
          try (DirectoryStream<Path> inner = Files.newDirectoryStream(entry)) {
            List<Path> innerSorted = new ArrayList<>();
            inner.forEach(innerSorted::add);
            innerSorted.sort(null);
            for (Path file : innerSorted) {
              if (Files.isRegularFile(file) && isParamsFile(file.getFileName().toString())) {
                files.add(new ParamsFile(name, file.toFile()));
              }
            }
          }
        } else if (Files.isRegularFile(entry) && isParamsFile(name)) {
          files.add(new ParamsFile(name.substring(0, name.indexOf('.')), entry.toFile()));
        }
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot list " + directory + ": " + e.getMessage(), e);
    }
    return files;
  }

  private static boolean isParamsFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !lower.startsWith(".") && (lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml"));
  }
}
