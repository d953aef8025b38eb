package io.synapse.plugins.executors.ray;

import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.executors.remote.JobMain;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import java.util.function.Consumer;

/**
 * Splits a job's log, as it streams in chunks that need not end at a line break, into the action's events
 * (to a sink) and the other lines (to a consumer), leaving out the outcome between the result markers.
 * Not thread-safe: the log tail calls it from one thread at a time.
 */
final class JobLogFollower {
  private final EventSink events;
  private final Consumer<String> lines;
  private final StringBuilder partial = new StringBuilder();
  private boolean inOutcome;

  JobLogFollower(EventSink events, Consumer<String> lines) {
    this.events = events;
    this.lines = lines;
  }

  /** Takes the next chunk of the log; complete lines are handed on now, a trailing partial one later. */
  void accept(String chunk) {
    partial.append(chunk);
    int start = 0;
    for (int end = partial.indexOf("\n"); end >= 0; end = partial.indexOf("\n", start)) {
      line(partial.substring(start, end));
      start = end + 1;
    }
    partial.delete(0, start);
  }

  /** Hands on the last line if the log did not end with a line break, and flushes the sink. */
  void finish() {
    if (partial.length() > 0) {
      line(partial.toString());
      partial.setLength(0);
    }
    events.flush();
  }

  private void line(String raw) {
    String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
    String text = line.strip();
    if (text.startsWith(JobMain.RESULT_BEGIN)) {
      inOutcome = true;
      return;
    }
    if (text.startsWith(JobMain.RESULT_END)) {
      inOutcome = false;
      return;
    }
    if (inOutcome) {
      return;
    }
    PluginEvent reported = event(text);
    if (reported == null) {
      lines.accept(line);
    } else {
      events.accept(reported);
    }
  }

  /** The event a line of the log is, or null when it is none (the action's own printing, Ray's messages). */
  private static PluginEvent event(String text) {
    if (!RemoteProtocol.looksLikeMessage(text)) {
      return null;
    }
    try {
      return RemoteProtocol.read(text) instanceof RemoteMessage.Event event ? event.event() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
