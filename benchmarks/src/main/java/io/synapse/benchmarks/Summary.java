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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The result of {@code run.sh --repeat N}: every figure's median and spread (min-max) over the N
 * runs, the target judged on the median ratio, the curves, and their plots.
 *
 * <p>Arguments are {@code key=value}: {@code runs} (the runs' JSON files from {@link Report}, comma
 * separated), {@code curvesJmh} (JMH's JSON files of {@link CurveBenchmark}, comma separated), {@code scale} (from
 * {@link ScaleBenchmark}), {@code curveRuns} (JSON files with {@code task_json} or {@code job_json} read
 * for their curves only), {@code out} (the directory for {@code summary.json}, {@code summary.md} and
 * the PNGs). Missing inputs leave their part out.
 */
public final class Summary {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern TARGET = Pattern.compile("^(>=|<=)\\s*([0-9.]+)x");

  private Summary() {}

  /** Writes the summary, its table and its plots. */
  public static void main(String[] argv) throws IOException {
    Map<String, String> args = new LinkedHashMap<>();
    for (String arg : argv) {
      args.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    List<JsonNode> runs = new ArrayList<>();
    for (String file : args.getOrDefault("runs", "").split(",")) {
      if (!file.isBlank() && Files.exists(Path.of(file))) {
        runs.add(JSON.readTree(new File(file)));
      }
    }
    // Runs measured apart for their curves only (e.g. a TASK or JOB run with curves after repeated runs
    // without): read for the curves, not counted among the runs.
    List<JsonNode> curveRuns = new ArrayList<>(runs);
    for (String file : args.getOrDefault("curveRuns", "").split(",")) {
      if (!file.isBlank() && Files.exists(Path.of(file))) {
        curveRuns.add(JSON.readTree(new File(file)));
      }
    }
    Path out = Path.of(args.get("out"));
    Files.createDirectories(out);
    com.fasterxml.jackson.databind.node.ArrayNode curvesJmh = JSON.createArrayNode();
    for (String file : args.getOrDefault("curvesJmh", "").split(",")) {
      JsonNode results = read(file.isBlank() ? null : file);
      if (results != null) {
        curvesJmh.addAll((com.fasterxml.jackson.databind.node.ArrayNode) results);
      }
    }
    JsonNode scale = read(args.get("scale"));
    Map<String, Object> summary = write(runs, curveRuns, curvesJmh.isEmpty() ? null : curvesJmh, scale, out);
    System.out.println(Files.readString(out.resolve("summary.md")));
    System.out.println("summary: " + out.resolve("summary.json") + " (" + runs.size() + " runs)");
    if (summary.isEmpty()) {
      throw new IllegalStateException("nothing to summarise");
    }
  }

  /** Aggregates, writes summary.json, summary.md and the plots into {@code out}; the summary. */
  static Map<String, Object> write(List<JsonNode> runs, JsonNode curvesJmh, JsonNode scale, Path out) throws IOException {
    return write(runs, runs, curvesJmh, scale, out);
  }

  /** The same, the TASK and JOB curves read from {@code curveRuns}. */
  static Map<String, Object> write(List<JsonNode> runs, List<JsonNode> curveRuns, JsonNode curvesJmh, JsonNode scale, Path out)
      throws IOException {
    List<Map<String, Object>> figures = aggregate(runs);
    List<Curve> curves = Curves.all(curveRuns, curvesJmh, scale);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("runs", runs.size());
    List<Object> machines = new ArrayList<>();
    runs.forEach(run -> machines.add(run.get("machine")));
    summary.put("machines", machines);
    summary.put("figures", figures);
    List<Map<String, Object>> curveJson = new ArrayList<>();
    for (Curve curve : curves) {
      curveJson.add(curve.toJson());
    }
    summary.put("curves", curveJson);
    JSON.writeValue(out.resolve("summary.json").toFile(), summary);
    Files.writeString(out.resolve("summary.md"), markdown(runs, figures, curves), StandardCharsets.UTF_8);
    Plots.ratios(figures, out.resolve("ratios.png"));
    for (Curve curve : curves) {
      Plots.curve(curve, out.resolve(curve.name() + ".png"));
    }
    return summary;
  }

  /** Every figure of the runs (by id, name and baseline, in first-seen order) with median and spread of each value. */
  static List<Map<String, Object>> aggregate(List<JsonNode> runs) {
    Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
    for (JsonNode run : runs) {
      for (JsonNode row : run.path("figures")) {
        // One figure may have several baselines (bind: Jackson and the hand-written binder).
        byKey.computeIfAbsent(row.get("id").asText() + "|" + row.get("figure").asText() + "|" + row.get("baseline").asText(),
            k -> new ArrayList<>()).add(row);
      }
    }
    List<Map<String, Object>> figures = new ArrayList<>();
    for (List<JsonNode> rows : byKey.values()) {
      JsonNode first = rows.get(0);
      Map<String, Object> figure = new LinkedHashMap<>();
      figure.put("id", first.get("id").asText());
      figure.put("figure", first.get("figure").asText());
      figure.put("baseline", first.get("baseline").asText());
      figure.put("synapse", Stats.spread(values(rows, "synapse_median")));
      figure.put("baseline_value", Stats.spread(values(rows, "baseline_median")));
      Map<String, Object> ratio = Stats.spread(values(rows, "ratio"));
      figure.put("ratio", ratio);
      String target = first.get("target").asText();
      figure.put("target", target);
      figure.put("met", met(target, (Double) ratio.get("median")));
      figures.add(figure);
    }
    // Targeted figures get a short key (1a, 1b, 2a...) that the ratio plot and the table share.
    Map<String, Integer> perId = new LinkedHashMap<>();
    for (Map<String, Object> figure : figures) {
      if (ofTarget((String) figure.get("target"), 1) != null) {
        int n = perId.merge((String) figure.get("id"), 1, Integer::sum);
        figure.put("key", figure.get("id") + String.valueOf((char) ('a' + n - 1)));
      }
    }
    return figures;
  }

  private static double[] values(List<JsonNode> rows, String field) {
    return rows.stream().mapToDouble(row -> row.get(field).asDouble()).toArray();
  }

  /** Whether {@code ratio} meets a target written as {@code ">= 6x ..."}, {@code "<= 1.5x ..."} or "fewer bytes"; null if none. */
  static Boolean met(String target, double ratio) {
    Matcher m = TARGET.matcher(target);
    if (m.find()) {
      double bound = Double.parseDouble(m.group(2));
      return m.group(1).equals(">=") ? ratio >= bound : ratio <= bound;
    }
    return target.equals("fewer bytes") ? ratio > 1 : null;
  }

  /**
   * How close a ratio is to its target, 1 being the target itself and more than 1 better than it:
   * {@code ratio / bound} for "at least" targets, {@code bound / ratio} for "at most" ones; null if the
   * figure has no numeric target.
   */
  static Double ofTarget(String target, double ratio) {
    Matcher m = TARGET.matcher(target);
    if (!m.find()) {
      return null;
    }
    double bound = Double.parseDouble(m.group(2));
    return m.group(1).equals(">=") ? ratio / bound : bound / ratio;
  }

  static String markdown(List<JsonNode> runs, List<Map<String, Object>> figures, List<Curve> curves) {
    StringBuilder md = new StringBuilder();
    md.append("Median of ").append(runs.size()).append(" runs (min-max across the runs). Load average per run (1, 5, 15 min), before / after:");
    for (JsonNode run : runs) {
      md.append(' ').append(run.path("machine").path("load_before").asText()).append(" / ").append(run.path("machine").path("load_after").asText())
          .append(';');
    }
    md.append("\n\n| # | figure | Synapse | baseline | baseline value | ratio | target | met |\n|---|---|---|---|---|---|---|---|\n");
    for (Map<String, Object> f : figures) {
      Object met = f.get("met");
      md.append("| ").append(f.getOrDefault("key", f.get("id"))).append(" | ").append(f.get("figure")).append(" | ").append(spreadText(f.get("synapse"), runs.size())).append(" | ")
          .append(f.get("baseline")).append(" | ").append(spreadText(f.get("baseline_value"), runs.size())).append(" | ")
          .append(spreadText(f.get("ratio"), runs.size())).append("x | ").append(f.get("target")).append(" | ")
          .append(met == null ? "-" : (Boolean) met ? "met" : "MISSED").append(" |\n");
    }
    for (Curve curve : curves) {
      md.append("\n").append(curve.growth());
    }
    return md.toString();
  }

  @SuppressWarnings("unchecked")
  private static String spreadText(Object spread, int runs) {
    Map<String, Object> s = (Map<String, Object>) spread;
    String median = number((Double) s.get("median"));
    int n = (Integer) s.get("n");
    if (n < 2) {
      return median + (n < runs ? " (1 run)" : "");
    }
    return median + " (" + number((Double) s.get("min")) + "-" + number((Double) s.get("max")) + (n < runs ? ", " + n + " runs" : "") + ")";
  }

  static String number(double value) {
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (Math.abs(value) >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static JsonNode read(String file) throws IOException {
    return file == null || !Files.exists(Path.of(file)) ? null : JSON.readTree(new File(file));
  }
}
