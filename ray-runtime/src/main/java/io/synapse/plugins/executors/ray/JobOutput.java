package io.synapse.plugins.executors.ray;

import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.executors.remote.JobMain;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads what a job's entrypoint ({@link JobMain}) wrote to its log: the outcome message between the
 * submission's markers, and the event messages before it. Everything else in the log (the action's
 * own printing, Ray's messages) is ignored.
 */
final class JobOutput {
  private JobOutput() {}

  /**
   * The outcome line between {@code RESULT_BEGIN marker} and {@code RESULT_END marker}: the last complete one,
   * so a marker of another submission, or text the action printed, is never taken for the result.
   */
  static Optional<String> envelope(String logs, String marker) {
    String begin = JobMain.RESULT_BEGIN + marker;
    String end = JobMain.RESULT_END + marker;
    List<String> lines = logs.lines().toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).strip().equals(end)) {
        StringBuilder body = new StringBuilder();
        for (int j = i - 1; j >= 0; j--) {
          if (lines.get(j).strip().equals(begin)) {
            return Optional.of(body.toString().strip());
          }
          body.insert(0, lines.get(j) + "\n");
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The events in the log: every line that is one event message of the remote protocol. */
  static List<PluginEvent> events(String logs) {
    List<PluginEvent> events = new ArrayList<>();
    for (String line : (Iterable<String>) logs.lines()::iterator) {
      String text = line.strip();
      if (!RemoteProtocol.looksLikeMessage(text)) {
        continue;
      }
      try {
        if (RemoteProtocol.read(text) instanceof RemoteMessage.Event event) {
          events.add(event.event());
        }
      } catch (RuntimeException e) {
        // Not an event after all: the action printed something that looks like one.
      }
    }
    return events;
  }

  /** The latest progress of each category, by category name. */
  static Map<String, PluginEvent.Progress> progress(String logs) {
    Map<String, PluginEvent.Progress> latest = new TreeMap<>();
    for (PluginEvent event : events(logs)) {
      if (event.progress() != null) {
        latest.put(event.category() == null ? String.valueOf(event.action()) : event.category(), event.progress());
      }
    }
    return latest;
  }

  /** The last {@code count} lines of the log. */
  static String tail(String logs, int count) {
    List<String> lines = logs.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }
}
