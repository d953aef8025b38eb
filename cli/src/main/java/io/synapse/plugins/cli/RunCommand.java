package io.synapse.plugins.cli;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
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

  @Option(names = "--json", description = "Print the result (or the error) as JSON on standard output.")
  boolean json;

  @Override
  public boolean json() {
    return json;
  }

  @Override
  public Integer call() {
    ExecutionMode executionMode = settings.executionMode();
    ProgressSink.Style style = settings.progressStyle(json);
    PluginDiscovery discovery = Plugins.discover(plugin);
    ActionDescriptor<?, ?> descriptor = discovery.descriptor(action);
    ParamsSchema schema = Plugins.paramsSchema(discovery, action);
    Map<String, Object> input = params.collect(schema);
    schema.collectSecrets(input, root.secrets());
    Map<String, String> variables = env.collect(root.secrets());

    PrintWriter err = spec.commandLine().getErr();
    boolean debug = root.debug || spec.commandLine().getParseResult().hasMatchedOption("--debug");
    ProgressSink sink = new ProgressSink(err, style, debug);
    RunOptions.Builder options = settings.apply(RunOptions.builder().env(variables).sink(sink));
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
}
