package io.synapse.plugins.cli;

import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.ray.JobInfo;
import io.synapse.plugins.executors.JobStatus;
import io.synapse.plugins.executors.ray.RayDefaults;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.spi.ActionDescriptor;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synapse job ...}: Ray jobs (JOB mode) on a cluster's dashboard. */
@Command(
    name = "job",
    header = "Inspect and control Ray jobs started with --mode job.",
    mixinStandardHelpOptions = true,
    description = "Lists, inspects, waits for and stops Ray jobs through the cluster's dashboard"
        + " (default: $SYNAPSE_RAY_DASHBOARD, else $RAY_ADDRESS if an http URL, else http://127.0.0.1:8265).",
    subcommands = {
      JobCommand.ListJobs.class,
      JobCommand.Status.class,
      JobCommand.Logs.class,
      JobCommand.Progress.class,
      JobCommand.Wait.class,
      JobCommand.Stop.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  synapse run examples/ray-plugin word-count -p lines=a,b --mode job --dashboard http://127.0.0.1:8265",
      "  synapse job status raysubmit_abc123",
      "  synapse job logs -f raysubmit_abc123",
      "  synapse job wait raysubmit_abc123 --timeout 10m --json",
      "  synapse job wait my-train-42 ./my_plugin --json",
      ExitCodes.FOOTER
    })
