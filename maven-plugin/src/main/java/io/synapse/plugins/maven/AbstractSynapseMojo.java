package io.synapse.plugins.maven;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal of the Synapse plugin shares: the project, the skip switch and the compiled plugin. */
abstract class AbstractSynapseMojo extends AbstractMojo {
  /** The project being built. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /** Skips every goal of this plugin. */
  @Parameter(property = "synapse.skip", defaultValue = "false")
  protected boolean skip;

  /** The compiled plugin of the project, with its run-time class path. */
  protected PluginProject pluginProject() throws MojoExecutionException, MojoFailureException {
    try {
      List<String> classPath = project.getRuntimeClasspathElements();
      return PluginProject.of(Path.of(project.getBuild().getOutputDirectory()), classPath);
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("The project's run-time dependencies are not resolved: " + e.getMessage(), e);
    }
  }
}
