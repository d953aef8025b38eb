package io.synapse.plugins.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.fixture.GreetAction;
import io.synapse.plugins.fixture.TestPluginRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken config.yaml files and plugin directories: each is a ConfigError or a
 * PluginNotFoundError naming the file (and the line, for YAML errors), raised in bounded time; the
 * plugin's class loader is never left open.
 */
class PluginFilesRobustnessTest {
  // The limit and logger of discovery's package-private config.yaml reader (ConfigFiles).
  private static final int CONFIG_BYTE_LIMIT = 1024 * 1024;
  private static final String CONFIG_LOGGER = "io.synapse.plugins.discovery.ConfigFiles";
  static final String SERVICE = "META-INF/services/io.synapse.plugins.spi.PluginRegistry";
  static final String GOOD = "name: Test Plugin\ncode: test_plugin\nversion: 1.0.0\ncategory: custom\n"
      + "actions:\n  greet:\n    name: Greet\n    entrypoint: " + GreetAction.class.getName() + "\n  fail:\n    name: Fail\n";
  private static final Duration BOUND = Duration.ofSeconds(10);

  @TempDir Path temp;

  /** A bad config.yaml, what the error must say, and whether it has a line. */
  record BadConfig(String name, String text, String expected, boolean hasLine) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> badConfigs() {
    StringBuilder laughs = new StringBuilder("code: test_plugin\nactions:\n  greet: {}\n  fail: {}\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 12; i++) {
      laughs.append("lol").append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        laughs.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      laughs.append("]\n");
    }
    String deepFlow = "code: test_plugin\nactions: {greet: {}, fail: {}}\ndeep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    StringBuilder deepBlock = new StringBuilder("code: test_plugin\nactions: {greet: {}, fail: {}}\ndeep:\n");
    for (int i = 1; i <= 1_200; i++) {
      deepBlock.append(" ".repeat(i)).append("k:\n");
    }
    List<BadConfig> cases = List.of(
        new BadConfig("billion laughs", laughs.toString(), "anchor or alias", true),
        new BadConfig("flow nesting 10,000 deep", deepFlow, "nesting depth", true),
        new BadConfig("block nesting 1,200 deep", deepBlock.toString(), "", true),
        new BadConfig("over the size limit", GOOD + "# " + "x".repeat(CONFIG_BYTE_LIMIT) + "\n", "byte limit", false),
        new BadConfig("duplicate top-level key", GOOD + "code: other\n", "Duplicate field 'code'", true),
        new BadConfig("duplicate action", GOOD + "  greet:\n    name: Again\n", "Duplicate field 'greet'", true),
        new BadConfig("duplicate key inside an action", GOOD.replace("    name: Greet\n", "    name: Greet\n    name: Greet\n"),
            "Duplicate field 'name'", true),
        new BadConfig("syntax error", "code: test_plugin\nactions:\n  greet: [\n", "not valid YAML", true),
        new BadConfig("tab indentation", "code: test_plugin\nactions:\n\tgreet: {}\n", "not valid YAML", true),
        new BadConfig("binary garbage", "\u0000\u0001\u0002\u00ff\ufffe", "", false),
        new BadConfig("empty file", "", "must be a YAML mapping", false),
        new BadConfig("root is a list", "- code\n- actions\n", "must be a YAML mapping", false),
        new BadConfig("root is a scalar", "just text\n", "must be a YAML mapping", false),
        new BadConfig("code is a number", GOOD.replace("code: test_plugin", "code: 123"), "has no 'code'", false),
        new BadConfig("code is a list", GOOD.replace("code: test_plugin", "code: [test_plugin]"), "has no 'code'", false),
        new BadConfig("code is blank", GOOD.replace("code: test_plugin", "code: ' '"), "has no 'code'", false),
        new BadConfig("no actions", "code: test_plugin\n", "has no 'actions' mapping", false),
        new BadConfig("actions is a list", "code: test_plugin\nactions: [greet, fail]\n", "has no 'actions' mapping", false),
        new BadConfig("an action is a scalar", "code: test_plugin\nactions:\n  greet: yes\n  fail: {}\n", "action 'greet' must be a mapping", false),
        new BadConfig("version is a mapping", GOOD.replace("version: 1.0.0", "version: {major: 1}"), "'version' of the wrong type", false),
        new BadConfig("name is a list", GOOD.replace("name: Test Plugin", "name: [a, b]"), "'name' of the wrong type", false),
        new BadConfig("entrypoint is a number", GOOD.replace("entrypoint: " + GreetAction.class.getName(), "entrypoint: 42"),
            "'entrypoint' that is not a string", false),
        new BadConfig("entrypoint outside the plugin", GOOD.replace(GreetAction.class.getName(), "java.lang.Runtime"),
            "entrypoint 'java.lang.Runtime'", false),
        new BadConfig("entrypoint of another action", GOOD.replace(GreetAction.class.getName(), "io.synapse.plugins.fixture.FailingAction"),
            "a stale build", false),
        new BadConfig("stale: an action the jars lack", GOOD + "  train:\n    name: Train\n", "disagrees with the compiled plugin", false),
        new BadConfig("stale: an action missing", GOOD.replace("  fail:\n    name: Fail\n", ""), "disagrees with the compiled plugin", false),
        new BadConfig("stale: another plugin's code", GOOD.replace("code: test_plugin", "code: other_plugin"), "declares plugin 'other_plugin'",
            false));
    return cases.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void badConfigIsAConfigErrorNamingTheFile(BadConfig bad) throws IOException {
    Path dir = pluginDirectory(bad.text());
    Path config = dir.resolve("config.yaml");
    PluginError error = assertTimeoutPreemptively(BOUND, () -> assertThrows(PluginError.class, () -> PluginDiscovery.fromPath(dir)));
    assertInstanceOf(ConfigError.class, error, error::toString);
    assertTrue(error.getMessage().contains(config.toString()), error.getMessage());
    assertTrue(error.getMessage().contains(bad.expected()), error.getMessage());
    assertEquals(config.toString(), error.details().get("file"), error.details().toString());
    if (bad.hasLine()) {
      Object line = error.details().get("line");
      assertInstanceOf(Integer.class, line, error.details().toString());
      assertTrue(error.getMessage().contains(config + ":" + line), error.getMessage());
    }
  }

