package io.synapse.plugins.maven;

import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import io.synapse.plugins.executors.ray.RayInstallation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs one action of the project's plugin, as {@code synapse run} does, in a JVM of its own on the project's
 * run-time class path: {@code mvn synapse:run -Dsynapse.action=process -Dsynapse.params='{"input_path":"/in"}'}.
 * LOCAL runs in that JVM; {@code -Dsynapse.mode=task} runs on a warm pool of Ray actors (this goal adds Ray's
 * jar from the installed Python ray and the JVM flags Ray needs) and {@code -Dsynapse.mode=job} submits a Ray
 * Job to the dashboard. The project is compiled first. The action's events go to standard error and its
 * result to standard output; a failure fails the build with the command line's exit code.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public final class RunMojo extends AbstractSynapseMojo {
  private static final String MAIN = "io.synapse.plugins.cli.SynapseCli";

  /** The action to run. */
  @Parameter(property = "synapse.action")
  private String action;

  /** Params as a JSON object. */
  @Parameter(property = "synapse.params")
  private String params;

  /** Params from a JSON or YAML file (merged under {@code synapse.params}). */
  @Parameter(property = "synapse.paramsFile")
  private File paramsFile;

  /** {@code local}, {@code task} or {@code job}. */
  @Parameter(property = "synapse.mode", defaultValue = "local")
  private String mode;

  /** The Ray GCS address for TASK mode (default: {@code RAY_ADDRESS}). */
  @Parameter(property = "synapse.rayAddress")
  private String rayAddress;

  /** How many warm actors TASK mode keeps. */
  @Parameter(property = "synapse.numActors")
  private Integer numActors;

  /**
   * The Ray dashboard URL: JOB mode submits there and TASK mode ships its code packages there (default:
   * {@code SYNAPSE_RAY_DASHBOARD}, else port 8265 of the head).
   */
  @Parameter(property = "synapse.dashboard")
  private String dashboard;

  /** A job id for tracking, passed to the action. */
  @Parameter(property = "synapse.jobId")
  private String jobId;

  /** Environment variables for the action, {@code KEY=VALUE} each (comma-separated on the command line). */
  @Parameter(property = "synapse.env")
  private List<String> env = new ArrayList<>();

  /** Print the result as JSON. */
  @Parameter(property = "synapse.json", defaultValue = "false")
  private boolean json;

  /** Extra options for the JVM that runs the action. */
  @Parameter(property = "synapse.jvmArgs")
  private List<String> jvmArgs = new ArrayList<>();

  /** The virtualenv Ray is installed in, for TASK mode (default: as {@link RayInstallation} finds it). */
  @Parameter(property = RayInstallation.VENV_PROPERTY)
  private String rayVenv;

  /** How long the run may take before it is stopped, in seconds. */
  @Parameter(property = "synapse.timeoutSeconds", defaultValue = "3600")
  private long timeoutSeconds;

  /** The plugin's own dependencies: the command line and what it needs. */
  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  private List<Artifact> pluginArtifacts;

  /** For Maven. */
  public RunMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping synapse:run (synapse.skip)");
      return;
    }
    PluginProject plugin = pluginProject();
    if (action == null || action.isBlank()) {
      CliBridge.Outcome actions = CliBridge.execute(plugin.newClassLoader(), List.of("actions", plugin.code()));
      throw new MojoFailureException("Name the action to run with -Dsynapse.action=NAME. Plugin " + plugin.code() + " has:\n"
          + actions.out().stripTrailing());
    }
    String normalizedMode = mode.toLowerCase(Locale.ROOT);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<Path> classPath = new ArrayList<>(classPath(plugin));
    if (normalizedMode.equals("task")) {
      command.addAll(RayActorExecutor.driverJvmFlags());
      classPath.add(rayJar());
    }
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
    command.add(MAIN);
    command.addAll(cliArguments(plugin.code(), normalizedMode));
    getLog().info("Running action " + action + " of plugin " + plugin.code() + " (" + normalizedMode + ")");
    int exit = run(command);
    if (exit != 0) {
      throw new MojoFailureException("Action " + action + " of plugin " + plugin.code() + " failed: synapse run exited with "
          + exit + " (" + ExitCodeNames.of(exit) + "); see its output above");
    }
  }

  private List<String> cliArguments(String code, String normalizedMode) {
    List<String> args = new ArrayList<>(List.of("run", code, action, "--mode", normalizedMode));
    if (params != null && !params.isBlank()) {
      args.addAll(List.of("--params", params));
    }
    if (paramsFile != null) {
      args.addAll(List.of("--params-file", paramsFile.getAbsolutePath()));
    }
    if (rayAddress != null && !rayAddress.isBlank()) {
      args.addAll(List.of("--ray-address", rayAddress));
    }
    if (numActors != null) {
      args.addAll(List.of("--num-actors", numActors.toString()));
    }
    if (dashboard != null && !dashboard.isBlank()) {
      args.addAll(List.of("--dashboard", dashboard));
    }
    if (jobId != null && !jobId.isBlank()) {
      args.addAll(List.of("--job-id", jobId));
    }
    for (String variable : env) {
      args.addAll(List.of("--env", variable));
    }
    if (json) {
      args.add("--json");
    }
    return args;
  }

  // The project's class path first, then the command line and what it needs, each library once.
  private List<Path> classPath(PluginProject plugin) {
    Set<Path> entries = new LinkedHashSet<>(plugin.classPath());
    Set<String> projectLibraries = new HashSet<>();
    for (Artifact artifact : project.getArtifacts()) {
      projectLibraries.add(artifact.getGroupId() + ":" + artifact.getArtifactId());
    }
    for (Artifact artifact : pluginArtifacts) {
      String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
      boolean ownJar = key.equals("io.synapse.plugins:synapse-maven-plugin");
      if (!ownJar && artifact.getFile() != null && !projectLibraries.contains(key)) {
        entries.add(artifact.getFile().toPath());
      }
    }
    return List.copyOf(entries);
  }

  private Path rayJar() throws MojoFailureException {
    try {
      return RayInstallation.find(System::getenv,
          key -> key.equals(RayInstallation.VENV_PROPERTY) && rayVenv != null ? rayVenv : System.getProperty(key)).rayJar();
    } catch (ConfigError e) {
      throw new MojoFailureException("TASK mode drives Ray from the forked JVM, but " + e.getMessage(), e);
    }
  }

  private int run(List<String> command) throws MojoExecutionException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.getBasedir()).inheritIO();
    try {
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new MojoExecutionException("Action " + action + " did not finish within " + timeoutSeconds
            + " s (synapse.timeoutSeconds); it was stopped");
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot start " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted while running action " + action, e);
    }
  }
}
