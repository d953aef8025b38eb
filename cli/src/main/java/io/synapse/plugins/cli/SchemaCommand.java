package io.synapse.plugins.cli;

import io.synapse.plugins.discovery.PluginDiscovery;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synapse schema PLUGIN ACTION}: the generated JSON Schema. */
@Command(
    name = "schema",
    header = "Print an action's params (or result) JSON Schema.",
    mixinStandardHelpOptions = true,
    description = "Prints the JSON Schema (draft 2020-12) of an action's params, or of its result with --result,"
        + " as generated at compile time.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  synapse schema examples/hello-plugin process > process.params.schema.json",
      "  synapse schema examples/hello-plugin process --result",
      ExitCodes.FOOTER
    })
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLUGIN", description = Plugins.PLUGIN_HELP)
  String plugin;

  @Parameters(index = "1", paramLabel = "ACTION", description = "The action.")
  String action;

  @Option(names = "--result", description = "The result's schema instead of the params'.")
  boolean result;

  @Override
  public Integer call() {
    PluginDiscovery discovery = Plugins.discover(plugin);
    String schema = result ? discovery.getActionResultSchema(action) : discovery.getActionParamsSchema(action);
    PrintWriter out = spec.commandLine().getOut();
    out.println(schema.stripTrailing());
    out.flush();
    return ExitCodes.OK;
  }
}
