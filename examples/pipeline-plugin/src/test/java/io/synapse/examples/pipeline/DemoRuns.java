package io.synapse.examples.pipeline;

import io.synapse.plugins.RunOptions;
import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.context.RecordingSink;
import io.synapse.plugins.pipeline.Pipelines;
import io.synapse.plugins.pipeline.store.RunStores;
import io.synapse.plugins.pipeline.jdbc.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Test data and options for the demo's pipeline: CSV files of y = 2x + 1, a store per test, the execution counter. */
final class DemoRuns {
  private DemoRuns() {}

  /** A source directory with two CSV files of {@code x,y,label} rows on y = 2x + 1. */
  static Path sourceDir(Path temp) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("source"));
    StringBuilder first = new StringBuilder();
    StringBuilder second = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      double x = i / 10.0;
      (i % 2 == 0 ? first : second).append(String.format(Locale.ROOT, "%.2f,%.2f,%s%n", x, 2 * x + 1, i < 5 ? "low" : "high"));
    }
    Files.writeString(dir.resolve("a.csv"), first, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("b.csv"), second, StandardCharsets.UTF_8);
    return dir;
  }

  /** A new store of {@code engine} ({@code sqlite}: a file in {@code temp}; {@code postgresql}: a fresh schema). */
  static String storeUrl(String engine, Path temp) {
    return engine.equals("sqlite") ? "jdbc:sqlite:" + temp.resolve("runs-" + System.nanoTime() + ".db") : PostgresServer.freshUrl();
  }

  /** Options: the store, run directories under {@code temp}, the counter file, more environment, events to {@code sink}. */
  static RunOptions.Builder options(String store, Path temp, EventSink sink, Map<String, String> env) {
    Map<String, String> all = new LinkedHashMap<>(env);
    all.put("PIPELINE_DEMO_COUNTER", counter(temp).toString());
    return RunOptions.builder().option(RunStores.OPTION, store).option(Pipelines.RUN_DIR_OPTION, temp.resolve("runs").toString())
        .env(all).sink(sink == null ? new RecordingSink() : sink);
  }

  static Path counter(Path temp) {
    return temp.resolve("counter.txt");
  }

  /** The actions that started, in order, as the counter file lists them. */
  static List<String> started(Path temp) throws IOException {
    Path file = counter(temp);
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  static Map<String, Object> initial(Path source) {
    return Map.of("source_dir", source.toString());
  }
}
