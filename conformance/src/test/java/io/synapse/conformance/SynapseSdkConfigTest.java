package io.synapse.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.discovery.PluginConfig;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.spi.PluginRegistry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every config.yaml the processor generates for the examples and for {@code it/standalone-plugin} is
 * loaded by the platform's own synapse-sdk ({@code PluginDiscovery.from_path}, its pydantic config
 * model), and what it reads back for the plugin and each action equals our configuration. A plugin's
 * {@code pipelines} key (ours) is accepted and left aside by the platform's model.
 */
class SynapseSdkConfigTest {
  @TempDir Path temp;

  @Test
  void everyGeneratedConfigYamlLoadsWithTheSdkAndReadsBackAsOurs() throws Exception {
    Map<Path, PluginConfig> expected = new LinkedHashMap<>();
    for (PluginRegistry registry : ServiceLoader.load(PluginRegistry.class)) {
      String code = registry.config().code();
      Path config = temp.resolve(code).resolve("config.yaml");
      Files.createDirectories(config.getParent());
      try (InputStream in = registry.getClass().getClassLoader().getResourceAsStream("META-INF/synapse/" + code + "/config.yaml")) {
        assertTrue(in != null, "no generated config.yaml for " + code);
        Files.copy(in, config);
      }
      expected.put(config, registry.config());
    }
    assertTrue(expected.values().stream().map(PluginConfig::code).toList()
            .containsAll(List.of("hello_plugin", "steps_demo", "ray_demo", "pipeline_demo")), expected.values().toString());
    Path standalone = compileStandalonePlugin();
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(standalone)) {
      expected.put(standalone, plugin.config());
    }

    List<JsonNode> loaded = SynapseSdk.load(List.copyOf(expected.keySet()));
    assertEquals(expected.size(), loaded.size());
    int actions = 0;
    for (JsonNode read : loaded) {
      PluginConfig ours = expected.get(Path.of(read.path("path").asText()));
      String where = ours.code() + " (" + read.path("path").asText() + ")";
      assertTrue(read.path("ok").asBoolean(), () -> "synapse-sdk refuses the config.yaml of " + where + ": " + read.path("error").asText());
      JsonNode plugin = read.path("plugin");
      assertEquals(ours.name(), plugin.path("name").asText(), where);
      assertEquals(ours.code(), plugin.path("code").asText(), where);
      assertEquals(ours.version(), plugin.path("version").asText(), where);
      assertEquals(ours.category().value(), plugin.path("category").asText(), where);
      assertEquals(ours.description(), plugin.path("description").asText(), where);
      assertEquals(List.of(), texts(read.path("warnings")), where);
      // The pipelines key is ours: the platform's model reads past it, and takes none of it for an action.
      assertEquals(new TreeSet<>(ours.actionNames()), new TreeSet<>(texts(read.path("actions").fieldNames())), where);
      assertEquals(ours.pipelineNames(), texts(read.path("extra_keys").path("pipelines")), where);
      for (ActionConfig action : ours.actions()) {
        JsonNode theirs = read.path("actions").path(action.name());
        String at = where + " action " + action.name();
        assertEquals(action.title(), theirs.path("name").asText(), at);
        assertEquals(action.description(), theirs.path("description").asText(), at);
        assertEquals(action.entrypoint(), theirs.path("entrypoint").asText(), at);
        assertEquals(action.method().value(), theirs.path("method").asText(), at);
        assertEquals(action.inputType().isEmpty() ? null : action.inputType(), textOrNull(theirs.path("input_type")), at);
        assertEquals(action.outputType().isEmpty() ? null : action.outputType(), textOrNull(theirs.path("output_type")), at);
        actions++;
      }
    }
    assertTrue(actions >= 10, "only " + actions + " actions compared");
    assertTrue(expected.values().stream().anyMatch(config -> !config.pipelines().isEmpty()), "no config.yaml with a pipelines key was loaded");
  }

  /** The check can fail: what this project used to generate, and what the platform refuses besides. */
  @Test
  void theSdkRefusesConfigsThePlatformWouldNot() throws IOException {
    Path local = Files.writeString(Files.createDirectories(temp.resolve("local")).resolve("config.yaml"), """
        name: Old
        code: old
        version: 0.1.0
        category: custom
        actions:
          a:
            name: A
            entrypoint: com.example.A
            method: local
            input_type: ""
        """);
    Path neuralNet = Files.writeString(Files.createDirectories(temp.resolve("nn")).resolve("config.yaml"), """
        name: Net
        code: net
        version: 0.1.0
        category: neural_net
        actions: {}
        """);
    List<JsonNode> loaded = SynapseSdk.load(List.of(local, neuralNet));
    assertFalse(loaded.get(0).path("ok").asBoolean(), loaded.get(0).toString());
    assertTrue(loaded.get(0).path("error").asText().contains("Input should be 'job', 'task', 'serve' or 'restapi'"), loaded.get(0).toString());
    assertFalse(loaded.get(1).path("ok").asBoolean(), loaded.get(1).toString());
    assertTrue(loaded.get(1).path("error").asText().contains("data_type is required for neural_net plugins"), loaded.get(1).toString());
  }

  // it/standalone-plugin is built on its own after the reactor (scripts/test.sh); its config.yaml is
  // generated here by compiling its sources with the processor, as its build does.
  private Path compileStandalonePlugin() throws IOException, URISyntaxException {
    Path sources = SynapseSdk.repositoryRoot().resolve("it/standalone-plugin/src/main/java");
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(sources)) {
      walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> files.add(p.toString()));
    }
    Path classes = Files.createDirectories(temp.resolve("it-classes"));
    String classPath = String.join(File.pathSeparator, location(io.synapse.plugins.Plugin.class),
        location(jakarta.validation.constraints.NotNull.class));
    List<String> args = new ArrayList<>(List.of("--release", "17", "-classpath", classPath,
        "-processorpath", System.getProperty("java.class.path"), "-d", classes.toString()));
    args.addAll(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "javac of it/standalone-plugin failed");
    try (Stream<Path> configs = Files.list(classes.resolve("META-INF/synapse"))) {
      return configs.findFirst().orElseThrow().resolve("config.yaml");
    }
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> texts(java.util.Iterator<String> names) {
    List<String> texts = new ArrayList<>();
    names.forEachRemaining(texts::add);
    return texts;
  }

  private static String textOrNull(JsonNode node) {
    return node.isNull() || node.isMissingNode() ? null : node.asText();
  }
}
