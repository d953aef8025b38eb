package io.synapse.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config.yaml the build generated, and its folder, are plugin paths: the classes root above them is the plugin. */
class GeneratedConfigPathTest {
  private static final Path CLASSES = Path.of("target", "classes").toAbsolutePath();
  private static final Path CONFIG_DIR = CLASSES.resolve("META-INF/synapse/hello_plugin");

  @TempDir Path temp;

  @AfterEach
  void forget() {
    PluginRunner.clearCache();
  }

  @Test
  void theGeneratedConfigAndItsFolderLoadTheBuiltPlugin() {
    PluginDiscovery onClassPath = PluginDiscovery.fromModule("hello_plugin");
    for (Path path : new Path[] {CONFIG_DIR.resolve("config.yaml"), CONFIG_DIR}) {
      try (PluginDiscovery byPath = PluginDiscovery.fromPath(path)) {
        assertEquals(onClassPath.config(), byPath.config(), path.toString());
        assertEquals(path, byPath.source().orElseThrow());
        assertEquals(CLASSES, byPath.classPath().get(0), "the classes root above META-INF");
        assertTrue(byPath.getActionParamsSchema("process").contains("\"input_path\""));
      }
    }
  }

  @Test
  void runPluginTakesTheGeneratedConfigPath() {
    Object result = PluginRunner.runPlugin(CONFIG_DIR.resolve("config.yaml").toString(), "process",
        Map.of("input_path", "/data/input.csv", "output_path", "/data/output.csv", "batch_size", 64, "verbose", true));
    assertEquals(Map.of("status", "completed", "output_path", "/data/output.csv", "items_processed", 100),
        PluginRunner.writeResult(CONFIG_DIR.resolve("config.yaml").toString(), "process", result));
  }

  @Test
  void aGeneratedConfigInAnotherPluginsFolderIsAConfigError() throws IOException {
    Path copy = temp.resolve("classes");
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(CLASSES.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Path moved = copy.resolve("META-INF/synapse/other_plugin");
    Files.move(copy.resolve("META-INF/synapse/hello_plugin"), moved);
    ConfigError error = assertThrows(ConfigError.class, () -> PluginDiscovery.fromPath(moved.resolve("config.yaml")));
    assertTrue(error.getMessage().contains("declares plugin 'hello_plugin' but sits in META-INF/synapse/other_plugin"),
        error.getMessage());
    assertEquals(moved.resolve("config.yaml").toString(), error.details().get("file"));
  }
}
