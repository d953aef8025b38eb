package io.synapse.plugins.events;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows progress as live bars on a terminal (one per action and category, with elapsed time and ETA),
 * drawn by the {@code me.tongfei:progressbar} library; every other event goes to another sink, a
 * {@link ConsoleSink} by default. A bar is finished and left on screen when its category reaches
 * 100%; {@link #close()} finishes the others.
 *
 * <p>The library is an optional dependency of the runtime: add {@code me.tongfei:progressbar} to use
 * this sink, or call {@link #forTerminalOr(EventSink)}, which falls back when it is missing or when
 * standard error is not a terminal. A bar redraws itself at most every 200 ms, so high-frequency
 * progress costs little. Thread-safe.
 */
public final class TerminalProgressSink implements EventSink, AutoCloseable {
  private static final int REDRAW_INTERVAL_MILLIS = 200;

  private final PrintStream out;
  private final EventSink others;
  private final Map<String, ProgressBar> bars = new ConcurrentHashMap<>();

  /** Bars on standard error; other events to a {@link ConsoleSink} on standard error. */
  public TerminalProgressSink() {
    this(System.err, new ConsoleSink(System.err));
  }

  /** Bars drawn on {@code out}; other events to {@code others}. */
  public TerminalProgressSink(PrintStream out, EventSink others) {
    this.out = Objects.requireNonNull(out, "out");
    this.others = Objects.requireNonNull(others, "others");
  }

  /**
   * A {@link TerminalProgressSink} when the process has a terminal and the progress bar library is on
   * the class path; otherwise {@code fallback}.
   */
  public static EventSink forTerminalOr(EventSink fallback) {
    Objects.requireNonNull(fallback, "fallback");
    if (System.console() == null || !progressBarLibraryPresent()) {
      return fallback;
    }
    return new TerminalProgressSink(System.err, fallback);
  }

  private static boolean progressBarLibraryPresent() {
    try {
      // Links the library's classes; a missing optional dependency shows up here, not mid-run.
      return new ProgressBarBuilder() != null;
    } catch (LinkageError missing) {
      return false;
    }
  }

  @Override
  public void accept(PluginEvent event) {
    if (event.type() != EventType.PROGRESS || event.progress() == null) {
      others.accept(event);
      return;
    }
    PluginEvent.Progress progress = event.progress();
    String key = event.action() + '\u0000' + event.category();
    try {
      ProgressBar bar = bars.computeIfAbsent(key, unused -> newBar(event.category(), progress.total()));
      synchronized (bar) {
        bar.maxHint(progress.total());
        bar.stepTo(progress.current());
      }
      if (progress.current() >= progress.total() && bars.remove(key, bar)) {
        bar.close();
      }
    } catch (RuntimeException e) {
      // A drawing problem must not fail the action; the event still reaches the other sink.
      others.accept(event);
    }
  }

  @Override
  public void flush() {
    others.flush();
  }

  /** Finishes every bar still drawn, then flushes the other sink. */
  @Override
  public void close() {
    List<ProgressBar> open = new ArrayList<>(bars.values());
    bars.clear();
    open.forEach(ProgressBar::close);
    flush();
  }

  private ProgressBar newBar(String category, long total) {
    return new ProgressBarBuilder()
        .setTaskName(category == null ? "progress" : category)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(REDRAW_INTERVAL_MILLIS)
        .setConsumer(new ConsoleProgressBarConsumer(out))
        .build();
  }
}
