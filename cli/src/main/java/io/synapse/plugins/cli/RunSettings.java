package io.synapse.plugins.cli;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.ray.RayDefaults;
import io.synapse.plugins.executors.ray.RayOptions;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where and how a run goes, the options {@code synapse run} and {@code synapse pipeline run|resume} share: the
 * mode, the Ray cluster, the working directory, the job id, the language and how progress is shown.
 */
final class RunSettings {
  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "local", completionCandidates = Modes.class,
      description = "Where to run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). auto (synapse run only) runs the"
          + " action as its @PluginAction(method = ...) says: job as a Ray Job, task on a warm pool.")
  String mode;

  @Option(names = "--job-id", paramLabel = "ID", description = "The run's job id, passed to the action; in JOB mode the Ray"
      + " submission id (submitting the same request again returns that job).")
  String jobId;

  @Option(names = "--ray-address", paramLabel = "HOST:PORT",
      description = "The Ray cluster's GCS address for --mode task (default: -Dray.address, else $RAY_ADDRESS unless an http URL).")
  String rayAddress;

  @Option(names = "--num-actors", paramLabel = "N", description = "How many warm actors --mode task keeps (default: 1).")
  Integer numActors;

  @Option(names = "--dashboard", paramLabel = "URL",
      description = "The Ray dashboard: --mode job submits there, --mode task uploads its code packages there"
          + " (default: $SYNAPSE_RAY_DASHBOARD, else $RAY_ADDRESS if an http URL; else for job http://127.0.0.1:8265,"
          + " for task the cluster head's port 8265).")
  String dashboard;

  @Option(names = "--working-dir", paramLabel = "DIR",
      description = "The run's working directory: local runs use it in place, task and job ship it to the cluster;"
          + " the action sees it as ctx().workingDir() and relative Path params resolve against it.")
  java.nio.file.Path workingDir;

  @Option(names = "--lang", paramLabel = "CODE",
      description = "The language of the action's messages (ISO 639-1, e.g. ko; default: $SYNAPSE_LANGUAGE of --env, else en).")
  String language;

  @Option(names = "--progress", paramLabel = "STYLE", defaultValue = "auto",
      description = "How events are shown on standard error: auto (live on a terminal, plain otherwise), live, plain, off.")
  String progress;

  /** {@code --mode auto}: the mode of the action's declared {@code @PluginAction(method = ...)} ({@code synapse run} only). */
  static final String AUTO = "auto";

  /** Whether {@code --mode auto} was given. */
  boolean isAuto() {
    return AUTO.equalsIgnoreCase(mode.strip());
  }

  /**
   * The mode given.
   *
   * @throws CliException (usage) for an unknown mode, and for {@code auto}, which only {@code synapse run} resolves
   */
  ExecutionMode executionMode() {
    if (isAuto()) {
      throw CliException.usage("--mode auto runs an action where its @PluginAction(method = ...) says; here give --mode local, task or job");
    }
    try {
      return ExecutionMode.of(mode);
    } catch (PluginError e) {
      throw CliException.usage("Unknown execution mode '" + mode + "': use one of " + String.join(", ", new Modes()));
    }
  }

  /**
   * {@code error} as the command line says it: the Ray backends' missing-address error names the Java
   * builder, the command line names its own {@code --ray-address}.
   */
  PluginError explained(PluginError error) {
    if (!RayDefaults.isMissingAddress(error)) {
      return error;
    }
    return new PluginError(error.code(), RayDefaults.current().missingAddressReason() + " for --mode task: give --ray-address"
        + " HOST:PORT or set RAY_ADDRESS (scripts/ray.sh start prints one; eval \"$(scripts/ray.sh env)\" sets it)",
        error.details(), error);
  }

  /** Sets the job id, working directory, language and Ray options given on {@code options}. */
  RunOptions.Builder apply(RunOptions.Builder options) {
    if (jobId != null) {
      options.jobId(jobId);
    }
    if (workingDir != null) {
      if (!java.nio.file.Files.isDirectory(workingDir)) {
        throw CliException.usage("--working-dir " + workingDir + " is not a directory");
      }
      options.workingDir(workingDir);
    }
    if (language != null) {
      try {
        options.language(language);
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--lang " + e.getMessage());
      }
    }
    if (rayAddress != null) {
      options.option(RayOptions.ADDRESS, rayAddress);
    }
    if (numActors != null) {
      options.option(RayOptions.NUM_ACTORS, numActors);
    }
    RayDefaults.current().dashboardUrl(dashboard)
        .ifPresent(url -> options.option(RayOptions.DASHBOARD_URL, JobCommand.DashboardOption.checked(url)));
    return options;
  }

  /** How events are shown, from {@code --progress} ({@code json} output keeps standard error plain). */
  ProgressSink.Style progressStyle(boolean json) {
    return switch (progress.toLowerCase(java.util.Locale.ROOT)) {
      case "auto" -> json || System.console() == null ? ProgressSink.Style.PLAIN : ProgressSink.Style.LIVE;
      case "live" -> ProgressSink.Style.LIVE;
      case "plain" -> ProgressSink.Style.PLAIN;
      case "off" -> ProgressSink.Style.OFF;
      default -> throw CliException.usage("--progress must be one of auto, live, plain, off");
    };
  }

  /** The execution modes, for help and completion. */
  static final class Modes implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("local", "task", "job", AUTO).iterator();
    }
  }
}
