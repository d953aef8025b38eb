package io.synapse.plugins.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.JsonLinesSink;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.fixture.TestPluginRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading and closing plugins many times, and running many actions (succeeding, failing, refused),
 * leaves no open file descriptors, no extra threads and no heap growth behind. File descriptors are
 * counted in /proc/self/fd (Linux, where CI runs).
 */
class ResourceLeaksTest {
  static final int CYCLES = 300;
  /** Slack for descriptors the JVM itself opens meanwhile (JIT logs, class data). */
  private static final int FD_SLACK = 8;

  @TempDir Path temp;

  @Test
  void loadingAndClosingAPluginManyTimesReleasesItsFilesAndHeap() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("plugin/lib"));
    Files.writeString(dir.getParent().resolve("config.yaml"), PluginFilesRobustnessTest.GOOD);
    PluginFilesRobustnessTest.writeRegistryJar(dir.resolve("plugin.jar"));
    LocalExecutor executor = LocalExecutor.builder().sink(EventSink.discarding()).build();
    cycleThroughPath(dir.getParent(), executor, 20);
    long fdsBefore = openFileDescriptors();
    long heapBefore = usedHeapAfterGc();
    cycleThroughPath(dir.getParent(), executor, CYCLES);
    long fdsAfter = openFileDescriptors();
    long heapAfter = usedHeapAfterGc();
    assertTrue(fdsAfter <= fdsBefore + FD_SLACK, "open file descriptors grew from " + fdsBefore + " to " + fdsAfter);
    assertTrue(heapAfter - heapBefore < 16L * 1024 * 1024, "heap grew by " + (heapAfter - heapBefore) + " bytes");
  }

  @Test
  void runPluginByPathThenClearCacheReleasesTheJar() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("cached/lib"));
    Files.writeString(dir.getParent().resolve("config.yaml"), PluginFilesRobustnessTest.GOOD);
    PluginFilesRobustnessTest.writeRegistryJar(dir.resolve("plugin.jar"));
    String code = dir.getParent().toString();
    runAndClear(code, 10);
    long before = openFileDescriptors();
    runAndClear(code, CYCLES);
    long after = openFileDescriptors();
    assertTrue(after <= before + FD_SLACK, "open file descriptors grew from " + before + " to " + after);
    assertEquals(0, jarHandlesOn(dir.resolve("plugin.jar")), "the plugin jar is still open after clearCache()");
  }

  @Test
  void badPluginDirectoriesCloseWhatTheyOpened() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("stale/lib"));
    Files.writeString(dir.getParent().resolve("config.yaml"), PluginFilesRobustnessTest.GOOD.replace("code: test_plugin", "code: other"));
    PluginFilesRobustnessTest.writeRegistryJar(dir.resolve("plugin.jar"));
    long before = openFileDescriptors();
    for (int i = 0; i < CYCLES; i++) {
      try {
        PluginDiscovery.fromPath(dir.getParent()).close();
        throw new AssertionError("a stale plugin loaded");
      } catch (ConfigError expected) {
        // the class loader opened for it must be closed again
      }
    }
    assertTrue(openFileDescriptors() <= before + FD_SLACK);
    assertEquals(0, jarHandlesOn(dir.resolve("plugin.jar")));
  }

  @Test
  void manyRunsOnEveryPathStartNoThreadsAndKeepNoFilesOpen() throws IOException {
    Path events = temp.resolve("events.jsonl");
    long fdsBefore = openFileDescriptors();
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    for (int i = 0; i < 2_000; i++) {
      try (JsonLinesSink sink = new JsonLinesSink(events)) {
        LocalExecutor executor = LocalExecutor.builder().sink(sink).jobId("j" + i).build();
        executor.execute(TestPluginRegistry.GreetDescriptor.INSTANCE, Map.of("name", "n" + i));
        try {
          executor.execute(TestPluginRegistry.FailDescriptor.INSTANCE, Map.of());
          throw new AssertionError("fail did not fail");
        } catch (ExecutionError expected) {
          // the failure path must release as much as the success path
        }
        try {
          executor.execute(TestPluginRegistry.GreetDescriptor.INSTANCE, Map.of("times", 0));
          throw new AssertionError("invalid params ran");
        } catch (ValidationError expected) {
          // refused before running
        }
      }
    }
    assertTrue(openFileDescriptors() <= fdsBefore + FD_SLACK, "file descriptors leaked");
    assertEquals(0, jarHandlesOn(events), "the events file is still open");
    assertTrue(ManagementFactory.getThreadMXBean().getThreadCount() <= threadsBefore + 1,
        "threads grew from " + threadsBefore + " to " + ManagementFactory.getThreadMXBean().getThreadCount());
    assertEquals(2_000 * 4, Files.readAllLines(events).stream().filter(l -> l.contains("\"action\":\"greet\"")).count());
  }

  private static void cycleThroughPath(Path dir, LocalExecutor executor, int cycles) {
    for (int i = 0; i < cycles; i++) {
      try (PluginDiscovery plugin = PluginDiscovery.fromPath(dir)) {
        assertEquals("hello x", executor.execute(plugin.descriptor("greet"), Map.of("name", "x")));
      }
    }
  }

  private static void runAndClear(String code, int cycles) {
    for (int i = 0; i < cycles; i++) {
      assertEquals("hello y", PluginRunner.runPlugin(code, "greet", Map.of("name", "y"), ExecutionMode.LOCAL,
          RunOptions.builder().sink(new RecordingSink()).build()));
      PluginRunner.clearCache();
    }
  }

  static long openFileDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /** How many of this process's descriptors are open on {@code file}. */
  static long jarHandlesOn(Path file) throws IOException {
    Path real = file.toRealPath();
    long count = 0;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          if (Files.readSymbolicLink(fd).equals(real)) {
            count++;
          }
        } catch (IOException | UnsupportedOperationException gone) {
          // the descriptor closed while listing (for example the listing's own)
        }
      }
    }
    return count;
  }

  static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
