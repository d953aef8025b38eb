package io.synapse.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.spi.ActionDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the example as a packaged plugin directory (config.yaml + lib/plugin.jar) in its own class
 * loader, with the test class path's copy hidden, as a user's application would see it.
 */
class IsolatedPluginTest {
  @TempDir Path temp;

  @Test
  void listingActionsLoadsNoActionClassAndRunningUsesThePluginsOwnClasses() throws Exception {
    Path dir = packagedPlugin();
    HidingLoader parent = new HidingLoader(getClass().getClassLoader());
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(dir, parent)) {
      assertEquals(List.of("count-lines", "process", "sign"), plugin.listActions());
      assertEquals("Process Files", plugin.getActionConfig("process").title());
      assertEquals("hello_plugin", plugin.config().code());
      assertTrue(plugin.getActionParamsSchema("process").contains("\"input_path\""));
      List<String> loadedForListing = parent.requested.stream()
          .filter(name -> name.contains("Action") || name.contains("Descriptor") || name.contains("Params")).toList();
      assertEquals(List.of(), loadedForListing, "listing and reading configs must not load action classes");

      ActionDescriptor<?, ?> descriptor = plugin.descriptor("process");
      assertSame(plugin.classLoader(), descriptor.actionClass().getClassLoader());
      assertNotSame(ProcessAction.class, descriptor.actionClass());
      Object result = run(descriptor, Map.of("inputPath", "/in", "outputPath", "/out"));
      assertSame(plugin.classLoader(), result.getClass().getClassLoader());
      assertEquals("ProcessResult[status=completed, outputPath=/out, itemsProcessed=100]", result.toString());
    }
  }

  @Test
  void aClosedPluginCanBeCollected() throws Exception {
    Path dir = packagedPlugin();
    WeakReference<ClassLoader> loader = loadRunAndClose(dir);
    for (int i = 0; i < 20 && loader.get() != null; i++) {
      System.gc();
      Thread.sleep(50);
    }
    assertNull(loader.get(), "the plugin's class loader is still reachable after close()");
  }

  @Test
  void runPluginByPathCachesThePluginAndDoesNoFurtherIo() throws Exception {
    Path dir = packagedPlugin();
    String code = dir.toString();
    try {
      Object first = io.synapse.plugins.PluginRunner.runPlugin(code, "process", Map.of("inputPath", "/a"),
          io.synapse.plugins.ExecutionMode.LOCAL, io.synapse.plugins.RunOptions.builder().sink(new RecordingSink()).build());
      assertEquals("completed", ((ProcessResult) first).status());
      var cached = io.synapse.plugins.PluginRunner.discover(code);
      // With the directory gone, only the cache can serve the second run.
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      assertTrue(Files.notExists(dir));
      Object second = io.synapse.plugins.PluginRunner.runPlugin(code, "process", Map.of("inputPath", "/b"),
          io.synapse.plugins.ExecutionMode.LOCAL, io.synapse.plugins.RunOptions.builder().sink(new RecordingSink()).build());
      assertEquals(first, second);
      assertSame(cached, io.synapse.plugins.PluginRunner.discover(code));
    } finally {
      io.synapse.plugins.PluginRunner.clearCache();
    }
  }

  private WeakReference<ClassLoader> loadRunAndClose(Path dir) {
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(dir, new HidingLoader(getClass().getClassLoader()))) {
      run(plugin.descriptor("process"), Map.of("inputPath", "/in"));
      return new WeakReference<>(plugin.classLoader());
    }
  }

  private static Object run(ActionDescriptor<?, ?> descriptor, Map<String, ?> params) {
    return LocalExecutor.builder().sink(new RecordingSink()).build().execute(descriptor, params);
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

  /** Hides the example's classes and resources on the test class path, recording what was asked for. */
  static final class HidingLoader extends ClassLoader {
    final Set<String> requested = ConcurrentHashMap.newKeySet();

    HidingLoader(ClassLoader parent) {
      super("hiding", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("io.synapse.examples.")) {
        requested.add(name);
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      URL url = super.getResource(name);
      return url == null || isExample(url) ? null : url;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      List<URL> kept = new ArrayList<>();
      for (URL url : Collections.list(super.getResources(name))) {
        if (!isExample(url)) {
          kept.add(url);
        }
      }
      return Collections.enumeration(kept);
    }

    private static boolean isExample(URL url) {
      return url.toString().contains("/hello-plugin/target/");
    }
  }
}