  @Test
  void theGoodConfigLoadsSoTheBadOnesFailForTheirOwnReason() throws IOException {
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(pluginDirectory(GOOD))) {
      assertEquals(List.of("fail", "greet"), plugin.listActions());
    }
  }

  @Test
  void unknownKeysAreWarningsNamingTheFileAndKey() throws IOException {
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override public void publish(LogRecord record) { records.add(record); }
      @Override public void flush() {}
      @Override public void close() {}
    };
    Logger logger = Logger.getLogger(CONFIG_LOGGER);
    logger.addHandler(handler);
    try {
      Path dir = pluginDirectory(GOOD.replace("version: 1.0.0", "version: 1.0.0\nreadme: README.md")
          .replace("    name: Greet\n", "    name: Greet\n    timeout: 30\n"));
      try (PluginDiscovery plugin = PluginDiscovery.fromPath(dir)) {
        assertEquals("test_plugin", plugin.config().code());
      }
      List<String> warnings = records.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
      assertEquals(2, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains(dir.resolve("config.yaml").toString()) && warnings.get(0).contains("'readme'"), warnings.toString());
      assertTrue(warnings.get(1).contains("'actions.greet.timeout'"), warnings.toString());
    } finally {
      logger.removeHandler(handler);
    }
  }

  @Test
  void theGeneratedKeysAreNotUnknown() throws IOException {
    AtomicInteger warnings = new AtomicInteger();
    Handler handler = new Handler() {
      @Override public void publish(LogRecord record) { warnings.incrementAndGet(); }
      @Override public void flush() {}
      @Override public void close() {}
    };
    Logger logger = Logger.getLogger(CONFIG_LOGGER);
    logger.addHandler(handler);
    try {
      String generated = GOOD.replace("category: custom\n", "category: custom\ndescription: d\npackage: io.synapse.plugins.fixture\n")
          .replace("    name: Greet\n", "    name: Greet\n    description: d\n    method: local\n    category: custom\n"
              + "    input_type: \"\"\n    output_type: \"\"\n    params_type: a.B\n    result_type: java.lang.String\n");
      PluginDiscovery.fromPath(pluginDirectory(generated)).close();
      assertEquals(0, warnings.get());
    } finally {
      logger.removeHandler(handler);
    }
  }

  @Test
  void aDirectoryWithoutJarsOrWithOnlyABrokenJarLinkIsAConfigError() throws IOException {
    Path noJars = Files.createDirectory(temp.resolve("no-jars"));
    Files.writeString(noJars.resolve("config.yaml"), GOOD);
    ConfigError none = bounded(ConfigError.class, noJars);
    assertTrue(none.getMessage().contains("has no jars"), none.getMessage());
    Path brokenLink = Files.createDirectories(temp.resolve("broken-link/lib"));
    Files.writeString(brokenLink.getParent().resolve("config.yaml"), GOOD);
    Files.createSymbolicLink(brokenLink.resolve("plugin.jar"), temp.resolve("gone.jar"));
    ConfigError broken = bounded(ConfigError.class, brokenLink.getParent());
    assertTrue(broken.getMessage().contains("has no jars"), broken.getMessage());
  }

  @Test
  void corruptOrForeignJarsAreNotFoundNamingThePath() throws IOException {
    Path corrupt = Files.createDirectories(temp.resolve("corrupt/lib"));
    Files.writeString(corrupt.getParent().resolve("config.yaml"), GOOD);
    Files.write(corrupt.resolve("plugin.jar"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
    PluginNotFoundError error = bounded(PluginNotFoundError.class, corrupt.getParent());
    assertTrue(error.getMessage().contains(corrupt.getParent().toString()), error.getMessage());
    Path truncated = temp.resolve("truncated.jar");
    byte[] real = Files.readAllBytes(pluginDirectory(GOOD).resolve("lib/plugin.jar"));
    Files.write(truncated, java.util.Arrays.copyOf(real, real.length / 2));
    PluginNotFoundError cut = bounded(PluginNotFoundError.class, truncated);
    assertTrue(cut.getMessage().contains(truncated.toString()), cut.getMessage());
  }

  @Test
  void pathsThatAreFilesOrBrokenLinksAreNotFoundNamingThePath() throws IOException {
    Path text = Files.writeString(temp.resolve("notes.txt"), "hi");
    assertTrue(bounded(PluginNotFoundError.class, text).getMessage().contains("notes.txt"));
    Path broken = Files.createSymbolicLink(temp.resolve("dangling"), temp.resolve("nowhere"));
    PluginNotFoundError dangling = bounded(PluginNotFoundError.class, broken);
    assertTrue(dangling.getMessage().contains("dangling") && dangling.getMessage().contains("does not exist"), dangling.getMessage());
    Path brokenConfig = Files.createDirectory(temp.resolve("broken-config"));
    Files.createSymbolicLink(brokenConfig.resolve("config.yaml"), temp.resolve("no-config.yaml"));
    PluginNotFoundError noConfig = bounded(PluginNotFoundError.class, brokenConfig);
    assertTrue(noConfig.getMessage().contains("no config.yaml"), noConfig.getMessage());
    Path fifoLike = Files.createDirectory(temp.resolve("config-is-a-dir"));
    Files.createDirectory(fifoLike.resolve("config.yaml"));
    assertTrue(bounded(PluginNotFoundError.class, fifoLike).getMessage().contains("config-is-a-dir"));
    Path linkToGood = Files.createSymbolicLink(temp.resolve("link-to-good"), pluginDirectory(GOOD));
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(linkToGood)) {
      assertEquals("test_plugin", plugin.config().code(), "a symlink to a plugin directory works");
    }
  }

  private <E extends PluginError> E bounded(Class<E> type, Path path) {
    return assertTimeoutPreemptively(BOUND, () -> assertThrows(type, () -> PluginDiscovery.fromPath(path)));
  }

  /** A plugin directory: {@code config} and lib/plugin.jar listing the test registry. */
  Path pluginDirectory(String config) throws IOException {
    Path dir = Files.createTempDirectory(temp, "plugin");
    Files.writeString(dir.resolve("config.yaml"), config);
    Files.createDirectories(dir.resolve("lib"));
    writeRegistryJar(dir.resolve("lib/plugin.jar"));
    return dir;
  }

  static void writeRegistryJar(Path jarFile) throws IOException {
    try (OutputStream out = Files.newOutputStream(jarFile); JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry(SERVICE));
      jar.write((TestPluginRegistry.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      jar.putNextEntry(new JarEntry("META-INF/synapse/test_plugin/schemas/greet.params.schema.json"));
      jar.write("{\"type\":\"object\"}".getBytes(StandardCharsets.UTF_8));
    }
  }
}
