package io.synapse.examples.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Inputs, directory snapshots and event queries shared by the tests. */
final class Fixtures {
  static final String TOKEN = "tok-5e3c1a9b7d2f";
  /** The action's overall progress category: its name. */
  static final String OVERALL = "export";

  private Fixtures() {}

  /** Two inputs (a CSV and a text file) and a file that is not an input. */
  static Path inputs(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("a.csv"), "id,name\n1,ann\n2, bob \n");
    Files.writeString(dir.resolve("notes.txt"), "hello\n\nworld, again\n");
    Files.writeString(dir.resolve("readme.md"), "not an input\n");
    return dir;
  }

  /**
   * Everything under {@code root}: each path relative to it mapped to {@code dir} or its bytes in hex;
   * {@code "."} maps to {@code absent} when the root does not exist.
   */
  static SortedMap<String, String> snapshot(Path root) {
    SortedMap<String, String> snapshot = new TreeMap<>();
    if (Files.notExists(root)) {
      snapshot.put(".", "absent");
      return snapshot;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        String key = root.relativize(path).toString();
        snapshot.put(key.isEmpty() ? "." : key,
            Files.isDirectory(path) ? "dir" : HexFormat.of().formatHex(Files.readAllBytes(path)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return snapshot;
  }

  /** The overall progress, in basis points, in the order it was reported. */
  static List<Long> overallProgress(RecordingSink sink) {
    List<PluginEvent> events = sink.events(EventType.PROGRESS).stream().filter(e -> OVERALL.equals(e.category())).toList();
    events.forEach(e -> assertEquals(10_000, e.progress().total(), "overall progress is in basis points"));
    return events.stream().map(e -> e.progress().current()).toList();
  }

  /** Asserts that {@code progress} starts at 0 and never goes down. */
  static void assertStartsAtZeroAndNeverGoesDown(List<Long> progress) {
    assertFalse(progress.isEmpty(), "no overall progress was reported");
    assertEquals(0L, progress.get(0), "overall progress starts at 0: " + progress);
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i) >= progress.get(i - 1), "overall progress went down: " + progress);
    }
  }

  /** The {@code step} data of the log events named {@code name}, in order. */
  static List<Object> stepsOfLogs(RecordingSink sink, String name) {
    return sink.events(EventType.LOG).stream().filter(e -> name.equals(e.name())).map(e -> e.data().get("step")).toList();
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  static Map<String, String> env(String... keysAndValues) {
    Map<String, String> env = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      env.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return env;
  }
}
