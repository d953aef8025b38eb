package io.synapse.plugins.maven;

import io.synapse.plugins.cli.Packaging;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packages the project's plugin as {@code synapse package} does: {@code config.yaml} at the top and
 * {@code lib/} with the plugin jar (made from the compiled classes, byte-stable) and the project's run-time
 * dependencies, checked by loading it. A zip is attached to the build (classifier {@code synapse}), so
 * {@code install} and {@code deploy} publish it. The packager is the command line's own, so a module whose
 * {@code target/lib} holds the same dependencies packs to the same bytes with either.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public final class PackageMojo extends AbstractSynapseMojo {
  /** Where to write: a zip when the name ends with {@code .zip}, else a directory. An existing output is replaced. */
  @Parameter(property = "synapse.package.output",
      defaultValue = "${project.build.directory}/${project.build.finalName}-synapse.zip")
  private File output;

  /** Whether to attach a zip output to the project, so that it is installed and deployed with it. */
  @Parameter(property = "synapse.package.attach", defaultValue = "true")
  private boolean attach;

  /** The classifier of the attached zip. */
  @Parameter(defaultValue = "synapse")
  private String classifier;

  @Component
  private MavenProjectHelper projectHelper;

  /** For Maven. */
  public PackageMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping synapse:package (synapse.skip)");
      return;
    }
    PluginProject plugin = pluginProject();
    List<Path> dependencies = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      boolean runtime = Artifact.SCOPE_COMPILE.equals(artifact.getScope()) || Artifact.SCOPE_RUNTIME.equals(artifact.getScope());
      if (runtime && artifact.getFile() != null && artifact.getFile().getName().endsWith(".jar")) {
        dependencies.add(artifact.getFile().toPath());
      }
    }
    Packaging.Packaged packaged;
    try {
      packaged = Packaging.pack(plugin.classes(), dependencies, output.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot package plugin " + plugin.code() + " into " + output + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoFailureException("Cannot package plugin " + plugin.code() + ": " + e.getMessage(), e);
    }
    getLog().info("Packaged plugin " + packaged.code() + " " + packaged.version() + " into " + packaged.output()
        + " (" + packaged.libraries().size() + " jars in lib/)");
    if (attach && output.getName().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      projectHelper.attachArtifact(project, "zip", classifier, output);
    }
  }
}
