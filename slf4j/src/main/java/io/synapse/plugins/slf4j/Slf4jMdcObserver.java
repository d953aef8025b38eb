package io.synapse.plugins.slf4j;

import io.synapse.plugins.observation.RunInfo;
import io.synapse.plugins.observation.RunObserver;
import io.synapse.plugins.observation.RunScope;
import io.synapse.plugins.observation.StepScope;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts the run into the SLF4J MDC while this JVM executes it, on the run's thread: {@value Slf4jSink#MDC_PLUGIN},
 * {@value Slf4jSink#MDC_ACTION}, {@value Slf4jSink#MDC_JOB_ID} and {@code synapse.mode} for the whole run, and
 * {@value Slf4jSink#MDC_STEP} while a workflow step runs; what was there before comes back when the run or step
 * ends. So the action's own SLF4J log lines and the {@link Slf4jSink}'s records carry the same keys. Listed for
 * {@link java.util.ServiceLoader}: having this module on the class path is enough.
 */
public final class Slf4jMdcObserver implements RunObserver {
  /** MDC key of the run's mode ({@code local}, {@code task}, {@code job}). */
  public static final String MDC_MODE = "synapse.mode";

  /** For {@link java.util.ServiceLoader}. */
  public Slf4jMdcObserver() {}

  @Override
  public RunScope runStarted(RunInfo run) {
    if (run.role() != RunInfo.Role.EXECUTOR) {
      return RunScope.NONE; // a driver's call may end on another thread: nothing thread-bound to set
    }
    Map<String, String> previous = MDC.getCopyOfContextMap();
    put(Slf4jSink.MDC_PLUGIN, run.plugin());
    put(Slf4jSink.MDC_ACTION, run.action());
    put(Slf4jSink.MDC_JOB_ID, run.jobId());
    put(MDC_MODE, run.mode().name().toLowerCase(Locale.ROOT));
    MDC.remove(Slf4jSink.MDC_STEP);
    return new RunScope() {
      @Override
      public StepScope stepStarted(String step) {
        String outer = MDC.get(Slf4jSink.MDC_STEP);
        MDC.put(Slf4jSink.MDC_STEP, step);
        return failure -> put(Slf4jSink.MDC_STEP, outer);
      }

      @Override
      public void finished(Throwable failure) {
        if (previous == null) {
          MDC.clear();
        } else {
          MDC.setContextMap(previous);
        }
      }
    };
  }

  private static void put(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
