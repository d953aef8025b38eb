package io.synapse.plugins.console;

import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.JobStatus;
import io.synapse.plugins.executors.ray.RayDefaults;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.spi.ActionDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs JOB runs: submits them with the runtime's {@link RayJobExecutor} (one per console, with its
 * dashboard and environment), then follows the job on the dashboard until it ends, publishing the
 * events the entrypoint reports and the new lines of its log, and finally the typed result (or the
 * typed error) {@link RayJobExecutor#wait} gives.
 */
final class JobFollower {
  /** How often a running job is asked about. */
  static final Duration POLL = Duration.ofMillis(500);
  /** How long a job may run before the console stops following it (the job goes on). */
  static final Duration FOLLOW_LIMIT = Duration.ofHours(24);

  private final ConsoleSettings settings;
  private RayJobExecutor executor;

  JobFollower(ConsoleSettings settings) {
    this.settings = settings;
  }

  private synchronized RayJobExecutor executor() {
    if (executor == null) {
      String dashboard = RayDefaults.current().jobDashboardUrl(settings.dashboardUrl());
      // Events are read from the job's log while it runs; wait() would replay them to its sink again.
      executor = RayJobExecutor.builder().dashboardUrl(dashboard).env(settings.env()).sink(EventSink.discarding()).build();
    }
    return executor;
  }

  /** Submits the run's job and follows it to its end. */
  void run(ConsoleRun run, PluginCatalog.Entry entry, ActionDescriptor<?, ?> descriptor, Map<String, Object> params)
      throws InterruptedException {
    RayJobExecutor jobs = executor();
    String id = jobs.submit(entry.discovery(), descriptor.config().name(), params).id();
    run.jobId(id);
    run.stopper(() -> jobs.stop(id));
    if (run.stopRequested()) {
      jobs.stop(id); // asked while the job was being submitted
    }
    int eventsSeen = 0;
    int linesSeen = 0;
    long deadline = System.nanoTime() + FOLLOW_LIMIT.toNanos();
    while (true) {
      JobStatus status = jobs.getStatus(id);
      List<PluginEvent> events = jobs.getEvents(id);
      for (int i = eventsSeen; i < events.size(); i++) {
        run.event(EventJson.event(events.get(i), run.redactor()));
      }
      eventsSeen = events.size();
      List<String> lines = run.redactor().redact(jobs.getLogs(id)).lines().toList();
      if (lines.size() > linesSeen) {
        run.logLines(List.copyOf(lines.subList(linesSeen, lines.size())));
        linesSeen = lines.size();
      }
      if (status.isTerminal() || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(POLL.toMillis());
    }
    try {
      Object result = jobs.wait(id, Duration.ofMinutes(1));
      Object wire = result instanceof Record ? RunLauncher.writeResult(descriptor, result) : result;
      run.succeed(run.redactor().redactValue(EventJson.plain(wire)));
    } catch (PluginError e) {
      run.fail(EventJson.error(e, run.redactor()), jobs.getStatus(id) == JobStatus.STOPPED);
    }
  }
}
