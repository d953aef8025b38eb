package io.synapse.examples.hello.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.examples.hello.ProcessAction;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.LocalExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hello plugin packaged as users ship it (config.yaml + lib/plugin.jar), its classes hidden from
 * the test class path so that its own class loader defines them, loaded, run and closed many times:
 * every class loader becomes unreachable (weak references cleared after GC), the heap does not grow,
 * and no file descriptor (the jar) or thread is left behind.
 */
class PluginLifecycleLeakTest {
  static final int CYCLES = 60;

  @TempDir Path temp;

  @Test
  void loadRunAndCloseManyTimesLeavesNothingBehind() throws Exception {
    Path dir = packagedPlugin();
    Path jar = dir.resolve("lib/plugin.jar").toRealPath();
    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      loaders.add(loadRunAndClose(dir));
    }
    long fdsBefore = openFileDescriptors();
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    long heapBefore = usedHeapAfterGc();
    for (int i = 0; i < CYCLES; i++) {
      loaders.add(loadRunAndClose(dir));
    }
    long heapAfter = usedHeapAfterGc();
    awaitCollected(loaders);
    assertTrue(openFileDescriptors() <= fdsBefore + 8, "file descriptors grew from " + fdsBefore + " to " + openFileDescriptors());
    assertEquals(0, handlesOn(jar), "the plugin jar is still open");
    assertTrue(ManagementFactory.getThreadMXBean().getThreadCount() <= threadsBefore + 1, "threads grew");
    assertTrue(heapAfter - heapBefore < 24L * 1024 * 1024, "heap grew by " + (heapAfter - heapBefore) + " bytes over " + CYCLES + " cycles");
  }

  @Test
  void runPluginByPathAndClearCacheReleasesTheJar() throws Exception {
    // The plugin's classes are also on the test class path here, so its registry comes from the
    // parent loader; what must still be released is the jar the path loader opened.
    Path dir = packagedPlugin();
    for (int i = 0; i < 20; i++) {
      Object result = PluginRunner.runPlugin(dir.toString(), "process", Map.of("inputPath", "/in"), ExecutionMode.LOCAL,
          RunOptions.builder().sink(new RecordingSink()).build());
      assertTrue(result.toString().contains("completed"));
      PluginRunner.clearCache();
    }
    assertEquals(0, handlesOn(dir.resolve("lib/plugin.jar").toRealPath()), "the plugin jar is still open after clearCache()");
  }

  private WeakReference<ClassLoader> loadRunAndClose(Path dir) {
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(dir, new HidingLoader(getClass().getClassLoader()))) {
      assertNotSame(ProcessAction.class, plugin.descriptor("process").actionClass(), "the plugin's own loader defines its classes");
      LocalExecutor executor = LocalExecutor.builder().sink(new RecordingSink()).build();
      assertEquals("completed", String.valueOf(executor.execute(plugin.descriptor("process"), Map.of("inputPath", "/in")))
          .replaceAll(".*status=(\\w+).*", "$1"));
      try {
        executor.execute(plugin.descriptor("count-lines"), Map.of("file", "/no/such/file"));
      } catch (ExecutionError expected) {
        // the failure path must not pin the loader either
      }
      assertTrue(plugin.getActionParamsSchema("sign").contains("writeOnly"));
      return new WeakReference<>(plugin.classLoader());
    }
  }

  private static void awaitCollected(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
    for (int i = 0; i < 40 && loaders.stream().anyMatch(ref -> ref.get() != null); i++) {
      System.gc();
      Thread.sleep(50);
    }
    long alive = loaders.stream().filter(ref -> ref.get() != null).count();
    assertEquals(0, alive, alive + " of " + loaders.size() + " closed plugin class loaders are still reachable");
  }

  /** A plugin directory as a user ships it: config.yaml and lib/plugin.jar holding target/classes. */
  private Path packagedPlugin() throws IOException {
    Path classes = Path.of("target", "classes").toAbsolutePath();
    Path dir = Files.createDirectories(temp.resolve("hello"));
    Files.copy(classes.resolve("META-INF/synapse/hello_plugin/config.yaml"), dir.resolve("config.yaml"));
    Files.createDirectories(dir.resolve("lib"));
    try (OutputStream out = Files.newOutputStream(dir.resolve("lib/plugin.jar"));
        JarOutputStream jar = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(file));
        jar.closeEntry();
      }
    }
    return dir;
  }

  static long openFileDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  static long handlesOn(Path file) throws IOException {
    long count = 0;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          if (Files.readSymbolicLink(fd).equals(file)) {
            count++;
          }
        } catch (IOException | UnsupportedOperationException gone) {
          // closed while listing
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

  /** Hides the example's classes and resources on the test class path. */
  static final class HidingLoader extends ClassLoader {
    HidingLoader(ClassLoader parent) {
      super("hiding", parent);
    }

    private static boolean hidden(String name) {
      return name.startsWith("io.synapse.examples.") || name.startsWith("io/synapse/examples/")
          || name.startsWith("META-INF/synapse/") || name.equals("META-INF/services/io.synapse.plugins.spi.PluginRegistry");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (hidden(name)) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      return hidden(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      return hidden(name) ? null : super.getResourceAsStream(name);
    }
  }
}
