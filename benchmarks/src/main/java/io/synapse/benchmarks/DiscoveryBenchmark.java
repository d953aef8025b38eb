package io.synapse.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.discovery.PluginDiscovery;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Figure 5: discovering the generated 200-action plugin in a fresh class loader each time (listing its
 * actions and reading every action's configuration) against parsing its config.yaml alone, the floor.
 * The plugin's jar and config.yaml are made by {@code run.sh} (see {@link ManyActionsGenerator}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DiscoveryBenchmark {
  private static final ObjectMapper YAML = new YAMLMapper();

  /** The compiled plugin's jar. */
  @Param("benchmarks/target/many-actions/many-actions.jar")
  public String jar;

  /** Its config.yaml, as the processor wrote it. */
  @Param("benchmarks/target/many-actions/config.yaml")
  public String configYaml;

  private Path jarPath;
  private Path yamlPath;

  /** Checks that both sides see the 200 actions. */
  @Setup
  public void setUp() throws IOException {
    jarPath = Path.of(jar).toAbsolutePath();
    yamlPath = Path.of(configYaml).toAbsolutePath();
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(jarPath)) {
      if (plugin.listActions().size() != ManyActionsGenerator.ACTIONS) {
        throw new IllegalStateException("expected " + ManyActionsGenerator.ACTIONS + " actions, found " + plugin.listActions().size());
      }
    }
    if (YAML.readTree(yamlPath.toFile()).get("actions").size() != ManyActionsGenerator.ACTIONS) {
      throw new IllegalStateException("config.yaml does not list " + ManyActionsGenerator.ACTIONS + " actions");
    }
  }

  /** {@code PluginDiscovery.fromPath(jar)}: a new class loader, the registry, every action's config. */
  @Benchmark
  public void fromJar(Blackhole hole) {
    try (PluginDiscovery plugin = PluginDiscovery.fromPath(jarPath)) {
      readAll(plugin, hole);
    }
  }

  /** {@code PluginDiscovery.fromModule(code, loader)} over a new class loader holding the jar. */
  @Benchmark
  public void fromClassPath(Blackhole hole) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jarPath.toUri().toURL()}, DiscoveryBenchmark.class.getClassLoader())) {
      readAll(PluginDiscovery.fromModule(ManyActionsGenerator.CODE, loader), hole);
    }
  }

  /** The floor: parse config.yaml and read every action's entries. */
  @Benchmark
  public void parseConfigYaml(Blackhole hole) throws IOException {
    JsonNode root = YAML.readTree(Files.readAllBytes(yamlPath));
    hole.consume(root.get("code").asText());
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("actions").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> action = it.next();
      hole.consume(action.getKey());
      for (Iterator<Map.Entry<String, JsonNode>> fields = action.getValue().fields(); fields.hasNext(); ) {
        hole.consume(fields.next().getValue().asText());
      }
    }
  }

  private static void readAll(PluginDiscovery plugin, Blackhole hole) {
    List<String> names = plugin.listActions();
    for (String name : names) {
      ActionConfig config = plugin.getActionConfig(name);
      hole.consume(config.title());
      hole.consume(config.entrypoint());
      hole.consume(config.method());
    }
  }
}
