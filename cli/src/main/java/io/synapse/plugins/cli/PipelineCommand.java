package io.synapse.plugins.cli;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.pipeline.Pipelines;
import io.synapse.plugins.pipeline.store.ActionRecord;
import io.synapse.plugins.pipeline.store.RunRecord;
import io.synapse.plugins.pipeline.store.RunStores;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synapse pipeline ...}: runs declared pipelines and inspects, resumes and cancels their recorded runs. */
@Command(
    name = "pipeline",
    header = "Run pipelines and inspect, resume or cancel their runs.",
    mixinStandardHelpOptions = true,
    description = "Runs a plugin's declared pipeline (@PluginPipeline), recording the run and every action in the run store"
        + " (--store URL, default $SYNAPSE_PIPELINE_STORE, else SQLite under the user's state directory), and shows, resumes"
        + " and cancels recorded runs from any machine that reaches the store.",
    subcommands = {
      PipelineCommand.Run.class,
      PipelineCommand.Status.class,
      PipelineCommand.Resume.class,
      PipelineCommand.Cancel.class,
      PipelineCommand.ListRuns.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  synapse pipeline run examples/pipeline-plugin train_flow -p source_dir=/data/csv",
      "  synapse pipeline status 4f2a9c0d1e2b3a49 --watch",
      "  synapse pipeline resume 4f2a9c0d1e2b3a49 --mode task --ray-address 127.0.0.1:6379",
      "  synapse pipeline cancel 4f2a9c0d1e2b3a49",
      "  synapse pipeline list --store jdbc:postgresql://db:5432/runs?user=synapse",
      ExitCodes.FOOTER
    })
