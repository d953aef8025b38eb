package io.synapse.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.synapse.plugins.discovery.PluginDiscovery;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Two curves over the number of actions of a generated plugin ({@link ManyActionsGenerator}): javac of
 * its sources with the processor against {@code -proc:none} (processor time), and discovery of the
 * packaged jar ({@code PluginDiscovery.fromPath}, a fresh class loader each time, every action's
 * config read) against parsing its {@code config.yaml} with Jackson (the floor).
 *
 * <p>Arguments are {@code key=value}: {@code compileCp}, {@code processorPath} (a file holding it),
 * {@code work}, {@code out}, {@code quick}, {@code sizes} (numbers of actions, comma separated, instead
 * of the profile's).
 */
public final class ScaleBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ScaleBenchmark() {}

  /** Measures both curves and writes them as JSON. */
  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (String arg : argv) {
      args.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    boolean quick = Boolean.parseBoolean(args.getOrDefault("quick", "false"));
    Path work = Path.of(args.get("work"));
    String compileCp = args.get("compileCp");
    String processorPath = Files.readString(Path.of(args.get("processorPath"))).trim();
    String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
    String jar = Path.of(System.getProperty("java.home"), "bin", "jar").toString();
    // Compiling is the cost of these curves (2,000 actions take many minutes on a loaded machine): the
    // quick profile stops at 200.
    List<Integer> processorSizes = quick ? List.of(10, 50, 200) : List.of(10, 100, 300, 1000);
    List<Integer> discoverySizes = quick ? processorSizes : List.of(10, 100, 300, 1000, 2000);
    if (args.containsKey("sizes")) {
      processorSizes = java.util.Arrays.stream(args.get("sizes").split(",")).map(Integer::valueOf).toList();
      discoverySizes = processorSizes;
    }
    int javacRuns = quick ? 1 : 3;

    List<Map<String, Object>> processor = new ArrayList<>();
    List<Map<String, Object>> discovery = new ArrayList<>();
    for (int size : discoverySizes) {
      Path dir = work.resolve("actions-" + size);
      ProcessBenchmarkSupport.deleteTree(dir);
      ManyActionsGenerator.write(dir.resolve("src"), size);
      List<String> sources;
      try (Stream<Path> walk = Files.walk(dir.resolve("src"))) {
        sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
      }
      Path list = dir.resolve("sources.txt");
      Files.write(list, sources, StandardCharsets.UTF_8);
      List<String> withProcessor = List.of(javac, "--release", "17", "-cp", compileCp, "-processorpath", processorPath,
          "-d", dir.resolve("classes").toString(), "-s", dir.resolve("generated").toString(), "@" + list);
      List<String> procNone = List.of(javac, "--release", "17", "-proc:none", "-cp", compileCp, "-d", dir.resolve("classes-none").toString(),
          "@" + list);
      boolean timed = processorSizes.contains(size);
      double[] with = new double[timed ? javacRuns : 1];
      double[] none = new double[timed ? javacRuns : 0];
      for (int i = 0; i < with.length; i++) {
        with[i] = ProcessBenchmarkSupport.timed(withProcessor, dir.resolve("javac.log"));
        if (i < none.length) {
          none[i] = ProcessBenchmarkSupport.timed(procNone, dir.resolve("javac.log"));
        }
      }
      System.err.printf("scale: %d actions, javac with the processor %.0f ms%n", size, Stats.median(with));
      if (timed) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("actions", size);
        point.put("with_processor_ms", ProcessBenchmark.summary(with));
        point.put("proc_none_ms", ProcessBenchmark.summary(none));
        processor.add(point);
      }
      Path jarFile = dir.resolve("plugin.jar");
      ProcessBenchmarkSupport.timed(List.of(jar, "--create", "--file", jarFile.toString(), "-C", dir.resolve("classes").toString(), "."),
          dir.resolve("jar.log"));
      Path yaml = dir.resolve("classes/META-INF/synapse/" + ManyActionsGenerator.CODE + "/config.yaml");
      discovery.add(discovery(size, jarFile, yaml, quick));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("processor", processor);
    out.put("discovery", discovery);
    JSON.writeValue(new File(args.get("out")), out);
  }

  private static Map<String, Object> discovery(int size, Path jar, Path yaml, boolean quick) throws IOException {
    int warmup = quick ? 10 : 30;
    int runs = quick ? 15 : 40;
    double[] ours = new double[runs];
    double[] floor = new double[runs];
    // Warm up by count and by time: the first size measured otherwise pays for the JIT.
    long warmUntil = System.nanoTime() + (quick ? 3_000_000_000L : 10_000_000_000L);
    for (int i = -warmup; i < runs; i++) {
      if (i == 0 && System.nanoTime() < warmUntil) {
        i = -1;
      }
      long t0 = System.nanoTime();
      try (PluginDiscovery plugin = PluginDiscovery.fromPath(jar)) {
        int found = 0;
        for (String name : plugin.listActions()) {
          found += plugin.getActionConfig(name).entrypoint().isEmpty() ? 0 : 1;
        }
        if (found != size) {
          throw new IllegalStateException("discovered " + found + " of " + size + " actions");
        }
      }
      long t1 = System.nanoTime();
      int listed = ProcessBenchmarkSupport.parseConfigYaml(yaml);
      long t2 = System.nanoTime();
      if (listed != size) {
        throw new IllegalStateException("config.yaml lists " + listed + " of " + size + " actions");
      }
      if (i >= 0) {
        ours[i] = (t1 - t0) / 1e3;
        floor[i] = (t2 - t1) / 1e3;
      }
    }
    System.err.printf("scale: discovery of %d actions %.0f us (floor %.0f us)%n", size, Stats.median(ours), Stats.median(floor));
    Map<String, Object> point = new LinkedHashMap<>();
    point.put("actions", size);
    point.put("from_path_us", ProcessBenchmark.summary(ours));
    point.put("parse_config_yaml_us", ProcessBenchmark.summary(floor));
    return point;
  }
}
