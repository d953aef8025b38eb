package io.synapse.benchmarks;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import io.synapse.examples.ray.EchoAction_Descriptor;
import io.synapse.examples.ray.EchoParams;
import io.synapse.examples.ray.NoopAction_Descriptor;
import io.synapse.plugins.action.NoParams;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TASK curves and the {@code executeAll} figure, for {@link TaskBenchmark}: throughput against
 * pool size (1, 2, 4 actors) and action duration (no-op, 5 ms, 20 ms); {@code executeAll} of many
 * no-op calls on a 2-actor pool against the same number of calls one by one through a raw Ray Java
 * actor (and, as the floor of pipelining, all of them submitted at once to that actor); peak RSS
 * ({@code VmHWM}) of the driver and of each worker.
 */
final class TaskCurves {
  private TaskCurves() {}

  /** Throughput in calls/s for every pool size and duration. */
  static List<Map<String, Object>> throughput(String address, boolean quick) {
    List<Map<String, Object>> points = new ArrayList<>();
    for (int actors : List.of(1, 2, 4)) {
      try (RayActorExecutor pool = RayActorExecutor.builder().address(address).numActors(actors).sink(EventSink.discarding()).build()) {
        // Warm every actor's JIT a little before measuring.
        calls(pool, 0, quick ? 400 : 2000);
        for (long millis : List.of(0L, 5L, 20L)) {
          int calls = millis == 0 ? (quick ? 400 : 2000) : (int) Math.max(20, (quick ? 1000 : 3000) / millis);
          long t0 = System.nanoTime();
          calls(pool, millis, calls);
          double seconds = (System.nanoTime() - t0) / 1e9;
          Map<String, Object> point = new LinkedHashMap<>();
          point.put("actors", actors);
          point.put("action_ms", millis);
          point.put("calls", calls);
          point.put("calls_per_s", calls / seconds);
          points.add(point);
          System.err.printf("task curve: %d actors, %d ms action: %.1f calls/s%n", actors, millis, calls / seconds);
        }
      }
    }
    return points;
  }

  private static void calls(RayActorExecutor pool, long millis, int calls) {
    int done = millis == 0
        ? pool.executeAll(NoopAction_Descriptor.INSTANCE, Collections.nCopies(calls, NoParams.INSTANCE)).size()
        : pool.executeAll(EchoAction_Descriptor.INSTANCE, Collections.nCopies(calls, new EchoParams("x", millis, false))).size();
    if (done != calls) {
      throw new IllegalStateException("lost results: " + done + " of " + calls);
    }
  }

  /**
   * {@code executeAll} of {@code calls} no-ops on a 2-actor pool against the raw actor one call at a
   * time and all calls in flight at once; also the peak RSS of the driver and of the pool's workers.
   */
  static Map<String, Object> executeAll(String address, ActorHandle<TaskBenchmark.RawActor> raw, int calls) {
    Map<String, Object> out = new LinkedHashMap<>();
    try (RayActorExecutor pool = RayActorExecutor.builder().address(address).numActors(2).sink(EventSink.discarding()).build()) {
      calls(pool, 0, Math.min(calls, 2000));
      for (int i = 0; i < Math.min(calls, 2000); i++) {
        Ray.get(raw.task(TaskBenchmark.RawActor::call, "{}").remote());
      }
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      threads.resetPeakThreadCount();
      int threadsBefore = threads.getThreadCount();
      long t0 = System.nanoTime();
      calls(pool, 0, calls);
      double ours = calls / ((System.nanoTime() - t0) / 1e9);
      // How many driver threads executeAll needed at once (it follows its chunks from the calling thread).
      out.put("driver_threads_before", threadsBefore);
      out.put("driver_peak_threads", threads.getPeakThreadCount());
      long t1 = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        Ray.get(raw.task(TaskBenchmark.RawActor::call, TaskBenchmark.REQUEST).remote());
      }
      double oneByOne = calls / ((System.nanoTime() - t1) / 1e9);
      long t2 = System.nanoTime();
      List<ObjectRef<String>> refs = new ArrayList<>(calls);
      for (int i = 0; i < calls; i++) {
        refs.add(raw.task(TaskBenchmark.RawActor::call, TaskBenchmark.REQUEST).remote());
      }
      int answered = Ray.get(refs).size();
      double pipelined = answered / ((System.nanoTime() - t2) / 1e9);
      out.put("calls", calls);
      out.put("execute_all_calls_per_s", ours);
      out.put("raw_one_by_one_calls_per_s", oneByOne);
      out.put("raw_pipelined_calls_per_s", pipelined);
      List<Long> workers = new ArrayList<>();
      for (long pid : pool.workerPids()) {
        workers.add(peakRssKb(pid));
      }
      out.put("worker_peak_rss_kb", workers);
      out.put("driver_peak_rss_kb", peakRssKb(ProcessHandle.current().pid()));
      System.err.printf("executeAll: %.0f calls/s, raw one by one %.0f, raw pipelined %.0f; driver threads %d before, peak %d%n", ours,
          oneByOne, pipelined, threadsBefore, threads.getPeakThreadCount());
    }
    return out;
  }

  /** {@code VmHWM} of a process on this machine, in kB, or -1 when it cannot be read. */
  static long peakRssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