final class PipelineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** The run store option every pipeline command takes. */
  static final class StoreOption {
    @Option(names = "--store", paramLabel = "URL",
        description = "The run store: jdbc:sqlite:FILE, jdbc:postgresql://HOST:PORT/DB?user=..., or memory:NAME"
            + " (default: $SYNAPSE_PIPELINE_STORE, else SQLite under the user's state directory).")
    String url;

    RunOptions.Builder apply(RunOptions.Builder options) {
      if (url != null) {
        options.option(RunStores.OPTION, url);
      }
      return options;
    }
  }

  /** {@code synapse pipeline run PLUGIN NAME}. */
  @Command(name = "run", header = "Run a declared pipeline and print its last action's result.", mixinStandardHelpOptions = true)
  static final class Run implements Callable<Integer>, SynapseCli.MachineOutput {
    @ParentCommand PipelineCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLUGIN", description = Plugins.PLUGIN_HELP)
    String plugin;

    @Parameters(index = "1", paramLabel = "PIPELINE", description = "The pipeline's name (see: synapse actions PLUGIN).")
    String pipeline;

    @Mixin ParamsOptions params;
    @Mixin EnvOptions env;
    @Mixin RunSettings settings;
    @Mixin StoreOption store;

    @Option(names = "--run-id", paramLabel = "ID", description = "The new run's id (default: a random one).")
    String runId;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Where run directories go (see ctx().pipeline()).")
    String runDir;

    @Option(names = "--job-per-action", description = "With --mode job: each action as a job of its own, driven from here.")
    boolean jobPerAction;

    @Option(names = "--json", description = "Print the result (or the error) as JSON on standard output.")
    boolean json;

    @Override
    public boolean json() {
      return json;
    }

    @Override
    public Integer call() {
      SynapseCli root = (SynapseCli) spec.root().userObject();
      ExecutionMode mode = settings.executionMode();
      PluginDiscovery discovery = Plugins.discover(plugin);
      ParamsSchema schema = ParamsSchema.parse(discovery.getPipelineParamsSchema(pipeline));
      Map<String, Object> input = params.collect(schema);
      schema.collectSecrets(input, root.secrets());
      ProgressSink sink = new ProgressSink(spec.commandLine().getErr(), settings.progressStyle(json), root.debug);
      RunOptions.Builder options = store.apply(settings.apply(RunOptions.builder().env(env.collect(root.secrets())).sink(sink)));
      if (runId != null) {
        options.option(Pipelines.RUN_ID_OPTION, runId);
      }
      if (runDir != null) {
        options.option(Pipelines.RUN_DIR_OPTION, runDir);
      }
      if (jobPerAction) {
        options.option(Pipelines.JOB_PER_ACTION_OPTION, true);
      }
      Object result;
      try {
        result = PluginRunner.runPipeline(plugin, pipeline, input, mode, options.build());
      } finally {
        sink.flush();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (mode == ExecutionMode.JOB && !jobPerAction) {
        out.println(json ? Json.pretty(Map.of("run_id", String.valueOf(result)))
            : "Submitted pipeline run " + result + " as a Ray job (follow it with: synapse pipeline status --watch " + result + ")");
      } else {
        Object value = Pipelines.writeLastResult(io.synapse.plugins.pipeline.Pipeline.declared(discovery, pipeline), result);
        out.println(json ? Json.pretty(value) : Json.human(value));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code synapse pipeline status RUN_ID}. */
  @Command(name = "status", header = "Show a run: its status, overall progress and each action's.", mixinStandardHelpOptions = true)
  static final class Status implements Callable<Integer>, SynapseCli.MachineOutput {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id.")
    String runId;

    @Mixin StoreOption store;

    @Option(names = "--watch", description = "Show it again every second until the run ends (a live view from any machine).")
    boolean watch;

    @Option(names = "--json", description = "Print the run as JSON.")
    boolean json;

    @Override
    public boolean json() {
      return json;
    }

    @Override
    public Integer call() throws InterruptedException {
      RunOptions options = store.apply(RunOptions.builder()).build();
      PrintWriter out = spec.commandLine().getOut();
      RunRecord run = Pipelines.status(runId, options);
      while (true) {
        out.println(json ? Json.pretty(toMap(run)) : render(run));
        out.flush();
        if (!watch || run.status().isTerminal()) {
          return ExitCodes.OK;
        }
        Thread.sleep(1000);
        run = Pipelines.status(runId, options);
        if (!json) {
          out.println();
        }
      }
    }
  }

  /** {@code synapse pipeline resume RUN_ID}. */
  @Command(name = "resume", header = "Resume a run from its first action that did not complete.", mixinStandardHelpOptions = true)
  static final class Resume implements Callable<Integer>, SynapseCli.MachineOutput {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id.")
    String runId;

    @Option(names = "--plugin", paramLabel = "PLUGIN",
        description = "The plugin (default: the run's plugin code, on the class path: SYNAPSE_CLASSPATH).")
    String plugin;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
        description = "A secret initial param the store did not keep, given again (repeatable).")
    Map<String, String> secrets = new LinkedHashMap<>();

    @Mixin EnvOptions env;
    @Mixin RunSettings settings;
    @Mixin StoreOption store;

    @Option(names = "--json", description = "Print the result (or the error) as JSON on standard output.")
    boolean json;

    @Override
    public boolean json() {
      return json;
    }

    @Override
    public Integer call() {
      SynapseCli root = (SynapseCli) spec.root().userObject();
      secrets.forEach((key, value) -> root.secrets().add(value));
      ProgressSink sink = new ProgressSink(spec.commandLine().getErr(), settings.progressStyle(json), root.debug);
      RunOptions options = store.apply(settings.apply(RunOptions.builder().env(env.collect(root.secrets())).sink(sink))).build();
      PluginDiscovery discovery = plugin == null ? null : Plugins.discover(plugin);
      Object result;
      try {
        result = Pipelines.resume(discovery, runId, settings.executionMode(), options, new LinkedHashMap<String, Object>(secrets));
      } finally {
        sink.flush();
      }
      RunRecord run = Pipelines.status(runId, options);
      PluginDiscovery found = discovery != null ? discovery : PluginDiscovery.fromModule(run.plugin());
      Object value = Pipelines.writeLastResult(io.synapse.plugins.pipeline.Pipeline.declared(found, run.pipeline()), result);
      PrintWriter out = spec.commandLine().getOut();
      out.println(json ? Json.pretty(value) : Json.human(value));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code synapse pipeline cancel RUN_ID}. */
  @Command(name = "cancel", header = "Ask a run to stop: its current action is interrupted and the run ends cancelled.",
      mixinStandardHelpOptions = true)
  static final class Cancel implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id.")
    String runId;

    @Mixin StoreOption store;

    @Override
    public Integer call() {
      boolean asked = Pipelines.cancel(runId, store.apply(RunOptions.builder()).build());
      spec.commandLine().getOut().println(asked ? "Asked run " + runId + " to cancel" : "Run " + runId + " has ended already");
      return ExitCodes.OK;
    }
  }

  /** {@code synapse pipeline list}. */
  @Command(name = "list", header = "List the newest runs of the store.", mixinStandardHelpOptions = true)
  static final class ListRuns implements Callable<Integer>, SynapseCli.MachineOutput {
    @Spec CommandSpec spec;

    @Mixin StoreOption store;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the runs as JSON.")
    boolean json;

    @Override
    public boolean json() {
      return json;
    }

    @Override
    public Integer call() {
      List<RunRecord> runs = Pipelines.list(limit, store.apply(RunOptions.builder()).build());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Object> all = new ArrayList<>();
        runs.forEach(run -> all.add(toMap(run)));
        out.println(Json.pretty(all));
      } else {
        TextTable table = new TextTable("RUN", "PLUGIN", "PIPELINE", "STATUS", "PROGRESS", "MODE", "CREATED");
        for (RunRecord run : runs) {
          table.row(run.runId(), run.plugin(), run.pipeline(), run.status().value(), percent(run.progress()), run.mode(),
              String.valueOf(run.createdAt()));
        }
        out.println(table.render());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  static String render(RunRecord run) {
    StringBuilder text = new StringBuilder();
    text.append("run ").append(run.runId()).append(": pipeline ").append(run.pipeline()).append(" of ").append(run.plugin())
        .append(", ").append(run.status().value()).append(", ").append(percent(run.progress()))
        .append(run.mode() == null ? "" : ", mode " + run.mode()).append(run.jobId() == null ? "" : ", job " + run.jobId()).append('\n');
    TextTable table = new TextTable("#", "ACTION", "STATUS", "PROGRESS", "ATTEMPTS", "ERROR");
    for (ActionRecord action : run.actions()) {
      table.row(String.valueOf(action.index() + 1), action.action(), action.status().value(), bar(action.progress()),
          String.valueOf(action.attempts()), action.error() == null ? "" : String.valueOf(action.error().get("message")));
    }
    text.append(table.render());
    if (run.error() != null && run.error().get("message") != null && !String.valueOf(run.error().get("message")).isEmpty()) {
      text.append("\nerror: ").append(run.error().get("message"));
    }
    return text.toString();
  }

  static Map<String, Object> toMap(RunRecord run) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("run_id", run.runId());
    map.put("plugin", run.plugin());
    map.put("pipeline", run.pipeline());
    map.put("status", run.status().value());
    map.put("progress", run.progress());
    map.put("mode", run.mode());
    map.put("job_id", run.jobId());
    map.put("created_at", String.valueOf(run.createdAt()));
    map.put("updated_at", String.valueOf(run.updatedAt()));
    map.put("initial_params", run.initialParams());
    List<Object> actions = new ArrayList<>();
    for (ActionRecord action : run.actions()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("index", action.index());
      item.put("action", action.action());
      item.put("status", action.status().value());
      item.put("progress", action.progress());
      item.put("attempts", action.attempts());
      item.put("result", action.result());
      item.put("error", action.error());
      actions.add(item);
    }
    map.put("actions", actions);
    map.put("result", run.result());
    map.put("error", run.error());
    return map;
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }

  private static String bar(double fraction) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 10);
    return "[" + "#".repeat(filled) + ".".repeat(10 - filled) + "] " + percent(fraction);
  }
}