final class JobCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** The dashboard option every job command takes. */
  static final class DashboardOption {
    @Option(names = "--dashboard", paramLabel = "URL",
        description = "The Ray dashboard (default: $SYNAPSE_RAY_DASHBOARD, else $RAY_ADDRESS if an http URL,"
            + " else http://127.0.0.1:8265).")
    String url;

    @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "60s",
        description = "How long one request to the dashboard may take, its whole reply included (default: 60s).")
    String requestTimeout;

    RayJobExecutor executor() {
      return builder().build();
    }

    RayJobExecutor.Builder builder() {
      String dashboard = RayDefaults.current().jobDashboardUrl(url);
      return RayJobExecutor.builder().dashboardUrl(checked(dashboard)).requestTimeout(duration(requestTimeout, "--request-timeout"));
    }

    /** {@code url} if it parses as a URL; a usage error otherwise (the output masks its credentials). */
    static String checked(String url) {
      try {
        java.net.URI.create(url);
        return url;
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--dashboard is not a valid URL: " + e.getMessage());
      }
    }
  }

  /** The job's info as a JSON-like map. */
  static Map<String, Object> infoMap(JobInfo info) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("job_id", info.submissionId());
    map.put("status", info.status().name());
    map.put("message", info.message());
    map.put("metadata", info.metadata());
    return map;
  }

  @Command(name = "list", header = "List the cluster's jobs.", mixinStandardHelpOptions = true)
  static final class ListJobs implements Callable<Integer>, SynapseCli.MachineOutput {
    @Spec CommandSpec spec;
    @Mixin DashboardOption dashboard;
    @Option(names = "--json", description = "Print the jobs as JSON.") boolean json;

    @Override
    public boolean json() {
      return json;
    }

    @Override
    public Integer call() {
      List<JobInfo> jobs = dashboard.executor().list();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Object> list = new ArrayList<>();
        jobs.forEach(job -> list.add(infoMap(job)));
        out.println(Json.pretty(list));
      } else {
        TextTable table = new TextTable("JOB", "STATUS", "PLUGIN", "ACTION");
        for (JobInfo job : jobs) {
          table.row(job.submissionId(), job.status().name(), job.metadata().getOrDefault("synapse.plugin", ""),
              job.metadata().getOrDefault("synapse.action", ""));
        }
        out.println(table.render());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "status", header = "Print a job's status.", mixinStandardHelpOptions = true)
  static final class Status implements Callable<Integer>, SynapseCli.MachineOutput {
    @Spec CommandSpec spec;
    @Mixin DashboardOption dashboard;
    @Parameters(paramLabel = "JOB_ID") String id;
    @Option(names = "--json", description = "Print the job's info as JSON.") boolean json;

    @Override
    public boolean json() {
      return json;
    }

    @Override
    public Integer call() {
      JobInfo info = dashboard.executor().getInfo(id);
      PrintWriter out = spec.commandLine().getOut();
      out.println(json ? Json.pretty(infoMap(info)) : info.status().name());
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "logs", header = "Print a job's logs (-f: follow until it ends).", mixinStandardHelpOptions = true)
  static final class Logs implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DashboardOption dashboard;
    @Parameters(paramLabel = "JOB_ID") String id;
    @Option(names = {"-f", "--follow"}, description = "Follow the logs until the job ends.") boolean follow;

    @Override
    public Integer call() throws InterruptedException {
      RayJobExecutor executor = dashboard.executor();
      PrintWriter out = spec.commandLine().getOut();
      if (!follow) {
        executor.readLogs(id, out::print);
        out.flush();
        return ExitCodes.OK;
      }
      try {
        executor.tailLogs(id, chunk -> {
          out.print(chunk);
          out.flush();
        }).get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "progress", header = "Print a job's latest progress per category.", mixinStandardHelpOptions = true)
  static final class Progress implements Callable<Integer>, SynapseCli.MachineOutput {
    @Spec CommandSpec spec;
    @Mixin DashboardOption dashboard;
    @Parameters(paramLabel = "JOB_ID") String id;
    @Option(names = "--json", description = "Print the progress as JSON.") boolean json;

    @Override
    public boolean json() {
      return json;
    }

    @Override
    public Integer call() {
      Map<String, PluginEvent.Progress> progress = dashboard.executor().getProgress(id);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> map = new LinkedHashMap<>();
        progress.forEach((category, p) -> map.put(category,
            Map.of("current", p.current(), "total", p.total(), "percent", p.percent())));
        out.println(Json.pretty(map));
      } else {
        TextTable table = new TextTable("CATEGORY", "CURRENT", "TOTAL", "PERCENT");
        progress.forEach((category, p) -> table.row(category, String.valueOf(p.current()), String.valueOf(p.total()),
            String.format(Locale.ROOT, "%.0f%%", p.percent())));
        out.println(table.render());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "wait", header = "Wait for a job and print its result.", mixinStandardHelpOptions = true,
      description = {"Waits for a job and prints its result. A result is accepted only from a job submitted with this user's"
          + " result key (a file under the state directory: $SYNAPSE_STATE_DIR, else $XDG_STATE_HOME/synapse, else"
          + " ~/.local/state/synapse); any other job's result is an error (exit 5), whatever its log says.",
          "The result is read with PLUGIN when given, else with a plugin of the job's code on the class path"
              + " (SYNAPSE_CLASSPATH), else printed as the job wrote it. Nothing a job's metadata names is loaded."})
  static final class Wait implements Callable<Integer>, SynapseCli.MachineOutput {
    @Spec CommandSpec spec;
    @Mixin DashboardOption dashboard;
    @Parameters(index = "0", paramLabel = "JOB_ID") String id;
    @Parameters(index = "1", arity = "0..1", paramLabel = "PLUGIN", description = "The plugin that reads the result: " + Plugins.PLUGIN_HELP)
    String plugin;
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT1H",
        description = "How long to wait: ISO-8601 (PT10M) or 30s/10m/2h (default: 1h). The job keeps running after a timeout.")
    String timeout;
    @Option(names = "--json", description = "Print the result (or the error) as JSON.") boolean json;

    @Override
    public boolean json() {
      return json;
    }

    @Override
    public Integer call() {
      Duration limit = duration(timeout);
      PluginDiscovery given = plugin == null ? null : Plugins.discover(plugin);
      RayJobExecutor.Builder builder = dashboard.builder();
      if (given != null) {
        builder.plugin(given);
      }
      RayJobExecutor executor = builder.build();
      Object result = executor.wait(id, limit);
      // Verified: the job's metadata is the one its submitter wrote.
      Object value = result instanceof Record ? writeTyped(executor.getInfo(id), given, result) : result;
      PrintWriter out = spec.commandLine().getOut();
      out.println(json ? Json.pretty(value) : Json.human(value));
      out.flush();
      return ExitCodes.OK;
    }

    // A typed result means a plugin read it (the one given, or one of the job's code on the class path):
    // write it back with that plugin's descriptor.
    private static Object writeTyped(JobInfo info, PluginDiscovery given, Object result) {
      String code = info.metadata().get("synapse.plugin");
      String action = info.metadata().get("synapse.action");
      if (code != null && action != null) {
        try {
          PluginDiscovery plugin = given != null && given.config().code().equals(code) ? given : PluginDiscovery.fromModule(code);
          ActionDescriptor<?, ?> descriptor = plugin.descriptor(action);
          if (descriptor.actionClass().getClassLoader() == result.getClass().getClassLoader()) {
            return Plugins.writeResult(descriptor, result);
          }
        } catch (PluginError e) {
          // Not on this class path after all.
        }
      }
      return String.valueOf(result);
    }
  }

  @Command(name = "stop", header = "Stop a running job.", mixinStandardHelpOptions = true)
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DashboardOption dashboard;
    @Parameters(paramLabel = "JOB_ID") String id;

    @Override
    public Integer call() {
      boolean stopped = dashboard.executor().stop(id);
      PrintWriter out = spec.commandLine().getOut();
      out.println(stopped ? "Stopping job " + id : "Job " + id + " had already ended");
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** Parses {@code PT10M}, {@code 30s}, {@code 10m}, {@code 2h} or {@code 500ms} given to {@code --timeout}. */
  static Duration duration(String text) {
    return duration(text, "--timeout");
  }

  /** Parses {@code PT10M}, {@code 30s}, {@code 10m}, {@code 2h} or {@code 500ms} given to {@code option}. */
  static Duration duration(String text, String option) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("pt") || value.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      switch (value.charAt(value.length() - 1)) {
        case 's':
          return Duration.ofSeconds(amount);
        case 'm':
          return Duration.ofMinutes(amount);
        case 'h':
          return Duration.ofHours(amount);
        default:
          break;
      }
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      // Reported below.
    }
    throw CliException.usage(option + " must look like PT10M, 30s, 10m or 2h, not '" + text + "'");
  }
}
