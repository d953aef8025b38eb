package io.synapse.benchmarks;

import io.ray.api.ActorHandle;
import io.ray.api.Ray;
import io.ray.api.runtimeenv.RuntimeEnv;
import io.ray.api.runtimeenv.types.RuntimeEnvName;
import io.synapse.examples.ray.EchoAction_Descriptor;
import io.synapse.examples.ray.EchoParams;
import io.synapse.examples.ray.NoopAction_Descriptor;
import io.synapse.plugins.action.NoParams;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * TASK-mode figures from one run on one cluster: round-trip latency of a no-op action through the
 * pool against a raw Ray Java actor call carrying JSON strings of the same size, pool start (packaging,
 * upload check, actors from the code package) to first
 * result against raw actor creation plus one call, and throughput with 1 and 2 actors.
 *
 * <p>Run with {@code benchmarks/task.sh [--quick]}; the argument is the head's GCS address.
 */
public final class TaskBenchmark {
  // The raw actor exchanges strings of the size of the pool's protocol messages for a no-op.
  static final String REQUEST = "{\"protocol\":\"synapse-remote\",\"version\":1,\"type\":\"request\",\"id\":\"1a2b3c4d-3e8\","
      + "\"plugin\":\"ray_demo\",\"action\":\"noop\",\"params\":{},\"env\":{},\"job_id\":null,\"working_dir\":null,"
      + "\"language\":null,\"marker\":null}";
  private static final String RESPONSE = "{\"protocol\":\"synapse-remote\",\"version\":1,\"type\":\"result\",\"id\":\"1a2b3c4d-3e8\","
      + "\"result\":\"ok\",\"pid\":12345}\n";

  /** The raw baseline: a Ray Java actor that answers a JSON string with a JSON string. */
  public static final class RawActor {
    /** Answers every request with a response of the pool's size. */
    public String call(String request) {
      return request.isEmpty() ? request : RESPONSE;
    }
  }

  private TaskBenchmark() {}

  /**
   * Prints the table; {@code args[0]} is the GCS address, {@code --quick} fewer rounds,
   * {@code --json=<file>} where to write the figures and curves as JSON too.
   */
  public static void main(String[] args) throws java.io.IOException {
    String address = args[0];
    boolean quick = List.of(args).contains("--quick");
    int calls = quick ? 200 : 1000;
    int rounds = quick ? 3 : 5;
    // Warm until the JIT has compiled both paths: a warm pool serves thousands of calls.
    int warmupCalls = quick ? 3000 : 10000;

    RayActorExecutor warmup = RayActorExecutor.builder().address(address).sink(EventSink.discarding()).build();
    // The raw actor runs from the pool's own code package, so both start their JVMs from the same jars.
    RuntimeEnv rawEnv = new RuntimeEnv.Builder().build();
    rawEnv.set(RuntimeEnvName.JARS, List.of(warmup.packages().get(0)));
    warmup.close();

    double[] rawStart = new double[rounds];
    double[] poolStart = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      ActorHandle<RawActor> raw = Ray.actor(RawActor::new).setRuntimeEnv(rawEnv).remote();
      Ray.get(raw.task(RawActor::call, REQUEST).remote());
      rawStart[i] = (System.nanoTime() - t0) / 1e6;
      raw.kill();
      long t1 = System.nanoTime();
      try (RayActorExecutor pool = RayActorExecutor.builder().address(address).sink(EventSink.discarding()).build()) {
        pool.execute(NoopAction_Descriptor.INSTANCE, NoParams.INSTANCE);
        poolStart[i] = (System.nanoTime() - t1) / 1e6;
      }
    }

    ActorHandle<RawActor> raw = Ray.actor(RawActor::new).setRuntimeEnv(rawEnv).remote();
    double[] rawLatency = new double[calls];
    double[] poolLatency = new double[calls];
    double throughput1;
    double throughput2;
    double sleepy1;
    double sleepy2;
    try (RayActorExecutor pool = RayActorExecutor.builder().address(address).sink(EventSink.discarding()).build()) {
      for (int i = 0; i < warmupCalls; i++) {
        Ray.get(raw.task(RawActor::call, REQUEST).remote());
        pool.execute(NoopAction_Descriptor.INSTANCE, NoParams.INSTANCE);
      }
      // Interleave the two so drift on a noisy machine hits both alike.
      for (int i = 0; i < calls; i++) {
        long t0 = System.nanoTime();
        Ray.get(raw.task(RawActor::call, REQUEST).remote());
        long t1 = System.nanoTime();
        pool.execute(NoopAction_Descriptor.INSTANCE, NoParams.INSTANCE);
        long t2 = System.nanoTime();
        rawLatency[i] = (t1 - t0) / 1e3;
        poolLatency[i] = (t2 - t1) / 1e3;
      }
      throughput1 = throughput(pool, calls);
      sleepy1 = sleepyThroughput(pool, SLEEPY_CALLS);
    }
    java.util.Map<String, Object> executeAll = TaskCurves.executeAll(address, raw, quick ? 2000 : 10000);
    raw.kill();
    // The curve is measured in the first of repeated runs only (run.sh passes --no-curves to the others).
    List<java.util.Map<String, Object>> curve = List.of(args).contains("--no-curves") ? List.of() : TaskCurves.throughput(address, quick);
    try (RayActorExecutor pool = RayActorExecutor.builder().address(address).numActors(2).sink(EventSink.discarding()).build()) {
      throughput(pool, calls / 4);
      throughput2 = throughput(pool, calls);
      sleepy2 = sleepyThroughput(pool, SLEEPY_CALLS);
    }

