package io.synapse.plugins.cli;

import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.executors.ray.JobInfo;
import io.synapse.plugins.executors.ray.JobStatus;
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
        + " (default: $SYNAPSE_RAY_DASHBOARD, else http://127.0.0.1:8265).",
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
        description = "The Ray dashboard (default: $SYNAPSE_RAY_DASHBOARD, else http://127.0.0.1:8265).")
    String url;

    RayJobExecutor executor() {
      String dashboard = url != null ? url : System.getenv().getOrDefault("SYNAPSE_RAY_DASHBOARD", RayJobExecutor.DEFAULT_DASHBOARD_URL);
      return RayJobExecutor.builder().dashboardUrl(checked(dashboard)).build();
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
        out.print(executor.getLogs(id));
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

  @Command(name = "wait", header = "Wait for a job and print its result.", mixinStandardHelpOptions = true)
  static final class Wait implements Callable<Integer>, SynapseCli.MachineOutput {
    @Spec CommandSpec spec;
    @Mixin DashboardOption dashboard;
    @Parameters(paramLabel = "JOB_ID") String id;
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
      RayJobExecutor executor = dashboard.executor();
      Object result = executor.wait(id, duration(timeout));
      Object value = result instanceof Record ? writeTyped(executor.getInfo(id), result) : result;
      PrintWriter out = spec.commandLine().getOut();
      out.println(json ? Json.pretty(value) : Json.human(value));
      out.flush();
      return ExitCodes.OK;
    }

    // A typed result means the job's plugin was found here (by its source path or code): write it
    // back with that plugin's descriptor.
    private static Object writeTyped(JobInfo info, Object result) {
      String action = info.metadata().get("synapse.action");
      for (String key : List.of("synapse.plugin_source", "synapse.plugin")) {
        String plugin = info.metadata().get(key);
        if (plugin != null && action != null) {
          try {
            ActionDescriptor<?, ?> descriptor = PluginRunner.discover(plugin).descriptor(action);
            if (descriptor.actionClass().getClassLoader() == result.getClass().getClassLoader()) {
              return Plugins.writeResult(descriptor, result);
            }
          } catch (PluginError e) {
            // Try the next way of naming the plugin.
          }
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

  /** Parses {@code PT10M}, {@code 30s}, {@code 10m}, {@code 2h} or {@code 500ms}. */
  static Duration duration(String text) {
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
    throw CliException.usage("--timeout must look like PT10M, 30s, 10m or 2h, not '" + text + "'");
  }
}
