package io.synapse.plugins.kits.jobs;

import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.client.BackendClient;
import io.synapse.plugins.observation.RunInfo;
import io.synapse.plugins.observation.RunObserver;
import io.synapse.plugins.observation.RunScope;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Reports kit runs that have a job id to that job on the run's backend (a {@link JobReporter}): listed for
 * {@link java.util.ServiceLoader} as a run observer, it watches every run this JVM executes with a job id, and a
 * kit attaches its backend client when its context is made ({@link #attach}), so only kit runs are reported, each
 * to the backend it works with (the local tree, or the platform over HTTP). {@value #VARIABLE}={@code off} (or
 * {@code false}, {@code 0}, {@code no}) in the run's environment turns it off; {@value #INTERVAL_VARIABLE} sets the
 * least milliseconds between two progress updates (default 1000).
 */
public final class JobReporting implements RunObserver {
  /** The variable that turns job reporting off. */
  public static final String VARIABLE = "SYNAPSE_JOB_REPORTING";
  /** The variable with the least milliseconds between two progress/metrics updates. */
  public static final String INTERVAL_VARIABLE = "SYNAPSE_JOB_REPORT_INTERVAL_MS";
  private static final Set<String> OFF = Set.of("off", "false", "0", "no");
  private static final ThreadLocal<Watched> CURRENT = new ThreadLocal<>();

  /** For {@link java.util.ServiceLoader}. */
  public JobReporting() {}

  @Override
  public RunScope runStarted(RunInfo run) {
    if (run.role() != RunInfo.Role.EXECUTOR || run.jobId() == null || run.jobId().isBlank()) {
      return RunScope.NONE;
    }
    Watched watched = new Watched(run.jobId(), CURRENT.get());
    CURRENT.set(watched);
    return watched;
  }

  /**
   * Starts reporting the run on this thread to its job through {@code client}, unless the run has no job id,
   * reporting is off, or the run already reports. Called by the kits' context; does nothing outside a watched run.
   */
  public static void attach(RuntimeContext runtime, BackendClient client) {
    Watched watched = CURRENT.get();
    if (watched == null || watched.reporter != null || !watched.jobId.equals(runtime.jobId())) {
      return;
    }
    String setting = runtime.env().get(VARIABLE).orElse("on").strip().toLowerCase(Locale.ROOT);
    if (OFF.contains(setting)) {
      return;
    }
    int interval = runtime.env().getInt(INTERVAL_VARIABLE, 1000);
    JobReporter reporter = new JobReporter(client, watched.jobId, runtime.actionName(), Duration.ofMillis(Math.max(0, interval)),
        Clock.systemUTC());
    watched.reporter = reporter;
    reporter.started();
  }

  /** One watched run; reports once a kit attached its client. */
  private static final class Watched implements RunScope {
    final String jobId;
    final Watched enclosing;
    volatile JobReporter reporter;

    Watched(String jobId, Watched enclosing) {
      this.jobId = jobId;
      this.enclosing = enclosing;
    }

    @Override
    public void event(PluginEvent event) {
      JobReporter current = reporter;
      if (current != null) {
        current.event(event);
      }
    }

    @Override
    public void finished(Throwable failure) {
      JobReporter current = reporter;
      if (current != null) {
        current.finished(failure);
      }
      if (CURRENT.get() == this) {
        if (enclosing == null) {
          CURRENT.remove();
        } else {
          CURRENT.set(enclosing);
        }
      }
    }
  }
}
