package io.synapse.plugins.cli;

import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.config.PluginConfig;
import io.synapse.plugins.discovery.PluginDiscovery;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synapse describe PLUGIN [ACTION]}: the plugin's configuration and each action's params. */
@Command(
    name = "describe",
    header = "Show a plugin's configuration and its actions' params.",
    mixinStandardHelpOptions = true,
    description = "Shows a plugin's configuration and, for each action (or only ACTION), a table of its params"
        + " (name, type, required, default, constraints, description) read from the generated schema; the fields"
        + " of nested records, of list elements (layers[].size) and of map values (labels.<key>.score) follow"
        + " their field, indented.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  synapse describe examples/hello-plugin",
      "  synapse describe examples/hello-plugin count-lines",
      ExitCodes.FOOTER
    })
final class DescribeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLUGIN", description = Plugins.PLUGIN_HELP)
  String plugin;

  @Parameters(index = "1", paramLabel = "ACTION", arity = "0..1", description = "Only this action.")
  String action;

  @Override
  public Integer call() {
    PluginDiscovery discovery = Plugins.discover(plugin);
    PluginConfig config = discovery.config();
    List<ActionConfig> actions = action == null ? config.actions() : List.of(discovery.getActionConfig(action));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Plugin " + config.code() + " " + config.version() + ": " + config.name());
    out.println("  category:    " + config.category().value());
    out.println("  package:     " + config.packageName());
    out.println("  description: " + config.description());
    discovery.source().ifPresent(source -> out.println("  source:      " + source));
    out.println("  actions:     " + String.join(", ", config.actionNames()));
    for (ActionConfig each : actions) {
      out.println();
      describeAction(out, discovery, each);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void describeAction(PrintWriter out, PluginDiscovery discovery, ActionConfig action) {
    out.println("Action " + action.name() + ": " + action.title());
    out.println("  description: " + action.description());
    out.println("  method:      " + action.method().value());
    out.println("  category:    " + action.category().value());
    if (!action.inputType().isEmpty() || !action.outputType().isEmpty()) {
      out.println("  input/output types: " + action.inputType() + " -> " + action.outputType());
    }
    out.println("  params:      " + action.paramsType());
    out.println("  result:      " + action.resultType());
    List<ParamsSchema.ParamRow> rows = Plugins.paramsSchema(discovery, action.name()).rows();
    if (rows.isEmpty()) {
      out.println("  (no params)");
      return;
    }
    TextTable table = new TextTable("PARAM", "TYPE", "REQUIRED", "DEFAULT", "CONSTRAINTS", "DESCRIPTION");
    for (ParamsSchema.ParamRow row : rows) {
      table.row("  ".repeat(row.depth()) + row.name(), row.type(), row.required() ? "yes" : "no", row.defaultValue(), row.constraints(), row.description());
    }
    for (String line : table.render().split("\n")) {
      out.println("  " + line);
    }
  }
}
