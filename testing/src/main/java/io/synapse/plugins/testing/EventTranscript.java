package io.synapse.plugins.testing;

import io.synapse.plugins.events.PluginEvent;
import java.util.List;
import java.util.Locale;

/** The events of a run as a few readable lines, for failure messages. */
final class EventTranscript {
  /** At most this many events are listed; the rest are counted. */
  static final int LIMIT = 40;

  private EventTranscript() {}

  /** One line per event, at most {@value #LIMIT}, each indented by two spaces. */
  static String of(List<PluginEvent> events) {
    if (events.isEmpty()) {
      return "  (no events)";
    }
    StringBuilder text = new StringBuilder();
    int shown = Math.min(LIMIT, events.size());
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        text.append('\n');
      }
      text.append("  ").append(line(events.get(i)));
    }
    if (events.size() > shown) {
      text.append("\n  ... and ").append(events.size() - shown).append(" more");
    }
    return text.toString();
  }

  /** One event: type, level, category, then what it says. */
  static String line(PluginEvent event) {
    StringBuilder line = new StringBuilder();
    line.append(String.format(Locale.ROOT, "%-9s %-7s", event.type(), event.level()));
    if (event.category() != null) {
      line.append(" [").append(event.category()).append(']');
    }
    switch (event.type()) {
      case PROGRESS -> line.append(' ').append(event.progress().current()).append('/').append(event.progress().total())
          .append(String.format(Locale.ROOT, " (%.1f%%)", event.progress().percent()));
      case MESSAGE -> line.append(" \"").append(event.message()).append('"');
      case LOG, DEV_EVENT -> line.append(' ').append(event.name()).append(event.message() == null ? "" : " \"" + event.message() + "\"")
          .append(event.data().isEmpty() ? "" : " " + event.data());
      case METRICS -> line.append(' ').append(event.data());
    }
    return line.toString();
  }
}
