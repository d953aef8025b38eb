package io.synapse.plugins.events;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints events as readable lines on a stream (standard error by default, so that standard output
 * stays free for results). Progress is printed when it crosses a tenth of the way, and at the end, so
 * a loop reporting every item does not flood the console.
 */
public final class ConsoleSink implements EventSink {
  private static final EventSink STANDARD = new ThrottlingSink(new ConsoleSink());

  private final PrintStream out;
  private final Map<String, Integer> lastDecile = new ConcurrentHashMap<>();

  /**
   * The default sink of runs that name none: readable lines on standard error, with progress
   * throttled per category (the last value and 100% always arrive), so a loop reporting every item
   * costs little. Shared and thread-safe.
   */
  public static EventSink standard() {
    return STANDARD;
  }

  /** A sink printing to standard error. */
  public ConsoleSink() {
    this(System.err);
  }

  /** A sink printing to {@code out}. */
  public ConsoleSink(PrintStream out) {
    this.out = out;
  }

  @Override
  public void accept(PluginEvent event) {
    String line = format(event);
    if (line != null) {
      out.println(line);
    }
  }

  private String format(PluginEvent event) {
    String prefix = "[" + (event.action() == null ? "synapse" : event.action()) + "] ";
    switch (event.type()) {
      case PROGRESS: {
        PluginEvent.Progress progress = event.progress();
        int decile = (int) (progress.percent() / 10);
        String key = event.action() + "/" + event.category();
        Integer previous = lastDecile.put(key, decile);
        if (previous != null && previous == decile && progress.current() < progress.total()) {
          return null;
        }
        return prefix + event.category() + " " + progress.current() + "/" + progress.total()
            + String.format(" (%.0f%%)", progress.percent());
      }
      default:
        return line(event);
    }
  }

  /**
   * A non-progress event as the console line both this sink and the command line print:
   * {@code [action] metrics <category> {...}}, {@code [action] <message>}, a logger record as
   * {@code [action] WARNING <text>} (the level when not INFO, and the exception if any), other log and
   * dev events as their name and data.
   */
  public static String line(PluginEvent event) {
    String prefix = "[" + (event.action() == null ? "synapse" : event.action()) + "] ";
    String data = event.data().isEmpty() ? "" : " " + event.data();
    switch (event.type()) {
      case METRICS:
        return prefix + "metrics " + event.category() + data;
      case MESSAGE:
        return prefix + event.message();
      case LOG:
        if (event.message() != null) {
          String level = event.level() == System.Logger.Level.INFO ? "" : event.level() + " ";
          Object exception = event.data().get("exception");
          return prefix + level + event.message() + (exception == null ? "" : " (" + exception + ")");
        }
        return prefix + event.name() + data;
      case DEV_EVENT:
        return prefix + "dev " + event.name() + data;
      default:
        return prefix + event.type().name().toLowerCase(java.util.Locale.ROOT) + data;
    }
  }
}
