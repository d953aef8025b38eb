package io.synapse.plugins.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class PluginEnvironmentTest {
  @TempDir
  Path dir;

  private final PluginEnvironment env = PluginEnvironment.of(Map.ofEntries(
      Map.entry("NAME", "ada"), Map.entry("BATCH", " 32 "), Map.entry("BIG", "9000000000"), Map.entry("RATE", "0.001"),
      Map.entry("DEBUG", "Yes"), Map.entry("TAGS", " a, b,,c ,"), Map.entry("TIMEOUT", "30s"), Map.entry("ISO", "PT1M30S"),
      Map.entry("BAD", "abc"), Map.entry("API_KEY", "sk-very-secret")));

  private static ConfigError configError(Executable call) {
    return assertThrows(ConfigError.class, call);
  }

  @Test
  void typedGettersReadValues() {
    assertEquals("ada", env.getStr("NAME"));
    assertEquals(32, env.getInt("BATCH"));
    assertEquals(9_000_000_000L, env.getLong("BIG"));
    assertEquals(0.001, env.getDouble("RATE"));
    assertEquals(0.001f, env.getFloat("RATE"));
    assertTrue(env.getBool("DEBUG"));
    assertEquals(List.of("a", "b", "c"), env.getList("TAGS"));
    assertEquals(Duration.ofSeconds(30), env.getDuration("TIMEOUT"));
    assertEquals(Duration.ofSeconds(90), env.getDuration("ISO"));
  }

  @Test
  void defaultsApplyOnlyWhenUnset() {
    assertEquals("x", env.getStr("MISSING", "x"));
    assertEquals(7, env.getInt("MISSING", 7));
    assertEquals(7L, env.getLong("MISSING", 7L));
    assertEquals(1.5, env.getDouble("MISSING", 1.5));
    assertEquals(1.5f, env.getFloat("MISSING", 1.5f));
    assertFalse(env.getBool("MISSING", false));
    assertEquals(List.of("z"), env.getList("MISSING", List.of("z")));
    assertEquals(Duration.ofMinutes(1), env.getDuration("MISSING", Duration.ofMinutes(1)));
    assertEquals(32, env.getInt("BATCH", 7), "a set value wins over the default");
  }

  @Test
  void aMissingRequiredEntryIsAConfigErrorNamingIt() {
    for (Executable call : List.<Executable>of(() -> env.getStr("MISSING"), () -> env.getInt("MISSING"),
        () -> env.getLong("MISSING"), () -> env.getDouble("MISSING"), () -> env.getFloat("MISSING"),
        () -> env.getBool("MISSING"), () -> env.getList("MISSING"), () -> env.getDuration("MISSING"))) {
      ConfigError error = configError(call);
      assertEquals("MISSING", error.details().get("name"));
      assertTrue(error.getMessage().contains("MISSING is required"), error.getMessage());
    }
  }

  @Test
  void aMalformedValueIsAConfigErrorNamingKeyAndValueEvenWithADefault() {
    for (Executable call : List.<Executable>of(() -> env.getInt("BAD", 1), () -> env.getLong("BAD", 1),
        () -> env.getDouble("BAD", 1), () -> env.getFloat("BAD", 1), () -> env.getBool("BAD", true),
        () -> env.getDuration("BAD", Duration.ZERO), () -> env.getInt("BAD"))) {
      ConfigError error = configError(call);
      assertEquals("config_error", error.code());
      assertEquals("BAD", error.details().get("name"));
      assertTrue(error.getMessage().contains("BAD") && error.getMessage().contains("'abc'"), error.getMessage());
    }
  }

  @Test
  void numbersAreStrict() {
    PluginEnvironment strict = PluginEnvironment.of(Map.of("A", "1.5d", "B", "NaN", "C", "Infinity", "D", "1e400",
        "E", "2147483648", "F", "30", "G", "1e39"));
    configError(() -> strict.getDouble("A"));
    configError(() -> strict.getDouble("B"));
    configError(() -> strict.getDouble("C"));
    configError(() -> strict.getDouble("D"));
    configError(() -> strict.getInt("E"));
    configError(() -> strict.getDuration("F"));
    configError(() -> strict.getFloat("G"));
    assertEquals(2147483648L, strict.getLong("E"));
  }

  @Test
  void booleansAcceptTheDocumentedWordsOnly() {
    Map<String, String> values = new HashMap<>();
    List<String> truthy = List.of("true", "1", "yes", "on", "TRUE", " On ");
    List<String> falsy = List.of("false", "0", "no", "off", "No");
    truthy.forEach(v -> values.put("T" + values.size(), v));
    PluginEnvironment bools = PluginEnvironment.of(values);
    values.keySet().forEach(name -> assertTrue(bools.getBool(name)));
    PluginEnvironment no = PluginEnvironment.of(Map.of("A", falsy.get(0), "B", falsy.get(1), "C", falsy.get(2), "D", falsy.get(3), "E", falsy.get(4)));
    no.asMap().keySet().forEach(name -> assertFalse(no.getBool(name)));
    configError(() -> PluginEnvironment.of(Map.of("X", "y")).getBool("X"));
  }

  @Test
  void aSecretLookingValueIsNeverPrinted() {
    ConfigError error = configError(() -> env.getInt("API_KEY"));
    assertFalse(error.getMessage().contains("sk-very-secret"), error.getMessage());
    assertFalse(error.details().toString().contains("sk-very-secret"));
    assertNull(error.getCause(), "the parser's message would quote the value");
    assertTrue(error.getMessage().contains("API_KEY"));
    assertFalse(env.toString().contains("sk-very-secret"));
    assertTrue(env.toString().contains("API_KEY=***"));
    assertTrue(env.toString().contains("NAME=ada"));
  }

  @Test
  void withPrefixKeepsOnlyPrefixedNamesAndStripsThePrefix() {
    PluginEnvironment all = PluginEnvironment.of(Map.of("PLUGIN_BATCH", "8", "PLUGIN_", "x", "OTHER", "y", "PLUGINX", "z"));
    assertEquals(Map.of("BATCH", "8"), all.withPrefix("PLUGIN_").asMap());
  }

  @Test
  void fromEnvironReadsTheProcessEnvironment() {
    Map<String, String> process = System.getenv();
    assertEquals(process, PluginEnvironment.fromEnviron().asMap());
    String someName = process.keySet().stream().filter(n -> n.length() > 2).findFirst().orElseThrow();
    String prefix = someName.substring(0, 2);
    PluginEnvironment prefixed = PluginEnvironment.fromEnviron(prefix);
    assertEquals(process.get(someName), prefixed.getStr(someName.substring(2)));
    prefixed.asMap().keySet().forEach(name -> assertTrue(process.containsKey(prefix + name)));
  }

  @Test
  void mergeReturnsANewEnvironmentWhereTheOtherWins() {
    PluginEnvironment base = PluginEnvironment.of(Map.of("A", "1", "B", "2"));
    PluginEnvironment merged = base.merge(PluginEnvironment.of(Map.of("B", "3", "C", "4")));
    assertEquals(Map.of("A", "1", "B", "3", "C", "4"), merged.asMap());
    assertEquals(Map.of("A", "1", "B", "2"), base.asMap(), "the original is unchanged");
  }

  @Test
  void isImmutable() {
    Map<String, String> source = new HashMap<>(Map.of("A", "1"));
    PluginEnvironment copy = PluginEnvironment.of(source);
    source.put("A", "2");
    assertEquals("1", copy.getStr("A"));
    assertThrows(UnsupportedOperationException.class, () -> copy.asMap().put("B", "x"));
  }

  @Test
  void readsTomlWithTablesAndArrays() throws IOException {
    Path file = Files.writeString(dir.resolve("config.toml"),
        "BATCH = 32\nRATE = 0.5\nDEBUG = true\nTAGS = [\"a\", \"b\"]\nNAME = \"ada\"\n[db]\nhost = \"localhost\"\n");
    PluginEnvironment toml = PluginEnvironment.fromFile(file);
    assertEquals(32, toml.getInt("BATCH"));
    assertEquals(0.5, toml.getDouble("RATE"));
    assertTrue(toml.getBool("DEBUG"));
    assertEquals(List.of("a", "b"), toml.getList("TAGS"));
    assertEquals("localhost", toml.getStr("db.host"));
  }

  @Test
  void readsPropertiesFiles() throws IOException {
    Path file = Files.writeString(dir.resolve("app.properties"), "# comment\nbatch=8\nname = ada lovelace\n");
    PluginEnvironment props = PluginEnvironment.fromFile(file);
    assertEquals(Map.of("batch", "8", "name", "ada lovelace"), props.asMap());
  }

  @Test
  void readsDotEnvFiles() throws IOException {
    Path file = Files.writeString(dir.resolve(".env"), String.join("\n",
        "# settings", "", "export BATCH=16", "NAME = ada # trailing comment", "QUOTED=\"a \\\"b\\\"\\nc\"",
        "LITERAL='x # y \\n'", "EMPTY=", "URL=http://host/#anchor"));
    PluginEnvironment dotEnv = PluginEnvironment.fromFile(file);
    assertEquals(16, dotEnv.getInt("BATCH"));
    assertEquals("ada", dotEnv.getStr("NAME"));
    assertEquals("a \"b\"\nc", dotEnv.getStr("QUOTED"));
    assertEquals("x # y \\n", dotEnv.getStr("LITERAL"));
    assertEquals("", dotEnv.getStr("EMPTY"));
    assertEquals("http://host/#anchor", dotEnv.getStr("URL"));
    assertEquals(List.of("x"), PluginEnvironment.fromFile(Files.writeString(dir.resolve("prod.env"), "T=x")).getList("T"));
  }

  @Test
  void aMalformedFileIsAConfigErrorNamingTheFileAndLine() throws IOException {
    Path dotEnv = Files.writeString(dir.resolve(".env"), "A=1\nthis line is wrong\n");
    ConfigError error = configError(() -> PluginEnvironment.fromFile(dotEnv));
    assertEquals(dotEnv.toString(), error.details().get("file"));
    assertEquals(2, error.details().get("line"));
    assertTrue(error.getMessage().contains(dotEnv + ", line 2"), error.getMessage());

    Path unterminated = Files.writeString(dir.resolve("q.env"), "A=\"open\n");
    assertEquals(1, configError(() -> PluginEnvironment.fromFile(unterminated)).details().get("line"));

    Path toml = Files.writeString(dir.resolve("bad.toml"), "A = 1\nB = = 2\n");
    ConfigError tomlError = configError(() -> PluginEnvironment.fromFile(toml));
    assertEquals(toml.toString(), tomlError.details().get("file"));
    assertEquals(2, tomlError.details().get("line"));

    Path properties = Files.writeString(dir.resolve("bad.properties"), "a=\\uZZZZ\n");
    assertEquals(properties.toString(), configError(() -> PluginEnvironment.fromFile(properties)).details().get("file"));
  }

  @Test
  void aMissingOrUnknownFileIsAConfigErrorNamingIt() throws IOException {
    Path missing = dir.resolve("missing.toml");
    assertEquals(missing.toString(), configError(() -> PluginEnvironment.fromFile(missing)).details().get("file"));
    Path yaml = Files.writeString(dir.resolve("env.yaml"), "a: 1");
    assertTrue(configError(() -> PluginEnvironment.fromFile(yaml)).getMessage().contains("unknown format"));
  }
}
