package io.synapse.plugins.cli;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.ray.RayJobBackend;
import io.synapse.plugins.spi.ActionDescriptor;
import java.io.PrintWriter;
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
      "  synapse run ./my_plugin train --mode job --follow --json     (submit, show its events and log live, print the result)",
      "  synapse run ./my_plugin train --mode auto                    (where its @PluginAction(method = ...) says)",
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

  @Mixin RunSettings settings;

  @Option(names = "--wait", description = "--mode job: wait for the job and print its result, as a local run does"
      + " (the job id goes to standard error; its events are shown when it ends).")
  boolean waitForJob;

  @Option(names = "--follow", description = "--mode job: show the job's events and log lines live on standard error while"
      + " waiting (implies --wait).")
  boolean follow;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT1H",
      description = "How long --wait waits: ISO-8601 (PT10M) or 30s/10m/2h (default: 1h). The job keeps running after a timeout.")
  String timeout;

  @Option(names = "--json", description = "Print the result (or the error) as JSON on standard output.")
  boolean json;

  @Override
  public boolean json() {
    return json;
  }

  @Override
  public Integer call() {
    boolean auto = settings.isAuto();
    ExecutionMode given = auto ? null : settings.executionMode();
    ProgressSink.Style style = settings.progressStyle(json);
    if ((waitForJob || follow) && given != null && given != ExecutionMode.JOB) {
      throw CliException.usage((follow ? "--follow" : "--wait") + " applies to --mode job; local and task runs always wait");
    }
    java.time.Duration waitTimeout = JobCommand.duration(timeout);
    PluginDiscovery discovery = Plugins.discover(plugin);
    ActionDescriptor<?, ?> descriptor = discovery.descriptor(action);
    ExecutionMode executionMode = auto ? declaredMode(descriptor) : given;
    boolean waiting = (waitForJob || follow) && executionMode == ExecutionMode.JOB;
    ParamsSchema schema = Plugins.paramsSchema(discovery, action);
    Map<String, Object> input = params.collect(schema);
    schema.collectSecrets(input, root.secrets());
    Map<String, String> variables = env.collect(root.secrets());

    PrintWriter err = spec.commandLine().getErr();
    boolean debug = root.debug || spec.commandLine().getParseResult().hasMatchedOption("--debug");
    ProgressSink sink = new ProgressSink(err, style, debug);
    RunOptions.Builder options = settings.apply(RunOptions.builder().env(variables).sink(sink));
    Object result;
    RunOptions runOptions = options.build();
    try {
      result = PluginRunner.runPlugin(plugin, action, input, executionMode, runOptions);
      if (waiting) {
        result = JobFollower.await(RayJobBackend.executor(runOptions), String.valueOf(result), waitTimeout, follow, debug, sink, err);
      }
    } catch (PluginError e) {
      throw settings.explained(e);
    } finally {
      sink.flush();
    }
    printResult(waiting ? ExecutionMode.LOCAL : executionMode, descriptor, result);
    return ExitCodes.OK;
  }

  // --mode auto: where the platform would run the action, as its @PluginAction(method = ...) says.
  private ExecutionMode declaredMode(ActionDescriptor<?, ?> descriptor) {
    RunMethod method = descriptor.config().method();
    ExecutionMode chosen = switch (method) {
      case JOB -> ExecutionMode.JOB;
      case TASK -> ExecutionMode.TASK;
      case SERVE, RESTAPI -> throw CliException.usage("--mode auto: action '" + descriptor.config().name() + "' declares method "
          + method.value() + ", which this runtime does not run (Ray Serve has no Java API); choose --mode local, task or job");
    };
    PrintWriter err = spec.commandLine().getErr();
    err.println("Running " + descriptor.config().name() + " in " + chosen.value() + " mode (its declared method; --mode auto)");
    err.flush();
    return chosen;
  }

  private void printResult(ExecutionMode executionMode, ActionDescriptor<?, ?> descriptor, Object result) {
    PrintWriter out = spec.commandLine().getOut();
    if (executionMode == ExecutionMode.JOB) {
      out.println(json ? Json.pretty(Map.of("job_id", String.valueOf(result)))
          : "Submitted job " + result + " (follow it with: synapse job logs -f " + result + ")");
    } else {
      Object value = result instanceof Record ? Plugins.writeResult(descriptor, result) : result;
      out.println(json ? Json.pretty(value) : Json.human(value));
    }
    out.flush();
  }
}
