package io.synapse.plugins.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.fixture.GreetAction;
import io.synapse.plugins.fixture.GreetParams;
import io.synapse.plugins.fixture.TestPluginRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDiscoveryTest {
  private static final String SERVICE = "META-INF/services/io.synapse.plugins.spi.PluginRegistry";
  private static final String CONFIG = "name: Test Plugin\ncode: test_plugin\nversion: 1.0.0\ncategory: custom\n"
      + "actions:\n  greet:\n    name: Greet\n  fail:\n    name: Fail\n";

  @TempDir Path temp;

  @Test
  void findsPluginsByCodeAndPackage() {
    PluginDiscovery byCode = PluginDiscovery.fromModule("test_plugin");
    assertEquals(List.of("fail", "greet"), byCode.listActions());
    assertTrue(byCode.hasAction("greet"));
    assertFalse(byCode.hasAction("nope"));
    assertEquals("Greet", byCode.getActionConfig("greet").title());
    assertSame(GreetAction.class, byCode.getActionClass("greet"));
    assertSame(GreetParams.class, byCode.getActionParamsType("greet"));
    assertEquals("test_plugin", PluginDiscovery.fromModule("io.synapse.plugins.fixture").config().code());
    assertEquals("test_plugin", PluginDiscovery.fromModule("io.synapse.plugins.fixture.sub").config().code());
  }

  @Test
  void unknownPluginListsWhatIsThere() {
    PluginNotFoundError error = assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromModule("test_plugn"));
    assertEquals(List.of("test_plugin"), error.details().get("available"));
    assertTrue(error.getMessage().contains("Did you mean 'test_plugin'?"), error.getMessage());
  }

  @Test
  void unknownActionListsActionsAndSuggests() {
    ActionNotFoundError error = assertThrows(ActionNotFoundError.class,
        () -> PluginDiscovery.fromModule("test_plugin").getActionConfig("gret"));
    assertEquals(List.of("fail", "greet"), error.details().get("available"));
    assertEquals("greet", error.details().get("suggestion"));
    assertTrue(error.getMessage().contains("did you mean 'greet'?"), error.getMessage());
  }

  @Test
  void missingSchemaResourceIsAConfigError() {
    ConfigError error = assertThrows(ConfigError.class, () -> PluginDiscovery.fromModule("test_plugin").getActionParamsSchema("greet"));
    assertTrue(error.getMessage().contains("schemas/greet.params.schema.json"), error.getMessage());
  }

  @Test
  void loadsAPluginDirectoryWithJarsUnderLib() throws IOException {
    Path dir = pluginDirectory(CONFIG);
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(dir)) {
      assertEquals("test_plugin", plugin.config().code());
      assertEquals(dir.toAbsolutePath().normalize(), plugin.source().orElseThrow());
      assertEquals(1, plugin.classPath().size());
    }
    try (PluginDiscovery viaConfig = PluginDiscovery.fromPath(dir.resolve("config.yaml"))) {
      assertEquals("test_plugin", viaConfig.config().code());
    }
    try (PluginDiscovery viaJar = PluginDiscovery.fromPath(dir.resolve("lib/plugin.jar"))) {
      assertEquals("test_plugin", viaJar.config().code());
    }
  }

  @Test
  void staleConfigIsAConfigErrorNamingBothSides() throws IOException {
    Path dir = pluginDirectory(CONFIG.replace("  fail:\n    name: Fail\n", "  train:\n    name: Train\n"));
    ConfigError error = assertThrows(ConfigError.class, () -> PluginDiscovery.fromPath(dir));
    assertTrue(error.getMessage().contains("[greet, train]") && error.getMessage().contains("[fail, greet]"), error.getMessage());
  }

  @Test
  void configForAnotherPluginIsAConfigError() throws IOException {
    Path dir = pluginDirectory(CONFIG.replace("code: test_plugin", "code: other"));
    ConfigError error = assertThrows(ConfigError.class, () -> PluginDiscovery.fromPath(dir));
    assertTrue(error.getMessage().contains("declares plugin 'other'"), error.getMessage());
  }

  @Test
  void malformedConfigNamesFileAndLine() throws IOException {
    Path dir = pluginDirectory("code: test_plugin\nactions:\n  greet: [\n");
    ConfigError error = assertThrows(ConfigError.class, () -> PluginDiscovery.fromPath(dir));
    assertTrue(error.getMessage().contains("config.yaml"), error.getMessage());
    assertTrue(error.details().containsKey("line"), error.details().toString());
  }

  @Test
  void duplicateKeysAndMissingCodeAreConfigErrors() throws IOException {
    Path dup = pluginDirectory("code: a\ncode: b\nactions: {}\n");
    assertThrows(ConfigError.class, () -> PluginDiscovery.fromPath(dup));
    Path noCode = pluginDirectory("name: x\nactions: {}\n");
    ConfigError error = assertThrows(ConfigError.class, () -> PluginDiscovery.fromPath(noCode));
    assertTrue(error.getMessage().contains("has no 'code'"), error.getMessage());
  }

  @Test
  void directoryWithoutJarsIsAConfigError() throws IOException {
    Files.writeString(temp.resolve("config.yaml"), CONFIG);
    ConfigError error = assertThrows(ConfigError.class, () -> PluginDiscovery.fromPath(temp));
    assertTrue(error.getMessage().contains("has no jars"), error.getMessage());
  }

  @Test
  void pathsThatAreNotPluginsAreNotFound() throws IOException {
    assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromPath(temp.resolve("missing")));
    Path text = Files.writeString(temp.resolve("notes.txt"), "hi");
    assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromPath(text));
    Path empty = Files.createDirectory(temp.resolve("empty"));
    PluginNotFoundError error = assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromPath(empty));
    assertTrue(error.getMessage().contains("no config.yaml"), error.getMessage());
  }

  @Test
  void jarWithoutRegistryAndCorruptJarAreReported() throws IOException {
    Path plain = temp.resolve("plain.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plain))) {
      jar.putNextEntry(new JarEntry("README"));
      jar.write("nothing".getBytes(StandardCharsets.UTF_8));
    }
    assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromPath(plain));
    Path corrupt = Files.write(temp.resolve("corrupt.jar"), new byte[] {1, 2, 3, 4});
    assertThrows(PluginNotFoundError.class, () -> PluginDiscovery.fromPath(corrupt));
    Path missingClass = temp.resolve("missing-class.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(missingClass))) {
      jar.putNextEntry(new JarEntry(SERVICE));
      jar.write("com.example.DoesNotExist\n".getBytes(StandardCharsets.UTF_8));
    }
    ConfigError error = assertThrows(ConfigError.class, () -> PluginDiscovery.fromPath(missingClass));
    assertTrue(error.getMessage().contains("could not be loaded"), error.getMessage());
  }

  private Path pluginDirectory(String config) throws IOException {
    Path dir = Files.createTempDirectory(temp, "plugin");
    Files.writeString(dir.resolve("config.yaml"), config);
    Files.createDirectories(dir.resolve("lib"));
    try (OutputStream out = Files.newOutputStream(dir.resolve("lib/plugin.jar"));
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry(SERVICE));
      jar.write((TestPluginRegistry.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return dir;
  }

  /** A registry generated for another binder SPI is refused by name, before any of its binders is called. */
  @Test
  void aRegistryOfAnotherBinderSpiIsRefusedWithTheFix() {
    for (int version : new int[] {1, io.synapse.plugins.spi.PluginRegistry.SPI_VERSION + 1}) {
      io.synapse.plugins.spi.PluginRegistry other = new io.synapse.plugins.spi.PluginRegistry() {
        private final TestPluginRegistry real = new TestPluginRegistry();

        @Override
        public io.synapse.plugins.config.PluginConfig config() {
          return real.config();
        }

        @Override
        public int spiVersion() {
          return version == 1 ? io.synapse.plugins.spi.PluginRegistry.super.spiVersion() : version;
        }

        @Override
        public io.synapse.plugins.spi.ActionDescriptor<?, ?> descriptor(String name) {
          throw new AssertionError("no descriptor of a refused registry is asked for");
        }
      };
      ConfigError error = assertThrows(ConfigError.class, () -> PluginDiscovery.of(other));
      assertTrue(error.getMessage().contains("binder SPI " + version) && error.getMessage().contains("rebuild the plugin"), error.getMessage());
      assertTrue(error.getMessage().contains(version == 1 ? "an older" : "a newer"), error.getMessage());
      assertEquals(version, error.details().get("spi_version"));
      assertEquals(io.synapse.plugins.spi.PluginRegistry.SPI_VERSION, error.details().get("runtime_spi_version"));
      assertEquals(new TestPluginRegistry().config().code(), error.details().get("plugin"));
    }
    assertEquals(io.synapse.plugins.spi.PluginRegistry.SPI_VERSION, new TestPluginRegistry().spiVersion());
  }
}
