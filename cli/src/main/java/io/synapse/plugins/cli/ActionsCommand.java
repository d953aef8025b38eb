package io.synapse.plugins.cli;

import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.discovery.PluginDiscovery;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synapse actions PLUGIN}: the plugin's actions as a table. */
@Command(
    name = "actions",
    header = "List a plugin's actions.",
    mixinStandardHelpOptions = true,
    description = "Lists a plugin's actions with their title, method, category and description, then its declared"
        + " pipelines (with --json: the actions only).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  synapse actions examples/hello-plugin",
      "  synapse actions ./dist/my_plugin --json",
      ExitCodes.FOOTER
    })
final class ActionsCommand implements Callable<Integer>, SynapseCli.MachineOutput {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLUGIN", description = Plugins.PLUGIN_HELP)
  String plugin;

  @Option(names = "--json", description = "Print the actions as JSON.")
  boolean json;

  @Override
  public boolean json() {
    return json;
  }

  @Override
  public Integer call() {
    PluginDiscovery discovery = Plugins.discover(plugin);
    PrintWriter out = spec.commandLine().getOut();
    List<ActionConfig> actions = discovery.config().actions();
    if (json) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (ActionConfig action : actions) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", action.name());
        entry.putAll(action.toMap());
        list.add(entry);
      }
      out.println(Json.pretty(list));
    } else {
      TextTable table = new TextTable("ACTION", "TITLE", "METHOD", "CATEGORY", "DESCRIPTION");
      for (ActionConfig action : actions) {
        table.row(action.name(), action.title(), action.method().value(), action.category().value(), action.description());
      }
      out.println(table.render());
      if (!discovery.config().pipelines().isEmpty()) {
        TextTable pipelines = new TextTable("PIPELINE", "TITLE", "ACTIONS", "DESCRIPTION");
        for (io.synapse.plugins.discovery.PipelineConfig pipeline : discovery.config().pipelines()) {
          pipelines.row(pipeline.name(), pipeline.title(), String.join(" | ", pipeline.actions()), pipeline.description());
        }
        out.println();
        out.println(pipelines.render());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
