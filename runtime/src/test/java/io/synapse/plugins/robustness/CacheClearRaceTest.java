package io.synapse.plugins.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.LocalExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clearing the plugin cache, or closing a cached plugin, while many threads run a path-loaded plugin
 * whose classes only its own class loader defines: no run in flight breaks (before leases, about 0.7%
 * of runs failed with a raw {@code NoClassDefFoundError}), every failure is a typed error, and once
 * the runs are over the jar is released.
 */
class CacheClearRaceTest {
  static final int THREADS = 50;
  static final int RUNS_PER_THREAD = 200;

  @TempDir Path temp;

  @AfterEach
  void forget() {
    PluginRunner.clearCache();
  }

  @Test
  void clearingTheCacheNeverBreaksARunInFlight() throws Exception {
    Path plugin = IsolatedPlugin.write(temp.resolve("plugin"));
    Outcome outcome = runWhile(plugin, "greet", PluginRunner::clearCache);
    assertEquals(List.of(), outcome.failures(), outcome::summary);
    assertEquals(THREADS * RUNS_PER_THREAD, outcome.runs());
    assertTrue(outcome.disturbances() > 50, "the cache was cleared often enough to race (" + outcome.disturbances() + " times)");
    PluginRunner.clearCache();
    assertEquals(0, ResourceLeaksTest.jarHandlesOn(plugin.resolve("lib/plugin.jar").toRealPath()), "the jar is released after the runs");
  }

  @Test
  void closingACachedPluginFromAnotherThreadNeverBreaksARunInFlight() throws Exception {
    Path plugin = IsolatedPlugin.write(temp.resolve("plugin"));
    String code = plugin.toString();
    Outcome outcome = runWhile(plugin, "greet", () -> PluginRunner.discover(code).close());
    assertEquals(List.of(), outcome.failures(), outcome::summary);
    assertTrue(outcome.disturbances() > 50, "closed " + outcome.disturbances() + " times");
  }

  @Test
  void failingRunsStayTypedWhileTheCacheIsCleared() throws Exception {
    Path plugin = IsolatedPlugin.write(temp.resolve("plugin"));
    Outcome outcome = runWhile(plugin, "fail", PluginRunner::clearCache);
    List<String> untyped = outcome.failures().stream().filter(f -> !f.startsWith(ExecutionError.class.getName() + ": Action 'fail'")).toList();
    assertEquals(List.of(), untyped.subList(0, Math.min(5, untyped.size())), untyped.size() + " untyped failures; " + outcome.summary());
    assertEquals(outcome.runs(), outcome.failures().size(), "every run of 'fail' failed, each with an ExecutionError");
  }

  @Test
  void aLeaseKeepsTheClassLoaderOpenPastCloseUntilItEnds() throws IOException {
    Path dir = IsolatedPlugin.write(temp.resolve("plugin"));
    Path jar = dir.resolve("lib/plugin.jar").toRealPath();
    PluginDiscovery plugin = PluginDiscovery.fromPath(dir);
    Optional<PluginDiscovery.Lease> lease = plugin.tryLease();
    assertTrue(lease.isPresent());
    plugin.close();
    assertTrue(plugin.isClosed());
    assertTrue(plugin.tryLease().isEmpty(), "a closed plugin gives no new lease");
    // Classes and resources still load under the lease: the first run happens after close().
    Object result = LocalExecutor.builder().sink(EventSink.discarding()).build()
        .execute(plugin.descriptor("greet"), Map.of("name", "late"));
    assertEquals("hello late", result);
    assertTrue(ResourceLeaksTest.jarHandlesOn(jar) > 0, "the jar is open while the lease is held");
    lease.get().close();
    lease.get().close();
    assertEquals(0, ResourceLeaksTest.jarHandlesOn(jar), "the last lease closed the class loader");
    plugin.close();
  }

  @Test
  void classPathPluginsNeedNoCounting() {
    PluginDiscovery plugin = PluginDiscovery.fromModule("test_plugin");
    plugin.close();
    assertFalse(plugin.isClosed(), "nothing to close for a class-path plugin");
    assertTrue(plugin.tryLease().isPresent());
  }

  record Outcome(int runs, List<String> failures, int disturbances) {
    /** How many runs failed, by kind of failure (the message without the run's name). */
    String summary() {
      Map<String, Long> byKind = new java.util.TreeMap<>();
      failures.forEach(failure -> byKind.merge(failure.replaceAll(" #t\\d+-\\d+$", ""), 1L, Long::sum));
      return failures.size() + " of " + runs + " runs failed (" + disturbances + " disturbances): " + byKind;
    }
  }

  /** THREADS x RUNS_PER_THREAD runs of {@code action} while another thread calls {@code disturb} in a loop. */
  private static Outcome runWhile(Path plugin, String action, Runnable disturb) throws Exception {
    String code = plugin.toString();
    RunOptions options = RunOptions.builder().sink(EventSink.discarding()).build();
    PluginRunner.runPlugin(code, "greet", Map.of("name", "warm"), ExecutionMode.LOCAL, options);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    ConcurrentMap<String, Boolean> failures = new ConcurrentHashMap<>();
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger disturbances = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch started = new CountDownLatch(1);
    try {
      Future<?> disturber = pool.submit(() -> {
        started.countDown();
        while (running.get()) {
          disturb.run();
          disturbances.incrementAndGet();
          Thread.onSpinWait();
        }
      });
      started.await();
      List<Future<?>> runners = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        runners.add(pool.submit(() -> {
          for (int i = 0; i < RUNS_PER_THREAD; i++) {
            String name = "t" + thread + "-" + i;
            try {
              Object result = PluginRunner.runPlugin(code, action, action.equals("greet") ? Map.of("name", name) : Map.of(),
                  ExecutionMode.LOCAL, options);
              if (!("hello " + name).equals(result)) {
                failures.put("run " + name + " returned " + result, true);
              }
            } catch (Throwable e) {
              failures.put(e.getClass().getName() + ": " + firstLine(e.getMessage()) + " #" + name, true);
            } finally {
              runs.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> runner : runners) {
        runner.get(300, TimeUnit.SECONDS);
      }
      running.set(false);
      disturber.get(60, TimeUnit.SECONDS);
    } finally {
      running.set(false);
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
    }
    List<String> sorted = new ArrayList<>(failures.keySet());
    sorted.sort(null);
    return new Outcome(runs.get(), sorted, disturbances.get());
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
