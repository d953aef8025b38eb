package io.synapse.plugins.cli;

import io.synapse.plugins.events.ConsoleSink;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Shows a run's events on standard error. On a terminal ({@link Style#LIVE}) each progress category
 * gets one line redrawn in place; otherwise ({@link Style#PLAIN}) progress is printed as plain lines
 * when it crosses a tenth of the way and at the end. Other events are printed as lines.
 */
final class ProgressSink implements EventSink {
  /** How events are shown. */
  enum Style {
    /** One line per category, redrawn in place (for terminals). */
    LIVE,
    /** Plain lines, progress every tenth (for logs and pipes). */
    PLAIN,
    /** Nothing. */
    OFF
  }

  private static final int BAR_WIDTH = 24;

  private final PrintWriter err;
  private final Style style;
  private final boolean showDevEvents;
  private final Map<String, Integer> lastShown = new HashMap<>();
  private String liveKey;
  private int liveWidth;

  ProgressSink(PrintWriter err, Style style, boolean showDevEvents) {
    this.err = err;
    this.style = style;
    this.showDevEvents = showDevEvents;
  }

  @Override
  public synchronized void accept(PluginEvent event) {
    if (style == Style.OFF) {
      return;
    }
    if (event.type() == EventType.PROGRESS && event.progress() != null) {
      progress(event);
    } else if (showDevEvents || !isDebugDetail(event)) {
      line(format(event));
    }
  }

  /** Ends an open live line; called when the run is over. */
  public synchronized void flush() {
    endLive();
    err.flush();
  }

  private void progress(PluginEvent event) {
    PluginEvent.Progress progress = event.progress();
    String key = prefix(event) + event.category();
    boolean done = progress.current() >= progress.total();
    int step = style == Style.LIVE ? (int) progress.percent() : (int) (progress.percent() / 10);
    Integer previous = lastShown.put(key, step);
    if (previous != null && previous == step && !done) {
      return;
    }
    String counts = progress.current() + "/" + progress.total() + String.format(" (%.0f%%)", progress.percent());
    if (style == Style.PLAIN) {
      line(prefix(event) + event.category() + " " + counts);
      return;
    }
    if (liveKey != null && !liveKey.equals(key)) {
      endLive();
    }
    int filled = (int) Math.round(progress.percent() / 100 * BAR_WIDTH);
    String text = prefix(event) + event.category() + " [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + counts;
    err.print("\r" + text + " ".repeat(Math.max(0, liveWidth - text.length())));
    err.flush();
    liveKey = key;
    liveWidth = text.length();
    if (done) {
      endLive();
    }
  }

  private void line(String text) {
    endLive();
    err.println(text);
    err.flush();
  }

  private void endLive() {
    if (liveKey != null) {
      err.println();
      liveKey = null;
      liveWidth = 0;
    }
  }

  private static String prefix(PluginEvent event) {
    return "[" + (event.action() == null ? "synapse" : event.action()) + "] ";
  }

  private static String format(PluginEvent event) {
    return ConsoleSink.line(event);
  }

  // Dev events and the action logger's DEBUG and TRACE records: shown with --debug only.
  private static boolean isDebugDetail(PluginEvent event) {
    return event.type() == EventType.DEV_EVENT
        || (event.type() == EventType.LOG && event.message() != null
            && (event.level() == System.Logger.Level.DEBUG || event.level() == System.Logger.Level.TRACE));
  }
}
