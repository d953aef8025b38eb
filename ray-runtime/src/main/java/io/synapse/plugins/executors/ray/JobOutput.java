package io.synapse.plugins.executors.ray;

import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.executors.remote.JobMain;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a job's entrypoint ({@link JobMain}) wrote to its log, read one line at a time as the dashboard
 * streams it: the outcome message between the submission's markers (the last complete block, so that a
 * marker of another submission or text the action printed is never taken for it), the event messages,
 * the latest progress per category, and the last lines. Everything else in the log (the action's own
 * printing, Ray's messages) is ignored. Only what was asked for is kept, so a long log costs the lines
 * kept, not the log: a line that arrives in pieces (longer than the reader's piece size) is kept whole only
 * inside the outcome's block; elsewhere its first {@value #KEPT_OF_LONG_LINE} characters are (such a line
 * is no event).
 */
final class JobOutput implements Consumer<String> {
  /** How much of a long line outside the outcome's block is kept (for the tail). */
  static final int KEPT_OF_LONG_LINE = 64 * 1024;
  private final String begin;
  private final String end;
  private final boolean keepEvents;
  private final int tailLines;
  private final StringBuilder text;
  private final List<PluginEvent> events = new ArrayList<>();
  private final Map<String, PluginEvent.Progress> progress = new TreeMap<>();
  private final ArrayDeque<String> tail = new ArrayDeque<>();
  private StringBuilder block;
  private String envelope;
  private StringBuilder partial;
  private boolean truncated;

  /**
   * A reader of the log of the submission framed by {@code marker} (null: no outcome is looked for) that
   * keeps the events when {@code keepEvents}, the last {@code tailLines} lines, and the whole text when
   * {@code keepText}.
   */
  JobOutput(String marker, boolean keepEvents, int tailLines, boolean keepText) {
    this.begin = marker == null ? null : JobMain.RESULT_BEGIN + marker;
    this.end = marker == null ? null : JobMain.RESULT_END + marker;
    this.keepEvents = keepEvents;
    this.tailLines = tailLines;
    this.text = keepText ? new StringBuilder() : null;
  }

  /** Reads a whole log held as text. */
  static JobOutput of(String logs, String marker) {
    JobOutput output = new JobOutput(marker, true, Integer.MAX_VALUE, true);
    logs.lines().forEach(line -> output.accept(line + "\n"));
    return output;
  }

  /** Takes one line with its line break, or a piece of a long line (no break: more follows), or a last line. */
  @Override
  public void accept(String given) {
    if (text != null) {
      text.append(given);
    }
    boolean complete = given.endsWith("\n");
    String piece = complete ? given.substring(0, given.length() - 1) : given;
    if (!complete) {
      if (partial == null) {
        partial = new StringBuilder();
      }
      // Kept whole only where it may be the outcome.
      int room = block != null ? piece.length() : Math.max(0, KEPT_OF_LONG_LINE - partial.length());
      partial.append(piece, 0, Math.min(room, piece.length()));
      truncated |= room < piece.length();
      return;
    }
    String line = piece;
    boolean cut = false;
    if (partial != null) {
      int room = block != null ? piece.length() : Math.max(0, KEPT_OF_LONG_LINE - partial.length());
      partial.append(piece, 0, Math.min(room, piece.length()));
      cut = truncated || room < piece.length();
      line = partial.toString();
      partial = null;
      truncated = false;
    }
    line(line, cut);
  }

  /** The end of the log: a last line without a break is taken too. */
  void finish() {
    if (partial != null) {
      String line = partial.toString();
      boolean cut = truncated;
      partial = null;
      truncated = false;
      line(line, cut);
    }
  }

  private void line(String line, boolean cut) {
    if (tailLines > 0) {
      if (tail.size() == tailLines) {
        tail.pollFirst();
      }
      tail.addLast(line);
    }
    String stripped = line.strip();
    if (begin != null) {
      if (stripped.equals(begin)) {
        block = new StringBuilder();
        return;
      }
      if (stripped.equals(end)) {
        if (block != null) {
          envelope = block.toString().strip();
        }
        block = null;
        return;
      }
      if (block != null) {
        block.append(line).append('\n');
      }
    }
    if (!cut && RemoteProtocol.looksLikeMessage(stripped)) {
      event(stripped);
    }
  }

  private void event(String line) {
    RemoteMessage message;
    try {
      message = RemoteProtocol.read(line);
    } catch (RuntimeException e) {
      // Not an event after all: the action printed something that looks like one.
      return;
    }
    if (message instanceof RemoteMessage.Event event) {
      PluginEvent reported = event.event();
      if (keepEvents) {
        events.add(reported);
      }
      if (reported.progress() != null) {
        progress.put(reported.category() == null ? String.valueOf(reported.action()) : reported.category(), reported.progress());
      }
    }
  }

  /** The outcome line of the last complete block between the markers. */
  Optional<String> envelope() {
    return Optional.ofNullable(envelope);
  }

  /** The events in the log, in order (none unless kept). */
  List<PluginEvent> events() {
    return List.copyOf(events);
  }

  /** The latest progress of each category, by category name. */
  Map<String, PluginEvent.Progress> progress() {
    return new TreeMap<>(progress);
  }

  /** The last lines kept, joined by line breaks. */
  String tail() {
    return String.join("\n", tail);
  }

  /** The whole log (empty unless kept). */
  String text() {
    return text == null ? "" : text.toString();
  }
}
