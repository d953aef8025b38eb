package io.synapse.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording's execution samples and prints where the time went: the hottest methods
 * (self time, by top frame) and, inclusive, the share of samples with a frame in each of the given
 * package or class prefixes (so {@code com.sun.tools.javac.comp} is the attribution phase).
 *
 * <pre>java io.synapse.benchmarks.JfrTop &lt;recording.jfr&gt; [top N] [prefix...]</pre>
 */
public final class JfrTop {
  private JfrTop() {}

  /** Prints the tables. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    List<String> prefixes = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
    Map<String, Integer> self = new LinkedHashMap<>();
    Map<String, Integer> inclusive = new LinkedHashMap<>();
    prefixes.forEach(p -> inclusive.put(p, 0));
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        for (String prefix : prefixes) {
          if (name.startsWith(prefix) && seen.add(prefix)) {
            inclusive.merge(prefix, 1, Integer::sum);
          }
        }
      }
    }
    final int total = samples;
    System.out.println(file.getFileName() + ": " + total + " execution samples");
    System.out.println("| self | method |");
    System.out.println("|---|---|");
    self.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
        .forEach(e -> System.out.printf("| %.1f%% | %s |%n", 100.0 * e.getValue() / total, e.getKey()));
    if (!prefixes.isEmpty()) {
      System.out.println("| inclusive | frames under |");
      System.out.println("|---|---|");
      inclusive.forEach((prefix, count) -> System.out.printf("| %.1f%% | %s |%n", 100.0 * count / total, prefix));
    }
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
