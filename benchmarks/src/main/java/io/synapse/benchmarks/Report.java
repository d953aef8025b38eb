package io.synapse.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the table of one {@code run.sh} run (each figure for this project, its baseline measured in
 * the same run, the ratio, the target) and writes the raw results with it as JSON.
 *
 * <p>Arguments are {@code key=value}: {@code jmh} (JMH's JSON), {@code process} (from
 * {@link ProcessBenchmark}), {@code task} and {@code job} (the tables those scripts printed, if they
 * ran), {@code taskJson} and {@code jobJson} (the JSON they wrote), {@code pythonError}, {@code quick},
 * {@code loadBefore}, {@code loadAfter} (when a report is written again from a run's raw files; default:
 * the load average now), {@code out}.
 */
public final class Report {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<Map<String, Object>> rows = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();

  private Report() {}

  /** Prints the table and writes the JSON. */
  public static void main(String[] argv) throws IOException {
    Map<String, String> args = new LinkedHashMap<>();
    for (String arg : argv) {
      int equals = arg.indexOf('=');
      args.put(arg.substring(0, equals), arg.substring(equals + 1));
    }
    new Report().run(args);
  }

  private void run(Map<String, String> args) throws IOException {
    JsonNode jmh = readIfPresent(args.get("jmh"));
    JsonNode process = readIfPresent(args.get("process"));
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    if (jmh != null) {
      for (JsonNode result : jmh) {
        String name = result.get("benchmark").asText();
        byName.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), result);
      }
    }

    lines.add("| # | figure | Synapse | baseline | baseline value | ratio | target | met |");
    lines.add("|---|---|---|---|---|---|---|---|");
    speedup("1", "bind + validate, valid params (ns/op)", byName, "BindBenchmark.generatedValid", "BindBenchmark.reflectiveValid",
        "Jackson + Hibernate Validator", 6);
    floorTarget("1", "bind + validate, valid params (ns/op)", byName, "BindBenchmark.generatedValid", "BindBenchmark.handValid",
        "hand-written binder (floor)", 1.5);
    allocation("1", "bind + validate, valid params (B/op)", byName, "BindBenchmark.generatedValid", "BindBenchmark.reflectiveValid", true);
    speedup("2", "bind + validate, 14 violations (ns/op)", byName, "BindBenchmark.generatedInvalid", "BindBenchmark.reflectiveInvalid",
        "Jackson + Hibernate Validator", 5);
    floorTarget("2", "bind + validate, 14 violations (ns/op)", byName, "BindBenchmark.generatedInvalid", "BindBenchmark.handInvalid",
        "hand-written binder (floor)", 1.5);
    allocation("1", "bind + validate, valid params (B/op)", byName, "BindBenchmark.generatedValid", "BindBenchmark.handValid", false);
    allocation("2", "bind + validate, 14 violations (B/op)", byName, "BindBenchmark.generatedInvalid", "BindBenchmark.handInvalid", false);
    allocation("2", "bind + validate, 14 violations (B/op)", byName, "BindBenchmark.generatedInvalid", "BindBenchmark.reflectiveInvalid", false);
    speedup("3", "runPlugin LOCAL, no-op, warm (ns/op)", byName, "RunBenchmark.synapse", "RunBenchmark.reflective",
        "reflective runner", 10);
    floor("3", "runPlugin LOCAL, no-op, warm (ns/op)", byName, "RunBenchmark.synapse", "RunBenchmark.direct", "direct call (floor)");
    allocation("3", "runPlugin LOCAL, no-op, warm (B/op)", byName, "RunBenchmark.synapse", "RunBenchmark.reflective", false);
    floor("3", "diagnostic: LocalExecutor built once, no-op (ns/op)", byName, "RunBenchmark.reusedExecutor", "RunBenchmark.direct",
        "direct call (floor)");
    if (process != null) {
      JsonNode cold = process.get("cold_start_ms");
      speedupValues("4", "cold start, one action, fresh JVM (ms)", median(cold, "synapse"), median(cold, "reflective"),
          "reflective, fresh JVM", 2, spread(cold, "synapse"), spread(cold, "reflective"));
      for (String variant : List.of("synapse", "synapse_jar", "synapse_cds", "synapse_cds_c1")) {
        if (cold.has(variant)) {
          double ratio = median(cold, variant) / median(cold, "hello_world");
          String label = switch (variant) {
            case "synapse_jar" -> ", plugin as a jar";
            case "synapse_cds" -> ", AppCDS archive";
            case "synapse_cds_c1" -> ", AppCDS archive + C1 only";
            default -> "";
          };
          add("4", "cold start, one action, fresh JVM" + label + " (ms)", median(cold, variant), spread(cold, variant), "hello-world JVM (floor)",
              median(cold, "hello_world"), spread(cold, "hello_world"), ratio, String.format(Locale.ROOT, "%.2fx of floor", ratio),
              "<= 2.0x of floor", ratio <= 2);
        }
      }
    }
    floorTarget("5", "discover 200 actions, fresh loader, fromPath(jar) (us)", byName, "DiscoveryBenchmark.fromJar",
        "DiscoveryBenchmark.parseConfigYaml", "parse config.yaml (floor)", 1.5);
    floorTarget("5", "discover 200 actions, fresh loader, fromModule (us)", byName, "DiscoveryBenchmark.fromClassPath",
        "DiscoveryBenchmark.parseConfigYaml", "parse config.yaml (floor)", 1.5);
    if (process != null) {
      JsonNode javac = process.get("javac_ms");
      double with = median(javac, "with_processor");
      double without = median(javac, "proc_none");
      add("6", "javac, " + javac.get("sources").asInt() + " sources of the 200-action plugin (ms)", with, spread(javac, "with_processor"),
          "javac -proc:none", without, spread(javac, "proc_none"), with / without, String.format(Locale.ROOT, "%.2fx of -proc:none", with / without),
          "<= 1.50x", with / without <= 1.5);
      if (javac.has("proc_none_with_generated")) {
        double all = median(javac, "proc_none_with_generated");
        add("6", "diagnostic: javac -proc:none of the sources plus the " + javac.get("generated_sources").asInt() + " generated (ms)", all,
            spread(javac, "proc_none_with_generated"), "javac -proc:none", without, spread(javac, "proc_none"), all / without,
            String.format(Locale.ROOT, "%.2fx of -proc:none", all / without), "(report)", null);
      }
      JsonNode python = process.get("python");
      if (python != null) {
        JsonNode warm = python.get("warm");
        double[] us = new double[warm.get("us").size()];
        for (int i = 0; i < us.length; i++) {
          us[i] = warm.get("us").get(i).asDouble();
        }
        double pythonWarm = Stats.median(us);
        JsonNode ours = byName.get("RunBenchmark.synapseProcess");
        if (ours != null) {
          double oursUs = median(ours) / 1000;
          add("7", "tutorial process action, warm, per call (us)", oursUs, spreadJmh(ours, 1000), "synapse-sdk " + warm.path("synapse_sdk").asText()
              + " (Python " + warm.path("python").asText() + ")", pythonWarm,
              String.format(Locale.ROOT, "%.1f-%.1f", Stats.percentile(us, 0.1), Stats.percentile(us, 0.9)), pythonWarm / oursUs,
              String.format(Locale.ROOT, "%.1fx faster", pythonWarm / oursUs), ">= 20x faster", pythonWarm / oursUs >= 20);
        }
        double oursCold = median(process.get("cold_start_ms"), "synapse");
        double pythonCold = median(python, "synapse_sdk_once");
        add("7", "tutorial process action, cold, per process (ms)", oursCold, spread(process.get("cold_start_ms"), "synapse"),
            "synapse-sdk, fresh python", pythonCold, spread(python, "synapse_sdk_once"), pythonCold / oursCold,
            String.format(Locale.ROOT, "%.1fx faster", pythonCold / oursCold), "(report)", null);
      }
    }
    remoteRows(readIfPresent(args.get("taskJson")), readIfPresent(args.get("jobJson")));
    if (args.containsKey("pythonError") && Files.exists(Path.of(args.get("pythonError")))) {
      String error = Files.readString(Path.of(args.get("pythonError"))).trim();
      if (!error.isEmpty()) {
        lines.add("| 7 | synapse-sdk (Python original) | | not run: " + error.replace("|", "/").replace("\n", " ") + " | | | >= 20x faster | n/a |");
      }
    }

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("date", java.time.OffsetDateTime.now().toString());
    out.put("quick", Boolean.parseBoolean(args.getOrDefault("quick", "false")));
    out.put("machine", machine(args.get("loadBefore"), args.get("loadAfter")));
    out.put("figures", rows);
    out.put("jmh", jmh);
    out.put("process", process);
    out.put("task_json", readIfPresent(args.get("taskJson")));
    out.put("job_json", readIfPresent(args.get("jobJson")));
    for (String extra : List.of("task", "job")) {
      String file = args.get(extra);
      if (file != null && Files.exists(Path.of(file))) {
        List<String> table = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
          if (line.startsWith("|") || line.startsWith("target") || line.contains("benchmark (")) {
            table.add(line);
          }
        }
        out.put(extra, table);
        lines.add("");
        lines.addAll(table);
      }
    }
    if (args.containsKey("pythonError")) {
      out.put("python_error", Files.exists(Path.of(args.get("pythonError"))) ? Files.readString(Path.of(args.get("pythonError"))) : null);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> machine = (Map<String, Object>) out.get("machine");
    System.out.println();
    System.out.println("Synapse Plugins benchmarks" + (Boolean.parseBoolean(args.getOrDefault("quick", "false")) ? " (--quick)" : "") + ": "
        + machine.get("cores") + " cores, Java " + machine.get("java") + ", load average " + machine.get("load_before") + " before, "
        + machine.get("load_after") + " after");
    lines.forEach(System.out::println);
    Path target = Path.of(args.get("out"));
    Files.createDirectories(target.getParent());
    JSON.writeValue(target.toFile(), out);
    System.out.println();
    System.out.println("raw results: " + target);
  }

  private void remoteRows(JsonNode task, JsonNode job) {
    if (task != null) {
      JsonNode trip = task.get("round_trip_us");
      double ours = median(trip, "pool");
      double raw = median(trip, "raw");
      add("8", "TASK no-op round trip (us)", ours, spread(trip, "pool"), "raw Ray Java actor call", raw, spread(trip, "raw"), ours / raw,
          String.format(Locale.ROOT, "%.2fx of raw", ours / raw), "<= 1.5x of raw", ours / raw <= 1.5);
      JsonNode all = task.get("execute_all");
      double calls = all.get("execute_all_calls_per_s").asDouble();
      double oneByOne = all.get("raw_one_by_one_calls_per_s").asDouble();
      add("8", "executeAll of " + all.get("calls").asInt() + " no-ops, 2-actor pool (calls/s)", calls, "", "raw Ray Java actor, one by one",
          oneByOne, "", calls / oneByOne, String.format(Locale.ROOT, "%.2fx the calls/s", calls / oneByOne), ">= 3x the calls/s",
          calls / oneByOne >= 3);
      double pipelined = all.get("raw_pipelined_calls_per_s").asDouble();
      add("8", "diagnostic: executeAll against the raw actor with every call in flight (calls/s)", calls, "", "raw Ray Java actor, pipelined",
          pipelined, "", calls / pipelined, String.format(Locale.ROOT, "%.2fx the calls/s", calls / pipelined), "(report)", null);
    }
    if (job != null) {
      JsonNode done = job.get("submit_to_succeeded_ms");
      double ours = median(done, "synapse");
      double python = median(done, "python");
      add("8", "JOB no-op submit to SUCCEEDED (ms)", ours, spread(done, "synapse"), "trivial Python job, same head", python, spread(done, "python"),
          ours / python, String.format(Locale.ROOT, "%.2fx of Python", ours / python), "<= 1.2x of Python", ours / python <= 1.2);
      // Where the JOB time goes: submit to RUNNING (runtime env set-up, the entrypoint's start) and
      // RUNNING to SUCCEEDED (the entrypoint's own work), each against the Python job's.
      JsonNode running = job.get("submit_to_running_ms");
      double oursRunning = median(running, "synapse");
      double pythonRunning = median(running, "python");
      add("8", "diagnostic: JOB submit to RUNNING (ms)", oursRunning, spread(running, "synapse"), "trivial Python job, same head", pythonRunning,
          spread(running, "python"), oursRunning / pythonRunning, String.format(Locale.ROOT, "%.2fx, +%s ms", oursRunning / pythonRunning,
              number(oursRunning - pythonRunning)), "(report)", null);
      double oursWork = ours - oursRunning;
      double pythonWork = python - pythonRunning;
      add("8", "diagnostic: JOB RUNNING to SUCCEEDED, medians' difference (ms)", oursWork, "", "trivial Python job, same head", pythonWork, "",
          oursWork / pythonWork, String.format(Locale.ROOT, "%.2fx, +%s ms", oursWork / pythonWork, number(oursWork - pythonWork)), "(report)", null);
      double java = median(done, "java_version");
      add("8", "diagnostic: JOB java -version entrypoint to SUCCEEDED (ms)", java, spread(done, "java_version"), "trivial Python job, same head",
          python, spread(done, "python"), java / python, String.format(Locale.ROOT, "%.2fx of Python", java / python), "(report)", null);
    }
  }

  private void speedup(String id, String figure, Map<String, JsonNode> jmh, String ours, String baseline, String baselineName, double target) {
    JsonNode o = jmh.get(ours);
    JsonNode b = jmh.get(baseline);
    if (o == null || b == null) {
      return;
    }
    speedupValues(id, figure, median(o), median(b), baselineName, target, spreadJmh(o, 1), spreadJmh(b, 1));
  }

  private void speedupValues(String id, String figure, double ours, double baseline, String baselineName, double target, String oursSpread,
      String baselineSpread) {
    double ratio = baseline / ours;
    add(id, figure, ours, oursSpread, baselineName, baseline, baselineSpread, ratio, String.format(Locale.ROOT, "%.1fx faster", ratio),
        String.format(Locale.ROOT, ">= %.0fx faster", target), ratio >= target);
  }

  private void floor(String id, String figure, Map<String, JsonNode> jmh, String ours, String floor, String floorName) {
    JsonNode o = jmh.get(ours);
    JsonNode f = jmh.get(floor);
    if (o == null || f == null) {
      return;
    }
    floorValues(id, figure, median(o), median(f), floorName, spreadJmh(o, 1), spreadJmh(f, 1));
  }

  private void floorValues(String id, String figure, double ours, double floor, String floorName, String oursSpread, String floorSpread) {
    add(id, figure, ours, oursSpread, floorName, floor, floorSpread, ours / floor,
        String.format(Locale.ROOT, "%.2fx of floor, +%s", ours / floor, number(ours - floor)), "(report overhead)", null);
  }

  private void floorTarget(String id, String figure, Map<String, JsonNode> jmh, String ours, String floor, String floorName, double target) {
    JsonNode o = jmh.get(ours);
    JsonNode f = jmh.get(floor);
    if (o == null || f == null) {
      return;
    }
    double ratio = median(o) / median(f);
    add(id, figure, median(o), spreadJmh(o, 1), floorName, median(f), spreadJmh(f, 1), ratio,
        String.format(Locale.ROOT, "%.2fx of floor", ratio), String.format(Locale.ROOT, "<= %.1fx of floor", target), ratio <= target);
  }

  private void allocation(String id, String figure, Map<String, JsonNode> jmh, String ours, String baseline, boolean targeted) {
    JsonNode o = jmh.get(ours);
    JsonNode b = jmh.get(baseline);
    if (o == null || b == null || alloc(o) == null || alloc(b) == null) {
      return;
    }
    double a = alloc(o);
    double c = alloc(b);
    add(id, figure, a, "", baselineOf(baseline), c, "", c / a,
        String.format(Locale.ROOT, "%.1fx fewer bytes", c / a), targeted ? "fewer bytes" : "(report)", targeted ? a < c : null);
  }

  private static String baselineOf(String benchmark) {
    if (benchmark.startsWith("BindBenchmark.hand")) {
      return "hand-written binder";
    }
    return benchmark.startsWith("Bind") ? "Jackson + Hibernate Validator" : "reflective runner";
  }

  private void add(String id, String figure, double ours, String oursSpread, String baselineName, double baseline, String baselineSpread,
      double ratio, String ratioText, String target, Boolean met) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("figure", figure);
    row.put("synapse_median", ours);
    row.put("synapse_spread", oursSpread);
    row.put("baseline", baselineName);
    row.put("baseline_median", baseline);
    row.put("baseline_spread", baselineSpread);
    row.put("ratio", ratio);
    row.put("target", target);
    row.put("ratio_text", ratioText);
    row.put("met", met);
    rows.add(row);
    lines.add("| " + id + " | " + figure + " | " + number(ours) + spreadText(oursSpread) + " | " + baselineName + " | " + number(baseline)
        + spreadText(baselineSpread) + " | " + ratioText + " | " + target + " | " + (met == null ? "-" : met ? "met" : "MISSED") + " |");
  }

  private static String spreadText(String spread) {
    return spread.isEmpty() ? "" : " (" + spread + ")";
  }

  private static String number(double value) {
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** The median of a JMH result's iterations, in its unit. */
  private static double median(JsonNode result) {
    return Stats.median(iterations(result));
  }

  private static double[] iterations(JsonNode result) {
    List<Double> values = new ArrayList<>();
    for (JsonNode fork : result.get("primaryMetric").get("rawData")) {
      for (JsonNode value : fork) {
        values.add(value.asDouble());
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static String spreadJmh(JsonNode result, double divisor) {
    double[] values = iterations(result);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double value : values) {
      min = Math.min(min, value / divisor);
      max = Math.max(max, value / divisor);
    }
    return number(min) + "-" + number(max);
  }

  private static Double alloc(JsonNode result) {
    JsonNode secondary = result.get("secondaryMetrics");
    if (secondary == null) {
      return null;
    }
    for (var it = secondary.fields(); it.hasNext(); ) {
      var entry = it.next();
      if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
        return entry.getValue().get("score").asDouble();
      }
    }
    return null;
  }

  private static double median(JsonNode summaries, String name) {
    return summaries.get(name).get("median").asDouble();
  }

  private static String spread(JsonNode summaries, String name) {
    return number(summaries.get(name).get("min").asDouble()) + "-" + number(summaries.get(name).get("max").asDouble());
  }

  private static JsonNode readIfPresent(String file) throws IOException {
    if (file == null || !Files.exists(Path.of(file))) {
      return null;
    }
    return JSON.readTree(new File(file));
  }

  private static Map<String, Object> machine(String loadBefore, String loadAfter) throws IOException {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("java", System.getProperty("java.version"));
    machine.put("vm", System.getProperty("java.vm.name"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    machine.put("load_before", loadBefore);
    Path loadavg = Path.of("/proc/loadavg");
    machine.put("load_after", loadAfter != null ? loadAfter : Files.exists(loadavg) ? String.join(" ", List.of(Files.readString(loadavg).trim().split(" ")).subList(0, 3)) : "");
    return machine;
  }
}
