package io.synapse.plugins.cli;

import io.synapse.plugins.console.ConsoleServer;
import io.synapse.plugins.console.ConsoleSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synapse console PLUGIN...}: a local web console for the plugins' actions. */
@Command(
    name = "console",
    header = "Serve a local web console: the actions' params forms, runs with live progress, jobs.",
    mixinStandardHelpOptions = true,
    description = "Serves a web console for the plugins given: each action's params as a form built from its"
        + " generated schema (secrets as password fields), validated with the action's binder, run local, task or"
        + " job with live progress, metrics, logs and the typed result. It listens on 127.0.0.1 on a free port and"
        + " prints its URL; --host with any other address asks every request for a token it prints."
        + " Stop it with Ctrl-C.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  synapse console examples/hello-plugin examples/steps-plugin",
      "  synapse console ./my_plugin --env-file .env --dashboard http://127.0.0.1:8265",
      "  synapse console ./my_plugin --host 0.0.0.0 --port 8080   (prints a URL with its token)",
      ExitCodes.FOOTER
    })
final class ConsoleCommand implements Callable<Integer> {
  @ParentCommand SynapseCli root;
  @Spec CommandSpec spec;

  @Parameters(index = "0..*", arity = "1..*", paramLabel = "PLUGIN", description = Plugins.PLUGIN_HELP)
  List<String> plugins;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ConsoleSettings.LOOPBACK,
      description = "The address to listen on (default: ${DEFAULT-VALUE}); any address but loopback asks for a token.")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", description = "The port (default: a free one).")
  int port;

  @Mixin EnvOptions env;

  @Option(names = "--ray-address", paramLabel = "HOST:PORT",
      description = "The Ray cluster's GCS address for task runs (default: RAY_ADDRESS).")
  String rayAddress;

  @Option(names = "--dashboard", paramLabel = "URL",
      description = "The Ray dashboard: job runs are submitted there, task runs upload their code there"
          + " (default: $SYNAPSE_RAY_DASHBOARD, else http://127.0.0.1:8265 for jobs).")
  String dashboard;

  @Option(names = "--num-actors", paramLabel = "N", description = "How many warm actors task runs keep (default: 1).")
  Integer numActors;

  @Option(names = "--store", paramLabel = "URL",
      description = "The pipeline run store (default: $SYNAPSE_PIPELINE_STORE, else SQLite under the state directory).")
  String store;

  /** Released by tests to stop a console started in process; the command line stops on Ctrl-C. */
  static volatile CountDownLatch stopSignal;
  /** The URL of the console last started in this JVM, for tests that start one in process. */
  static volatile java.net.URI lastUrl;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw CliException.usage("--port must be between 0 and 65535");
    }
    Map<String, String> variables = env.collect(root.secrets());
    String dashboardUrl = dashboard != null ? dashboard : System.getenv("SYNAPSE_RAY_DASHBOARD");
    ConsoleSettings settings = new ConsoleSettings(plugins, host, port, variables, rayAddress,
        dashboardUrl == null ? null : JobCommand.DashboardOption.checked(dashboardUrl), numActors, store);
    CountDownLatch stop = new CountDownLatch(1);
    stopSignal = stop;
    // The console's log goes to standard error, which masks this command line's secrets and those
    // typed into the console's forms (each run tells them before it starts).
    try (ConsoleServer console = ConsoleServer.start(settings, System.err, root.secrets()::add)) {
      Thread hook = new Thread(stop::countDown, "synapse-console-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      PrintWriter out = spec.commandLine().getOut();
      out.println("Synapse console for " + String.join(", ", plugins) + " at " + console.url());
      if (console.token().isPresent()) {
        out.println("Every request must carry its token: open the URL above, or send 'Authorization: Bearer <token>'.");
      }
      out.println("Stop it with Ctrl-C.");
      out.flush();
      lastUrl = console.url();
      stop.await();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Shutting down already.
      }
    } finally {
      lastUrl = null;
    }
    return ExitCodes.OK;
  }
}
