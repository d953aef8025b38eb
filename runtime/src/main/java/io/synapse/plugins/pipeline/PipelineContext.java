package io.synapse.plugins.pipeline;

import io.synapse.plugins.context.PluginEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What an action running in a pipeline knows of its run, as {@code ctx().pipeline()}: the run id, the
 * pipeline, and the run directory the run's actions share, with its conventional folders ({@code datasets},
 * {@code models}, {@code artifacts}, {@code logs}) and a folder per action ({@code actions/<action>}). Each
 * directory is created when it is first asked for, so a run whose actions use none leaves none.
 *
 * <p>Where the run directory is: the run option {@code pipeline.run_dir} (a directory every node sees, for
 * a multi-node cluster), else inside the run's working directory ({@code .synapse-runs/<run id>}, so it
 * travels with the run to a TASK worker or a JOB as the working directory does), else under the user's state
 * directory ({@code pipeline-runs/<run id>}). The pipeline gives its actions these facts through their
 * environment ({@value #RUN_ID}, {@value #PIPELINE}, {@value #RUN_DIR}), which is how they reach TASK
 * workers and JOB entrypoints.
 */
public final class PipelineContext {
  /** The environment variable holding the run id. */
  public static final String RUN_ID = "SYNAPSE_PIPELINE_RUN_ID";
  /** The environment variable holding the pipeline's name. */
  public static final String PIPELINE = "SYNAPSE_PIPELINE_NAME";
  /** The environment variable holding the run directory (relative ones resolve against the working directory). */
  public static final String RUN_DIR = "SYNAPSE_PIPELINE_RUN_DIR";

  private final String runId;
  private final String pipeline;
  private final String action;
  private final Path runDir;

  /** The context of action {@code action} in run {@code runId} of {@code pipeline}, sharing {@code runDir}. */
  public PipelineContext(String runId, String pipeline, String action, Path runDir) {
    this.runId = Objects.requireNonNull(runId, "runId");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.action = Objects.requireNonNull(action, "action");
    this.runDir = runDir.toAbsolutePath().normalize();
  }

  /**
   * The context an environment describes, for action {@code action} with working directory {@code workingDir}
   * (against which a relative run directory resolves); empty when the environment names no run.
   */
  public static Optional<PipelineContext> fromEnvironment(PluginEnvironment env, String action, Path workingDir) {
    Optional<String> runId = env.get(RUN_ID).filter(id -> !id.isBlank());
    if (runId.isEmpty()) {
      return Optional.empty();
    }
    Path dir = Path.of(env.get(RUN_DIR).filter(d -> !d.isBlank()).orElse(".synapse-runs/" + runId.get()));
    return Optional.of(new PipelineContext(runId.get(), env.get(PIPELINE).orElse(""), action, workingDir.resolve(dir)));
  }

  /** The run's id: the same for every action of the run and for every resume of it. */
  public String runId() {
    return runId;
  }

  /** The pipeline's name. */
  public String pipeline() {
    return pipeline;
  }

  /** The running action's name. */
  public String action() {
    return action;
  }

  /** The run directory, created if missing. */
  public Path runDir() {
    return created(runDir);
  }

  /** {@code datasets/} of the run directory, for downloaded and converted data; created if missing. */
  public Path datasetsDir() {
    return created(runDir.resolve("datasets"));
  }

  /** {@code models/} of the run directory, for trained models and weights; created if missing. */
  public Path modelsDir() {
    return created(runDir.resolve("models"));
  }

  /** {@code artifacts/} of the run directory, for outputs and exports; created if missing. */
  public Path artifactsDir() {
    return created(runDir.resolve("artifacts"));
  }

  /** {@code logs/} of the run directory; created if missing. */
  public Path logsDir() {
    return created(runDir.resolve("logs"));
  }

  /** The running action's own folder, {@code actions/<action>} of the run directory; created if missing. */
  public Path actionDir() {
    return created(runDir.resolve("actions").resolve(action));
  }

  /** Where the run directory is, without creating it. */
  public Path runDirPath() {
    return runDir;
  }

  /** Whether a cancellation of the run was asked for (an action may check it between pieces of work). */
  public boolean isCancelRequested() {
    return Cancellations.isRequested(runId);
  }

  private static Path created(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the pipeline run directory " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "PipelineContext[run " + runId + ", pipeline " + pipeline + ", action " + action + ", dir " + runDir + "]";
  }
}
