package io.synapse.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the {@link Curve}s of a run from the JSON its benchmarks wrote; a missing input leaves its curves out. */
final class Curves {
  private Curves() {}

  static List<Curve> all(List<JsonNode> runs, JsonNode curvesJmh, JsonNode scale) {
    List<Curve> curves = new ArrayList<>();
    if (curvesJmh != null) {
      curves.add(jmh(curvesJmh, "CurveBenchmark.list", "size", "bind-list", "Bind time against list length", "items"));
      curves.add(jmh(curvesJmh, "CurveBenchmark.depth", "depth", "bind-depth", "Bind time against nesting depth", "levels"));
    }
    if (scale != null) {
      Map<String, List<double[]>> processor = new LinkedHashMap<>();
      processor.put("javac with the processor", points(scale.get("processor"), "actions", "with_processor_ms"));
      processor.put("javac -proc:none", points(scale.get("processor"), "actions", "proc_none_ms"));
      curves.add(new Curve("processor", "javac time against the number of actions", "actions", "ms", processor));
      Map<String, List<double[]>> discovery = new LinkedHashMap<>();
      discovery.put("PluginDiscovery.fromPath(jar)", points(scale.get("discovery"), "actions", "from_path_us"));
      discovery.put("parse config.yaml (floor)", points(scale.get("discovery"), "actions", "parse_config_yaml_us"));
      curves.add(new Curve("discovery", "Discovery time against the number of actions", "actions", "us", discovery));
    }
    // The remote curves are in every run: the median of each point over the runs.
    Map<String, Map<Double, List<Double>>> task = new LinkedHashMap<>();
    Map<String, Map<Double, List<Double>>> job = new LinkedHashMap<>();
    for (JsonNode run : runs) {
      for (JsonNode point : run.path("task_json").path("throughput_curve")) {
        task.computeIfAbsent(point.get("action_ms").asInt() == 0 ? "no-op" : point.get("action_ms").asInt() + " ms action",
            k -> new TreeMap<>()).computeIfAbsent(point.get("actors").asDouble(), k -> new ArrayList<>()).add(point.get("calls_per_s").asDouble());
      }
      for (JsonNode point : run.path("job_json").path("concurrency_curve")) {
        double x = point.get("submissions").asDouble();
        job.computeIfAbsent("all SUCCEEDED", k -> new TreeMap<>()).computeIfAbsent(x, k -> new ArrayList<>()).add(point.get("all_ms").asDouble());
        job.computeIfAbsent("per job, median", k -> new TreeMap<>()).computeIfAbsent(x, k -> new ArrayList<>())
            .add(point.get("per_job_median_ms").asDouble());
      }
    }
    if (!task.isEmpty()) {
      curves.add(new Curve("task-throughput", "TASK throughput against pool size", "actors", "calls/s", medians(task)));
    }
    if (!job.isEmpty()) {
      curves.add(new Curve("job-concurrency", "JOB time against concurrent submissions", "submissions", "ms", medians(job)));
    }
    return curves;
  }

  private static Map<String, List<double[]>> medians(Map<String, Map<Double, List<Double>>> bySeries) {
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    bySeries.forEach((label, byX) -> {
      List<double[]> xy = new ArrayList<>();
      byX.forEach((x, ys) -> xy.add(new double[] {x, Stats.median(ys.stream().mapToDouble(Double::doubleValue).toArray())}));
      series.put(label, xy);
    });
    return series;
  }

  private static List<double[]> points(JsonNode list, String x, String summary) {
    List<double[]> xy = new ArrayList<>();
    for (JsonNode point : list) {
      xy.add(new double[] {point.get(x).asDouble(), point.get(summary).get("median").asDouble()});
    }
    xy.sort(Comparator.comparingDouble(p -> p[0]));
    return xy;
  }

  /** A JMH benchmark's score against one of its parameters, in its unit, and per unit of the parameter. */
  private static Curve jmh(JsonNode results, String benchmark, String param, String name, String title, String unit) {
    List<double[]> total = new ArrayList<>();
    List<double[]> bytes = new ArrayList<>();
    String scoreUnit = "us";
    for (JsonNode result : results) {
      if (result.get("benchmark").asText().endsWith(benchmark)) {
        double x = result.get("params").get(param).asDouble();
        total.add(new double[] {x, result.get("primaryMetric").get("score").asDouble()});
        scoreUnit = result.get("primaryMetric").get("scoreUnit").asText().replace("/op", "");
        JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
        if (alloc.isNumber()) {
          bytes.add(new double[] {x, alloc.asDouble() / x});
        }
      }
    }
    total.sort(Comparator.comparingDouble(p -> p[0]));
    bytes.sort(Comparator.comparingDouble(p -> p[0]));
    List<double[]> perUnit = new ArrayList<>();
    for (double[] p : total) {
      perUnit.add(new double[] {p[0], p[1] * 1000 / p[0]});
    }
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    series.put("per bind (" + scoreUnit + ")", total);
    series.put("per " + unit.substring(0, unit.length() - 1) + " (n" + scoreUnit.substring(1) + ")", perUnit);
    if (!bytes.isEmpty()) {
      series.put("allocated per " + unit.substring(0, unit.length() - 1) + " (B)", bytes);
    }
    return new Curve(name, title, unit, scoreUnit + " per bind; ns and bytes per " + unit.substring(0, unit.length() - 1), series);
  }
}
