package io.synapse.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole-process figures, each from fresh processes run several times and interleaved so that
 * drift on a busy machine hits every variant alike:
 *
 * <ul>
 *   <li>cold start: a JVM that runs the tutorial action once through {@code PluginRunner}, through
 *       the reflective baseline, and a JVM that only prints hello world (the floor), each on the
 *       class path it needs and nothing more;
 *   <li>annotation processing: javac of the generated 200-action plugin with the Synapse processor and
 *       with {@code -proc:none};
 *   <li>the Python original, when a Python with {@code synapse-sdk} is given: the same action cold per
 *       process and warm per call.
 * </ul>
 *
 * <p>Arguments are {@code key=value}: {@code quick}, {@code classpath} (a file holding the benchmarks
 * module's class path), {@code classes}, {@code processorPath} (a file), {@code manySources}, {@code manyGenerated},
 * {@code python}, {@code pythonScript}, {@code work}, {@code out}. Writes every run's time to {@code out}.
 */
public final class ProcessBenchmark {
  private static final List<String> RUNTIME_JARS = List.of("synapse-plugins-runtime-", "synapse-plugins-names-", "jackson-", "snakeyaml-");
  private static final List<String> BASELINE_JARS = List.of("hibernate-validator-", "jakarta.validation-api-", "jboss-logging-",
      "classmate-", "expressly-", "jakarta.el-api-", "classgraph-");
  private static final List<String> COMPILE_JARS = List.of("synapse-plugins-runtime-", "jakarta.validation-api-");

  private final Map<String, String> args;
  private final boolean quick;
  private final Path work;
  private final String java;

  private ProcessBenchmark(Map<String, String> args) {
    this.args = args;
    this.quick = Boolean.parseBoolean(args.getOrDefault("quick", "false"));
    this.work = Path.of(args.get("work"));
    this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs every whole-process figure and writes the raw times. */
  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (String arg : argv) {
      int equals = arg.indexOf('=');
      args.put(arg.substring(0, equals), arg.substring(equals + 1));
    }
    new ProcessBenchmark(args).run();
  }

  private void run() throws Exception {
    Files.createDirectories(work);
    List<String> classPath = List.of(Files.readString(Path.of(args.get("classpath"))).trim().split(File.pathSeparator));
    String classes = args.get("classes");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cold_start_ms", coldStart(classes, classPath));
    out.put("javac_ms", javac(classPath));
    if (!args.getOrDefault("python", "").isEmpty()) {
      out.put("python", python());
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(new File(args.get("out")), out);
  }

  private Map<String, Object> coldStart(String classes, List<String> classPath) throws Exception {
    String ours = join(classes, select(classPath, RUNTIME_JARS));
    List<String> baselineJars = new ArrayList<>(select(classPath, RUNTIME_JARS));
    baselineJars.addAll(select(classPath, BASELINE_JARS));
    String baseline = join(classes, baselineJars);
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("hello_world", List.of(java, "-cp", classes, "io.synapse.benchmarks.HelloWorld"));
    commands.put("synapse", List.of(java, "-cp", ours, "io.synapse.benchmarks.ColdSynapse"));
    commands.put("reflective", List.of(java, "-cp", baseline, "io.synapse.benchmarks.ColdReflective"));
    // Application class data sharing: an archive of the classes one run loaded, dumped at its exit,
    // then mapped by every later JVM; and the same with only the C1 compiler (a short run never
    // reaches C2's code).
    // AppCDS takes jars only: the plugin packaged as a jar, as it ships.
    Path pluginJar = work.resolve("bench-plugin.jar");
    Files.deleteIfExists(pluginJar);
    runChecked(List.of(Path.of(System.getProperty("java.home"), "bin", "jar").toString(), "--create", "--file", pluginJar.toString(), "-C",
        classes, "."), null);
    String packaged = join(pluginJar.toString(), select(classPath, RUNTIME_JARS));
    Path archive = work.resolve("cold-synapse.jsa");
    Files.deleteIfExists(archive);
    runChecked(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-cp", packaged, "io.synapse.benchmarks.ColdSynapse"), "completed");
    commands.put("synapse_jar", List.of(java, "-cp", packaged, "io.synapse.benchmarks.ColdSynapse"));
    commands.put("synapse_cds", List.of(java, "-XX:SharedArchiveFile=" + archive, "-cp", packaged, "io.synapse.benchmarks.ColdSynapse"));
    commands.put("synapse_cds_c1", List.of(java, "-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1", "-cp", packaged,
        "io.synapse.benchmarks.ColdSynapse"));
    int runs = quick ? 7 : 21;
    System.err.println("cold start: " + runs + " fresh JVMs of each variant");
    return interleaved(commands, runs, "completed|hello world");
  }

  private Map<String, Object> javac(List<String> classPath) throws Exception {
    Path sources = Path.of(args.get("manySources"));
    List<String> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
    Path list = work.resolve("sources.txt");
    Files.write(list, files, StandardCharsets.UTF_8);
    List<String> generated;
    try (Stream<Path> walk = Files.walk(Path.of(args.get("manyGenerated")))) {
      generated = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
    Path generatedList = work.resolve("generated-sources.txt");
    Files.write(generatedList, generated, StandardCharsets.UTF_8);
    String compileCp = String.join(File.pathSeparator, select(classPath, COMPILE_JARS));
    String processorPath = Files.readString(Path.of(args.get("processorPath"))).trim();
    String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("proc_none", List.of(javac, "--release", "17", "-proc:none", "-cp", compileCp, "-d", work.resolve("javac-none").toString(),
        "@" + list));
    commands.put("with_processor", List.of(javac, "--release", "17", "-cp", compileCp, "-processorpath", processorPath,
        "-d", work.resolve("javac-proc").toString(), "-s", work.resolve("javac-proc-src").toString(), "@" + list));
    // Diagnostic: the same sources plus the processor's output, compiled without the processor, which
    // splits the processor's cost into its own work and the compiling of the code it generates.
    commands.put("proc_none_with_generated", List.of(javac, "--release", "17", "-proc:none", "-cp", compileCp,
        "-d", work.resolve("javac-all").toString(), "@" + list, "@" + generatedList));
    // javac of 200 actions takes a minute on a loaded machine: the quick profile runs each command once
    // without a warm-up round (run.sh --repeat N gives the N runs' median).
    int runs = quick ? 1 : 7;
    System.err.println("javac: " + files.size() + " sources, " + runs + " runs each with and without the processor");
    Map<String, Object> result = interleaved(commands, runs, null, !quick);
    result.put("sources", files.size());
    result.put("generated_sources", generated.size());
    return result;
  }

  private Map<String, Object> python() throws Exception {
    String python = args.get("python");
    String script = args.get("pythonScript");
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("python_floor", List.of(python, "-c", "pass"));
    commands.put("synapse_sdk_once", List.of(python, script, "once"));
    int runs = quick ? 5 : 15;
    System.err.println("python: " + runs + " cold processes, then warm calls");
    Map<String, Object> result = new LinkedHashMap<>(interleaved(commands, runs, null));
    Path warm = work.resolve("python-warm.json");
    int calls = quick ? 200 : 1000;
    runChecked(List.of(python, script, "warm", Integer.toString(calls), warm.toString()), null);
    result.put("warm", new ObjectMapper().readValue(warm.toFile(), Map.class));
    return result;
  }

  /** Runs each command {@code runs} times, round-robin after one unmeasured round (if {@code warm}); times in ms. */
  private Map<String, Object> interleaved(Map<String, List<String>> commands, int runs, String expected) throws Exception {
    return interleaved(commands, runs, expected, true);
  }

  private Map<String, Object> interleaved(Map<String, List<String>> commands, int runs, String expected, boolean warm) throws Exception {
    for (List<String> command : warm ? commands.values() : List.<List<String>>of()) {
      runChecked(command, expected);
    }
    Map<String, double[]> times = new LinkedHashMap<>();
    commands.keySet().forEach(k -> times.put(k, new double[runs]));
    for (int i = 0; i < runs; i++) {
      for (Map.Entry<String, List<String>> entry : commands.entrySet()) {
        times.get(entry.getKey())[i] = runChecked(entry.getValue(), expected);
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    times.forEach((name, values) -> result.put(name, summary(values)));
    return result;
  }

  static Map<String, Object> summary(double[] values) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("median", Stats.median(values));
    summary.put("min", Arrays.stream(values).min().orElse(Double.NaN));
    summary.put("max", Arrays.stream(values).max().orElse(Double.NaN));
    summary.put("runs", values);
    return summary;
  }

  private double runChecked(List<String> command, String expected) throws IOException, InterruptedException {
    Path output = work.resolve("process-output.txt");
    double ms = ProcessBenchmarkSupport.timed(command, output);
    String text = Files.readString(output);
    if (expected != null && !text.matches("(?s).*(" + expected + ").*")) {
      throw new IllegalStateException("unexpected output of " + String.join(" ", command) + "\n" + text);
    }
    return ms;
  }

  private static List<String> select(List<String> classPath, List<String> prefixes) {
    List<String> selected = new ArrayList<>();
    for (String entry : classPath) {
      String name = Path.of(entry).getFileName().toString();
      if (prefixes.stream().anyMatch(name::startsWith)) {
        selected.add(entry);
      }
    }
    return selected;
  }

  private static String join(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return String.join(File.pathSeparator, all);
  }
}
