package io.synapse.plugins.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.fixture.TestPluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads running one plugin's actions at once, through runPlugin and a shared LocalExecutor:
 * every result is its own run's, every event reaches its own run's sink, and the discovery cache
 * hands every thread the same plugin instance.
 */
class ConcurrencyTest {
  static final int THREADS = 16;
  static final int RUNS_PER_THREAD = 250;

  @TempDir Path temp;

  @AfterEach
  void forget() {
    PluginRunner.clearCache();
  }

  @Test
  void runPluginFromManyThreadsKeepsParamsContextsAndSinksApart() throws Exception {
    List<String> failures = inParallel(THREADS, thread -> {
      List<String> problems = new ArrayList<>();
      for (int run = 0; run < RUNS_PER_THREAD; run++) {
        String name = "t" + thread + "r" + run;
        RecordingSink sink = new RecordingSink();
        Object result = PluginRunner.runPlugin("test_plugin", "greet", Map.of("name", name, "times", 1 + run % 3), ExecutionMode.LOCAL,
            RunOptions.builder().env(Map.of("SUFFIX", "/" + thread)).jobId("job-" + name).sink(sink).build());
        if (!("hello " + name + "/" + thread + " #job-" + name).equals(result)) {
          problems.add("run " + name + " returned " + result);
        }
        for (PluginEvent event : sink.events()) {
          if (!("job-" + name).equals(event.jobId())) {
            problems.add("run " + name + " received " + event);
          }
        }
        int expectedEvents = (1 + run % 3) + 3;
        if (sink.events().size() != expectedEvents) {
          problems.add("run " + name + " got " + sink.events().size() + " events, not " + expectedEvents);
        }
        if (!sink.events(EventType.MESSAGE).get(0).message().equals("hello " + name)) {
          problems.add("run " + name + " message " + sink.events(EventType.MESSAGE));
        }
      }
      return problems;
    });
    assertEquals(List.of(), failures);
  }

  @Test
  void oneSharedExecutorDeliversEveryEventOnceWithItsOwnParams() throws Exception {
    RecordingSink shared = new RecordingSink();
    LocalExecutor executor = LocalExecutor.builder().sink(shared).jobId("shared").build();
    List<String> failures = inParallel(THREADS, thread -> {
      List<String> problems = new ArrayList<>();
      for (int run = 0; run < RUNS_PER_THREAD; run++) {
        String name = "t" + thread + "r" + run;
        Object result = executor.execute(TestPluginRegistry.GreetDescriptor.INSTANCE, Map.of("name", name));
        if (!("hello " + name + " #shared").equals(result)) {
          problems.add(name + " -> " + result);
        }
      }
      return problems;
    });
    assertEquals(List.of(), failures);
    List<PluginEvent> messages = shared.events(EventType.MESSAGE);
    assertEquals(THREADS * RUNS_PER_THREAD * 4, shared.events().size());
    Set<String> distinct = messages.stream().map(PluginEvent::message).collect(Collectors.toSet());
    assertEquals(THREADS * RUNS_PER_THREAD, distinct.size(), "each run's message exactly once");
    assertEquals(THREADS * RUNS_PER_THREAD, messages.size());
  }

  @Test
  void typedParamsNeverCrossBetweenThreads() throws Exception {
    LocalExecutor executor = LocalExecutor.builder().sink(new RecordingSink()).build();
    List<String> failures = inParallel(THREADS, thread -> {
      List<String> problems = new ArrayList<>();
      for (int run = 0; run < RUNS_PER_THREAD; run++) {
        Map<String, Object> input = Map.of("name", "n" + thread + "-" + run, "mode", run % 2 == 0 ? "train" : "eval",
            "batchSize", 1 + run, "layers", List.of(Map.of("size", thread + 1), Map.of("size", run + 1, "activation", "tanh")),
            "labels", Map.of("t" + thread, run), "tags", List.of("x" + thread, "y" + run));
        RichParams bound = executor.execute(RichFixture.Descriptor.INSTANCE, input);
        RichParams expected = new RichParams("n" + thread + "-" + run, 1 + run, java.util.Optional.empty(),
            run % 2 == 0 ? RichParams.Mode.TRAIN : RichParams.Mode.EVAL,
            List.of(new RichParams.Layer(thread + 1, RichParams.Activation.RELU), new RichParams.Layer(run + 1, RichParams.Activation.TANH)),
            Map.of("t" + thread, run), null, null, false, Set.of("x" + thread, "y" + run), null);
        if (!expected.equals(bound)) {
          problems.add(expected + " != " + bound);
        }
      }
      return problems;
    });
    assertEquals(List.of(), failures);
  }

  @Test
  void discoverUnderContentionReturnsOneInstanceByCodeAndByPath() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("plugin/lib"));
    Files.writeString(dir.getParent().resolve("config.yaml"), PluginFilesRobustnessTest.GOOD);
    PluginFilesRobustnessTest.writeRegistryJar(dir.resolve("plugin.jar"));
    for (String key : List.of("test_plugin", "io.synapse.plugins.fixture", dir.getParent().toString())) {
      for (int round = 0; round < 20; round++) {
        PluginRunner.clearCache();
        Set<PluginDiscovery> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<PluginDiscovery> found = Collections.synchronizedList(new ArrayList<>());
        inParallel(THREADS, thread -> {
          start.await(10, TimeUnit.SECONDS);
          found.add(PluginRunner.discover(key));
          return List.of();
        });
        seen.addAll(found);
        assertEquals(THREADS, found.size());
        assertEquals(1, seen.size(), "discover(" + key + ") returned " + seen.size() + " instances in round " + round);
        assertEquals(List.of("fail", "greet"), found.get(0).listActions());
      }
    }
  }

  /** Runs {@code work} on {@code threads} threads at once and gathers what each reports. */
  static List<String> inParallel(int threads, ThreadWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        futures.add(pool.submit((Callable<List<String>>) () -> work.run(thread)));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> future : futures) {
        all.addAll(future.get(60, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  /** One thread's share of the work, reporting its problems. */
  @FunctionalInterface
  interface ThreadWork {
    List<String> run(int thread) throws Exception;
  }
}
