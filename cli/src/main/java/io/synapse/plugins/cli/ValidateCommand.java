package io.synapse.plugins.cli;

import io.synapse.plugins.discovery.PluginDiscovery;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synapse validate PLUGIN ACTION}: binds params without running the action. */
@Command(
    name = "validate",
    header = "Check params without running the action.",
    mixinStandardHelpOptions = true,
    description = "Checks params against an action's rules without running it, listing every violation;"
        + " on success prints the params as the action would see them (defaults filled in, secrets masked).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  synapse validate examples/hello-plugin process -p inputPath=/in -p batchSize=0",
      "  synapse validate my_plugin train --params-file params.yaml --json",
      ExitCodes.FOOTER
    })
final class ValidateCommand implements Callable<Integer>, SynapseCli.MachineOutput {
  @ParentCommand SynapseCli root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLUGIN", description = Plugins.PLUGIN_HELP)
  String plugin;

  @Parameters(index = "1", paramLabel = "ACTION", description = "The action whose params to check.")
  String action;

  @Mixin ParamsOptions params;

  @Option(names = "--json", description = "Print the outcome as JSON on standard output.")
  boolean json;

  @Override
  public boolean json() {
    return json;
  }

  @Override
  public Integer call() {
    PluginDiscovery discovery = Plugins.discover(plugin);
    ParamsSchema schema = Plugins.paramsSchema(discovery, action);
    Map<String, Object> input = params.collect(schema);
    schema.collectSecrets(input, root.secrets());
    Map<String, Object> bound = Plugins.bindAndWrite(discovery.descriptor(action), input);
    schema.collectSecrets(bound, root.secrets());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> outcome = new LinkedHashMap<>();
      outcome.put("valid", true);
      outcome.put("params", bound);
      out.println(Json.pretty(outcome));
    } else {
      out.println("Params of action '" + action + "' of plugin '" + discovery.config().code() + "' are valid:");
      out.println(Json.human(bound));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
