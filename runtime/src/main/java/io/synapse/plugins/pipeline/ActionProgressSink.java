package io.synapse.plugins.pipeline;

import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.context.EventType;
import io.synapse.plugins.context.PluginEvent;
import io.synapse.plugins.pipeline.store.RunStore;

/**
 * The sink a pipeline's action reports to: every event goes on to the run's sink; progress events also move
 * the action's own progress (the highest seen, so it never goes down), which is recorded in the store at most
 * every {@value #STORE_INTERVAL_MS} ms, and the run's overall progress.
 */
final class ActionProgressSink implements EventSink {
  static final long STORE_INTERVAL_MS = 500;

  private final EventSink next;
  private final PipelineEvents events;
  private final RunStore store;
  private final String runId;
  private final int index;
  private final int actions;
  private double progress;
  // The first write waits an interval too: an action shorter than that records its progress only when it ends.
  private long storedAt = System.currentTimeMillis();

  ActionProgressSink(EventSink next, PipelineEvents events, RunStore store, String runId, int index, int actions) {
    this.next = next;
    this.events = events;
    this.store = store;
    this.runId = runId;
    this.index = index;
    this.actions = actions;
  }

  @Override
  public void accept(PluginEvent event) {
    next.accept(event);
    if (event.type() == EventType.PROGRESS && event.progress() != null) {
      moved(event.progress().percent() / 100.0);
    }
  }

  private void moved(double fraction) {
    boolean record;
    double now;
    synchronized (this) {
      if (fraction <= progress) {
        return;
      }
      progress = fraction;
      now = progress;
      long time = System.currentTimeMillis();
      record = time - storedAt >= STORE_INTERVAL_MS;
      if (record) {
        storedAt = time;
      }
    }
    events.progress((index + now) / actions);
    if (record) {
      try {
        store.actionProgress(runId, index, now);
      } catch (RuntimeException e) {
        // Progress is advisory: a store that cannot take it now must not fail the action.
        System.getLogger(ActionProgressSink.class.getName()).log(System.Logger.Level.WARNING, "cannot record progress: " + e);
      }
    }
  }

  @Override
  public void flush() {
    next.flush();
  }
}
