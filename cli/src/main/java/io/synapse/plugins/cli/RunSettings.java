package io.synapse.plugins.cli;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.executors.ray.RayOptions;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where and how a run goes, the options {@code synapse run} and {@code synapse pipeline run|resume} share: the
 * mode, the Ray cluster, the working directory, the job id, the language and how progress is shown.
 */
final class RunSettings {
  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "local", completionCandidates = Modes.class,
      description = "Where to run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--job-id", paramLabel = "ID", description = "A job id for tracking, passed to the action.")
  String jobId;

  @Option(names = "--ray-address", paramLabel = "HOST:PORT",
      description = "The Ray cluster's GCS address for --mode task (default: RAY_ADDRESS).")
  String rayAddress;

  @Option(names = "--num-actors", paramLabel = "N", description = "How many warm actors --mode task keeps (default: 1).")
  Integer numActors;

  @Option(names = "--dashboard", paramLabel = "URL",
      description = "The Ray dashboard: --mode job submits there, --mode task uploads its code packages there"
          + " (default: $SYNAPSE_RAY_DASHBOARD; else for job http://127.0.0.1:8265, for task the cluster head's port 8265).")
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

  /** The mode given. */
  ExecutionMode executionMode() {
    return ExecutionMode.of(mode);
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
    String dashboardUrl = dashboard != null ? dashboard : System.getenv("SYNAPSE_RAY_DASHBOARD");
    if (dashboardUrl != null) {
      options.option(RayOptions.DASHBOARD_URL, JobCommand.DashboardOption.checked(dashboardUrl));
    }
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
      return List.of("local", "task", "job").iterator();
    }
  }
}
