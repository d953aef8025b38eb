package io.synapse.benchmarks;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.pipeline.ActionStatus;
import io.synapse.plugins.pipeline.Pipelines;
import io.synapse.plugins.pipeline.RunStatus;
import io.synapse.plugins.pipeline.store.ActionRecord;
import io.synapse.plugins.pipeline.store.RunRecord;
import io.synapse.plugins.pipeline.store.RunStore;
import io.synapse.plugins.pipeline.store.RunStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pipeline figures (LOCAL), each against its baseline measured in the same run, rounds interleaved:
 *
 * <ul>
 *   <li>per-action overhead: the three-stage {@code bench_flow} pipeline through {@code PluginRunner.runPipeline}
 *       (SQLite store: the run and three checkpoints recorded) against the same three actions through
 *       {@code PluginRunner.runPlugin} one by one; with stages of about 5 ms of work and with no work;
 *   <li>a checkpoint write: {@code RunStore.actionCompleted} (one transaction) on the embedded SQLite store
 *       (and on PostgreSQL when {@code postgres=<jdbc url>} is given), median and percentiles.
 * </ul>
 *
 * Prints ratios; asserts nothing. Arguments {@code key=value}: {@code rounds} (default 30), {@code work}
 * (a directory), {@code postgres}.
 */
public final class PipelineBenchmark {
  private PipelineBenchmark() {}

  /** Runs the figures and prints them. */
  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (String arg : argv) {
      int equals = arg.indexOf('=');
      args.put(arg.substring(0, equals), arg.substring(equals + 1));
    }
    int rounds = Integer.parseInt(args.getOrDefault("rounds", "30"));
    Path work = Files.createDirectories(Path.of(args.getOrDefault("work", "target/pipeline-benchmark")));
    String sqlite = "jdbc:sqlite:" + work.resolve("bench-" + System.nanoTime() + ".db");
    System.out.println("Pipeline figures, LOCAL, " + rounds + " interleaved rounds (medians); load average "
        + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + " on "
        + Runtime.getRuntime().availableProcessors() + " cores");
    for (int stageRounds : new int[] {80, 0}) {
      overhead(stageRounds, rounds, sqlite, work);
    }
    System.out.println();
    checkpoints(sqlite, 500);
    if (args.containsKey("postgres")) {
      checkpoints(args.get("postgres"), 500);
    }
    RunStores.closeAll();
  }

  private static void overhead(int stageRounds, int rounds, String store, Path work) {
    Map<String, Object> params = Map.of("input_path", "/data/input.csv", "rounds", stageRounds);
    RunOptions plain = RunOptions.builder().sink(EventSink.discarding()).build();
    RunOptions piped = RunOptions.builder().sink(EventSink.discarding()).option(RunStores.OPTION, store)
        .option(Pipelines.RUN_DIR_OPTION, work.resolve("runs").toString()).build();
    RunOptions memory = RunOptions.builder().sink(EventSink.discarding()).option(RunStores.OPTION, "memory:bench")
        .option(Pipelines.RUN_DIR_OPTION, work.resolve("runs").toString()).build();
    for (int i = 0; i < 20; i++) { // warm-up: class loading, JIT, the store's connection and statements
      oneByOne(params, plain);
      PluginRunner.runPipeline("bench_plugin", "bench_flow", params, ExecutionMode.LOCAL, piped);
      PluginRunner.runPipeline("bench_plugin", "bench_flow", params, ExecutionMode.LOCAL, memory);
    }
    double[] separate = new double[rounds];
    double[] pipeline = new double[rounds];
    double[] inMemory = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      oneByOne(params, plain);
      separate[round] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      PluginRunner.runPipeline("bench_plugin", "bench_flow", params, ExecutionMode.LOCAL, piped);
      pipeline[round] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      PluginRunner.runPipeline("bench_plugin", "bench_flow", params, ExecutionMode.LOCAL, memory);
      inMemory[round] = (System.nanoTime() - start) / 1e6;
    }
    double one = Stats.median(separate);
    double sql = Stats.median(pipeline);
    double mem = Stats.median(inMemory);
    System.out.printf(Locale.ROOT, "%n3 stages of %s:%n", stageRounds == 0 ? "no work" : "~" + stageRounds + " SHA-256 rounds of 64 KiB");
    System.out.printf(Locale.ROOT, "  one by one (runPlugin x3)        %8.3f ms%n", one);
    System.out.printf(Locale.ROOT, "  pipeline, SQLite store           %8.3f ms   ratio %.2fx   per-action overhead %.3f ms%n", sql, sql / one,
        (sql - one) / 3);
    System.out.printf(Locale.ROOT, "  pipeline, memory store           %8.3f ms   ratio %.2fx   per-action overhead %.3f ms%n", mem, mem / one,
        (mem - one) / 3);
  }

  private static void oneByOne(Map<String, Object> params, RunOptions options) {
    Object previous = null;
    for (int i = 0; i < 3; i++) {
      previous = PluginRunner.runPlugin("bench_plugin", "stage", params, ExecutionMode.LOCAL, options);
    }
    if (previous == null) {
      throw new IllegalStateException("no result");
    }
  }

  private static void checkpoints(String url, int writes) {
    RunStore store = RunStores.open(url);
    List<ActionRecord> actions = new ArrayList<>();
    for (int i = 0; i < writes; i++) {
      actions.add(ActionRecord.pending(i, "stage"));
    }
    String runId = "checkpoints-" + System.nanoTime();
    Instant now = Instant.now();
    store.create(new RunRecord(runId, "bench_plugin", "bench_flow", "declared", "local", RunStatus.RUNNING, Map.of("input_path", "/x"),
        List.of(), null, null, now, now, null, null, false, null, actions));
    Map<String, Object> accumulated = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      accumulated.put("key_" + i, "value number " + i);
    }
    double[] times = new double[writes];
    for (int i = 0; i < writes; i++) {
      store.actionStarted(runId, i, Map.of("input_path", "/x"), Instant.now());
      long start = System.nanoTime();
      store.actionCompleted(runId, i, Map.of("input_path", "/x", "digest", "0123456789abcdef"), accumulated, Instant.now());
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    if (store.find(runId).orElseThrow().actions().get(writes - 1).status() != ActionStatus.COMPLETED) {
      throw new IllegalStateException("checkpoint not recorded");
    }
    System.out.printf(Locale.ROOT, "checkpoint write (actionCompleted, one transaction), %s, %d writes:%n", store.describe().replaceAll("\\?.*", ""),
        writes);
    System.out.printf(Locale.ROOT, "  median %.3f ms   p90 %.3f ms   p99 %.3f ms   max %.3f ms   (target: under 5 ms)%n", Stats.median(times),
        Stats.percentile(times, 0.9), Stats.percentile(times, 0.99), Stats.percentile(times, 1.0));
  }
}
