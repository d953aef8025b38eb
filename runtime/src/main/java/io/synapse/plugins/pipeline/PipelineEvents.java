package io.synapse.plugins.pipeline;

import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.context.EventType;
import io.synapse.plugins.context.PluginEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events a pipeline run reports besides its actions' own, all in category {@value #CATEGORY} with the
 * pipeline's name as their action: a log event per change of state ({@code pipeline_started},
 * {@code pipeline_action_started}, {@code pipeline_action_completed}, {@code pipeline_action_skipped},
 * {@code pipeline_action_failed}, {@code pipeline_action_cancelled}, {@code pipeline_completed},
 * {@code pipeline_failed}, {@code pipeline_cancelled}), whose data hold {@code run_id}, {@code pipeline},
 * {@code actions} and, for an action, {@code action}, {@code action_index} and {@code status}; and progress
 * events whose current of {@value #PROGRESS_TOTAL} is the run's overall progress, which never goes down.
 */
public final class PipelineEvents {
  /** The category of every pipeline event. */
  public static final String CATEGORY = "pipeline";
  /** The total of the run's progress events (per mille). */
  public static final long PROGRESS_TOTAL = 1000;

  private final EventSink sink;
  private final String pipeline;
  private final String runId;
  private final int actions;
  private final String jobId;
  private long lastProgress = -1;

  PipelineEvents(EventSink sink, String pipeline, String runId, int actions, String jobId) {
    this.sink = sink;
    this.pipeline = pipeline;
    this.runId = runId;
    this.actions = actions;
    this.jobId = jobId;
  }

  void run(String name, System.Logger.Level level, String message) {
    emit(name, level, message, base());
  }

  void action(String name, System.Logger.Level level, int index, String action, ActionStatus status, String message) {
    Map<String, Object> data = base();
    data.put("action", action);
    data.put("action_index", index);
    data.put("status", status.value());
    emit(name, level, message, data);
  }

  /** Reports overall progress {@code fraction} (0 to 1) unless it is not above what was reported. */
  synchronized void progress(double fraction) {
    long current = Math.round(Math.max(0, Math.min(1, fraction)) * PROGRESS_TOTAL);
    if (current <= lastProgress) {
      return;
    }
    lastProgress = current;
    accept(new PluginEvent(EventType.PROGRESS, System.Logger.Level.INFO, pipeline, CATEGORY, null, null, Map.of("run_id", runId),
        new PluginEvent.Progress(current, PROGRESS_TOTAL), Instant.now(), jobId));
  }

  private Map<String, Object> base() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("run_id", runId);
    data.put("pipeline", pipeline);
    data.put("actions", actions);
    return data;
  }

  private void emit(String name, System.Logger.Level level, String message, Map<String, Object> data) {
    accept(new PluginEvent(EventType.LOG, level, pipeline, CATEGORY, name, message, data, null, Instant.now(), jobId));
  }

  private void accept(PluginEvent event) {
    try {
      sink.accept(event);
    } catch (RuntimeException e) {
      System.getLogger(PipelineEvents.class.getName()).log(System.Logger.Level.WARNING, "event sink failed: " + e);
    }
  }

  void flush() {
    try {
      sink.flush();
    } catch (RuntimeException e) {
      System.getLogger(PipelineEvents.class.getName()).log(System.Logger.Level.WARNING, "event sink failed to flush: " + e);
    }
  }
}
