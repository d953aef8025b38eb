package io.synapse.plugins.maven;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The compiled plugin of a Maven project: its code, read from the {@code META-INF/synapse/<code>/config.yaml}
 * the processor wrote into the build output, and a class loader over the project's run-time class path.
 */
final class PluginProject {
  private final Path classes;
  private final String code;
  private final List<Path> classPath;

  private PluginProject(Path classes, String code, List<Path> classPath) {
    this.classes = classes;
    this.code = code;
    this.classPath = classPath;
  }

  /**
   * The plugin compiled into {@code classes}.
   *
   * @throws MojoFailureException when the build output holds no plugin, or several
   */
  static PluginProject of(Path classes, List<String> runtimeClassPath) throws MojoFailureException, MojoExecutionException {
    Path synapse = classes.resolve("META-INF").resolve("synapse");
    List<String> codes = new ArrayList<>();
    if (Files.isDirectory(synapse)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(synapse)) {
        for (Path entry : entries) {
          if (Files.isRegularFile(entry.resolve("config.yaml"))) {
            codes.add(entry.getFileName().toString());
          }
        }
      } catch (IOException e) {
        throw new MojoExecutionException("Cannot read " + synapse + ": " + e.getMessage(), e);
      }
    }
    if (codes.isEmpty()) {
      throw new MojoFailureException("No Synapse plugin in " + classes + ": no META-INF/synapse/<code>/config.yaml. Is the"
          + " synapse-plugins-processor on the compiler's annotationProcessorPaths, and is there a @Plugin?");
    }
    if (codes.size() > 1) {
      codes.sort(null);
      throw new MojoFailureException(classes + " holds " + codes.size() + " plugins " + codes + "; a project builds one plugin");
    }
    List<Path> entries = new ArrayList<>();
    for (String element : runtimeClassPath) {
      entries.add(Path.of(element));
    }
    return new PluginProject(classes, codes.get(0), List.copyOf(entries));
  }

  /** The build output directory holding the compiled plugin. */
  Path classes() {
    return classes;
  }

  /** The plugin code. */
  String code() {
    return code;
  }

  /** The project's run-time class path: its classes first, then its dependencies. */
  List<Path> classPath() {
    return classPath;
  }

  /**
   * A class loader over the project's run-time class path whose parent is this plugin's own, so that the
   * Synapse runtime the goals call is the one the plugin's classes link against.
   */
  URLClassLoader newClassLoader() throws MojoExecutionException {
    URL[] urls = new URL[classPath.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = classPath.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("Bad class path entry " + classPath.get(i), e);
      }
    }
    return new URLClassLoader("synapse-project:" + code, urls, PluginProject.class.getClassLoader());
  }
}
