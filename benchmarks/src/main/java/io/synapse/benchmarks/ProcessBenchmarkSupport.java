package io.synapse.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Small helpers of the whole-process curves: timed child processes, the config.yaml floor. */
final class ProcessBenchmarkSupport {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ProcessBenchmarkSupport() {}

  /** Runs {@code command} to its end, output to {@code log}; its wall time in ms; fails on a non-zero exit. */
  static double timed(List<String> command, Path log) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = process.waitFor();
    double ms = (System.nanoTime() - t0) / 1e6;
    if (code != 0) {
      throw new IllegalStateException("failed (exit " + code + "): " + String.join(" ", command) + "\n" + Files.readString(log));
    }
    return ms;
  }

  /** The floor of discovery: parses config.yaml and reads every action's entries; the number of actions. */
  static int parseConfigYaml(Path yaml) throws IOException {
    JsonNode root = YAML.readTree(Files.readAllBytes(yaml));
    int actions = 0;
    int chars = root.get("code").asText().length();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("actions").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> action = it.next();
      actions++;
      for (Iterator<Map.Entry<String, JsonNode>> fields = action.getValue().fields(); fields.hasNext(); ) {
        chars += fields.next().getValue().asText().length();
      }
    }
    return chars >= 0 ? actions : -1;
  }

  /** Deletes {@code dir} and everything under it, if it exists. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
