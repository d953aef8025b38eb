package io.synapse.plugins.cli;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.executors.ray.RayOptions;
import io.synapse.plugins.spi.ActionDescriptor;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synapse run PLUGIN ACTION}: runs an action and prints its result. */
@Command(
    name = "run",
    header = "Run an action and print its result.",
    mixinStandardHelpOptions = true,
    description = "Runs an action and prints its result (YAML for people, JSON with --json)."
        + " Progress and logs go to standard error; the result to standard output.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  synapse run examples/hello-plugin process -p input_path=/in.csv -p batch_size=64",
      "  synapse run examples/hello-plugin process --params '{\"input_path\": \"/in.csv\", \"batch_size\": 64}' --json",
      "  synapse run ./my_plugin train --params-file p.yaml -p size.width=3 -p tags=a,b",
      "  synapse run ./dist/my_plugin upload --env-file .env --env REGION=eu --json",
      "  synapse run ./my_plugin train --mode task --ray-address 127.0.0.1:6379   (needs Ray: scripts/ray.sh)",
      "  synapse run ./my_plugin train --mode job --dashboard http://10.0.0.5:8265 --working-dir ./data",
      ExitCodes.FOOTER
    })
final class RunCommand implements Callable<Integer>, SynapseCli.MachineOutput {
  @ParentCommand SynapseCli root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLUGIN", description = Plugins.PLUGIN_HELP)
  String plugin;

  @Parameters(index = "1", paramLabel = "ACTION", description = "The action name (see: synapse actions PLUGIN).")
  String action;

  @Mixin ParamsOptions params;
  @Mixin EnvOptions env;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "local", completionCandidates = Modes.class,
      description = "Where to run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--job-id", paramLabel = "ID", description = "The run's job id, passed to the action; in JOB mode the Ray"
      + " submission id (submitting the same request again returns that job).")
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

  @Option(names = "--json", description = "Print the result (or the error) as JSON on standard output.")
  boolean json;

  @Option(names = "--lang", paramLabel = "CODE",
      description = "The language of the action's messages (ISO 639-1, e.g. ko; default: $SYNAPSE_LANGUAGE of --env, else en).")
  String language;

  @Option(names = "--progress", paramLabel = "STYLE", defaultValue = "auto",
      description = "How events are shown on standard error: auto (live on a terminal, plain otherwise), live, plain, off.")
  String progress;

  @Override
  public boolean json() {
    return json;
  }

  @Override
  public Integer call() {
    ExecutionMode executionMode = ExecutionMode.of(mode);
    ProgressSink.Style style = progressStyle();
    PluginDiscovery discovery = Plugins.discover(plugin);
    ActionDescriptor<?, ?> descriptor = discovery.descriptor(action);
    ParamsSchema schema = Plugins.paramsSchema(discovery, action);
    Map<String, Object> input = params.collect(schema);
    schema.collectSecrets(input, root.secrets());
    Map<String, String> variables = env.collect(root.secrets());

    PrintWriter err = spec.commandLine().getErr();
    boolean debug = root.debug || spec.commandLine().getParseResult().hasMatchedOption("--debug");
    ProgressSink sink = new ProgressSink(err, style, debug);
    RunOptions.Builder options = RunOptions.builder().env(variables).sink(sink);
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
    Object result;
    try {
      result = PluginRunner.runPlugin(plugin, action, input, executionMode, options.build());
    } finally {
      sink.flush();
    }
    printResult(executionMode, descriptor, result);
    return ExitCodes.OK;
  }

  private void printResult(ExecutionMode executionMode, ActionDescriptor<?, ?> descriptor, Object result) {
    PrintWriter out = spec.commandLine().getOut();
    if (executionMode == ExecutionMode.JOB) {
      out.println(json ? Json.pretty(Map.of("job_id", String.valueOf(result)))
          : "Submitted job " + result + " (follow it with: synapse job logs -f " + result + ")");
    } else {
      Object value = Plugins.writeResult(descriptor, result);
      out.println(json ? Json.pretty(value) : Json.human(value));
    }
    out.flush();
  }

  private ProgressSink.Style progressStyle() {
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
