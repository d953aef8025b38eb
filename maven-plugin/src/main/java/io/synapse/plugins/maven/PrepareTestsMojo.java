package io.synapse.plugins.maven;

import io.synapse.plugins.executors.ray.RayActorExecutor;
import io.synapse.plugins.executors.ray.RayInstallation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Gives Surefire and Failsafe what a TASK-capable project's tests need to drive Ray from the test JVM, so
 * that nobody writes a flag or a path by hand: Ray's own Java runtime ({@code ray_dist.jar} of the installed
 * Python ray, found as {@link RayInstallation} says) on the test class path
 * ({@code maven.test.additionalClasspath}), the {@code --add-opens} flags of
 * {@link RayActorExecutor#driverJvmFlags()} in {@code argLine} (appended to any {@code argLine} property set
 * before), and real class path entries ({@code surefire.useManifestOnlyJar=false}: they become the Ray job's
 * code search path). The same flags are also in the property {@code synapse.argLine}, for a Surefire
 * configuration that sets its own {@code <argLine>} ({@code <argLine>@{synapse.argLine} -Xmx1g</argLine>}).
 *
 * <p>A project is TASK-capable when {@code synapse-plugins-ray} is among its test dependencies (the test kit
 * brings it); other projects are left alone. When Ray is not installed the flags are set anyway and a warning
 * says so; the test kit's Ray extension then fails the tests with the same reason.
 */
@Mojo(name = "prepare-tests", defaultPhase = LifecyclePhase.INITIALIZE, requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public final class PrepareTestsMojo extends AbstractSynapseMojo {
  /** The property the flags are added to; Surefire and Failsafe read {@code argLine}. */
  @Parameter(property = "synapse.argLineProperty", defaultValue = "argLine")
  private String argLineProperty;

  /**
   * The virtualenv Ray is installed in; by default the one of {@code SYNAPSE_RAY_VENV}, the active virtualenv or
   * {@code ray} on the {@code PATH}. When set, the test JVM is told too ({@code -Dsynapse.ray.venv}).
   */
  @Parameter(property = RayInstallation.VENV_PROPERTY)
  private String rayVenv;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  /** For Maven. */
  public PrepareTestsMojo() {}

  @Override
  public void execute() {
    if (skip) {
      getLog().info("Skipping synapse:prepare-tests (synapse.skip)");
      return;
    }
    boolean taskCapable = project.getArtifacts().stream().anyMatch(PrepareTestsMojo::isRayBackend);
    if (!taskCapable) {
      getLog().info("No io.synapse.plugins:synapse-plugins-ray among the test dependencies: no Ray settings for the tests");
      return;
    }
    List<String> flags = new ArrayList<>(RayActorExecutor.driverJvmFlags());
    if (rayVenv != null && !rayVenv.isBlank()) {
      flags.add(quoted("-D" + RayInstallation.VENV_PROPERTY + "=" + rayVenv));
    }
    List<String> searched = new ArrayList<>();
    Optional<RayInstallation> ray = RayInstallation.lookUp(System::getenv,
        key -> key.equals(RayInstallation.VENV_PROPERTY) && rayVenv != null ? rayVenv : System.getProperty(key), searched);
    Properties properties = project.getProperties();
    String synapseArgLine = String.join(" ", flags);
    properties.setProperty("synapse.argLine", synapseArgLine);
    String argLine = current(argLineProperty);
    if (argLine == null || !argLine.contains(synapseArgLine)) { // a forked lifecycle runs this goal again
      properties.setProperty(argLineProperty, join(argLine, " ", synapseArgLine));
    }
    properties.setProperty("surefire.useManifestOnlyJar", "false");
    if (ray.isPresent()) {
      String jar = ray.get().rayJar().toString();
      String classPath = current("maven.test.additionalClasspath");
      if (classPath == null || !classPath.contains(jar)) {
        properties.setProperty("maven.test.additionalClasspath", join(classPath, ",", jar));
      }
      properties.setProperty("synapse.ray.jar", jar);
      getLog().info("Tests drive Ray " + Optional.ofNullable(ray.get().version()).orElse("(version unknown)") + " from "
          + ray.get().origin() + ": " + jar + " on the test class path, " + flags.size() + " JVM flags in " + argLineProperty);
    } else {
      getLog().warn("Ray is not installed (looked in " + String.join("; ", searched) + "): tests on a Ray head will fail"
          + " saying so. Install it with " + RayInstallation.INSTALL_HINT + " and activate its virtualenv, or set "
          + RayInstallation.VENV_ENV);
    }
  }

  private String current(String name) {
    String value = session.getUserProperties().getProperty(name);
    return value != null ? value : project.getProperties().getProperty(name);
  }

  private static boolean isRayBackend(Artifact artifact) {
    return "io.synapse.plugins".equals(artifact.getGroupId()) && "synapse-plugins-ray".equals(artifact.getArtifactId());
  }

  private static String join(String existing, String separator, String added) {
    return existing == null || existing.isBlank() ? added : existing + separator + added;
  }

  // Surefire splits argLine as a shell would: a path with spaces stays one argument in quotes.
  private static String quoted(String argument) {
    return argument.contains(" ") ? "\"" + argument + "\"" : argument;
  }
}