    double rawMedian = Stats.median(rawLatency);
    double poolMedian = Stats.median(poolLatency);
    System.out.println();
    System.out.println("TASK benchmark (" + calls + " measured calls after " + warmupCalls + " warm-up calls, " + rounds + " start rounds, " + Runtime.getRuntime().availableProcessors()
        + " cores)");
    System.out.println("| figure | Synapse pool | raw Ray Java actor | ratio |");
    System.out.println("|---|---|---|---|");
    row("round trip of a no-op, median (us)", poolMedian, rawMedian, poolMedian / rawMedian);
    row("round trip of a no-op, p90 (us)", Stats.percentile(poolLatency, 0.9), Stats.percentile(rawLatency, 0.9),
        Stats.percentile(poolLatency, 0.9) / Stats.percentile(rawLatency, 0.9));
    row("start to first result, median (ms)", Stats.median(poolStart), Stats.median(rawStart),
        Stats.median(poolStart) / Stats.median(rawStart));
    System.out.printf(Locale.ROOT, "| throughput, no-op, 1 actor (calls/s) | %.0f | | |%n", throughput1);
    System.out.printf(Locale.ROOT, "| throughput, no-op, 2 actors (calls/s) | %.0f | | %.2fx of 1 actor |%n", throughput2,
        throughput2 / throughput1);
    System.out.printf(Locale.ROOT, "| throughput, 20 ms action, 1 actor (calls/s) | %.1f | | |%n", sleepy1);
    System.out.printf(Locale.ROOT, "| throughput, 20 ms action, 2 actors (calls/s) | %.1f | | %.2fx of 1 actor |%n", sleepy2,
        sleepy2 / sleepy1);
    System.out.printf(Locale.ROOT, "%ntarget: pool round trip within 1.5x of the raw call: %s (%.2fx)%n",
        poolMedian / rawMedian <= 1.5 ? "met" : "MISSED", poolMedian / rawMedian);
    double ratio = (Double) executeAll.get("execute_all_calls_per_s") / (Double) executeAll.get("raw_one_by_one_calls_per_s");
    System.out.printf(Locale.ROOT, "| executeAll of %d no-ops, 2 actors (calls/s) | %.0f | %.0f one by one (%.0f all in flight) | %.2fx |%n",
        executeAll.get("calls"), executeAll.get("execute_all_calls_per_s"), executeAll.get("raw_one_by_one_calls_per_s"),
        executeAll.get("raw_pipelined_calls_per_s"), ratio);
    System.out.println("| peak RSS, driver / each worker (MiB) | " + (long) executeAll.get("driver_peak_rss_kb") / 1024 + " / "
        + ((List<?>) executeAll.get("worker_peak_rss_kb")).stream().map(k -> String.valueOf((Long) k / 1024)).toList() + " | | |");
    Ray.shutdown();
    for (String arg : args) {
      if (arg.startsWith("--json=")) {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("calls", calls);
        json.put("round_trip_us", java.util.Map.of("pool", ProcessBenchmark.summary(poolLatency), "raw", ProcessBenchmark.summary(rawLatency)));
        json.put("start_ms", java.util.Map.of("pool", ProcessBenchmark.summary(poolStart), "raw", ProcessBenchmark.summary(rawStart)));
        json.put("execute_all", executeAll);
        json.put("throughput_curve", curve);
        new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new java.io.File(arg.substring(7)), json);
      }
    }
  }

  private static final int SLEEPY_CALLS = 100;

  private static double sleepyThroughput(RayActorExecutor pool, int calls) {
    List<EchoParams> params = Collections.nCopies(calls, new EchoParams("x", 20, false));
    long t0 = System.nanoTime();
    int done = pool.executeAll(EchoAction_Descriptor.INSTANCE, params).size();
    return done / ((System.nanoTime() - t0) / 1e9);
  }

  private static double throughput(RayActorExecutor pool, int calls) {
    List<NoParams> params = Collections.nCopies(calls, NoParams.INSTANCE);
    long t0 = System.nanoTime();
    List<String> results = new ArrayList<>(pool.executeAll(NoopAction_Descriptor.INSTANCE, params));
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (results.size() != calls) {
      throw new IllegalStateException("lost results");
    }
    return calls / seconds;
  }

  private static void row(String figure, double ours, double baseline, double ratio) {
    System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2fx |%n", figure, ours, baseline, ratio);
  }
}
