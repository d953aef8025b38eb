package io.synapse.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One measured curve: named series of (x, y) points over one x axis, plotted on log-log axes.
 *
 * @param name the file name of its plot, without {@code .png}
 * @param title what it shows
 * @param xLabel the x axis
 * @param yLabel the y axis
 * @param series each series' points, x ascending
 */
record Curve(String name, String title, String xLabel, String yLabel, Map<String, List<double[]>> series) {

  /** Its JSON form: points as {@code [x, y]} pairs, and the growth exponents between them. */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("title", title);
    json.put("x", xLabel);
    json.put("y", yLabel);
    Map<String, Object> points = new LinkedHashMap<>();
    Map<String, Object> exponents = new LinkedHashMap<>();
    series.forEach((label, xy) -> {
      points.put(label, xy);
      exponents.put(label, exponents(xy));
    });
    json.put("series", points);
    json.put("growth_exponents", exponents);
    return json;
  }

  /** The exponent of growth between each pair of neighbouring points (1 linear, 2 quadratic). */
  static List<Double> exponents(List<double[]> xy) {
    List<Double> out = new ArrayList<>();
    for (int i = 1; i < xy.size(); i++) {
      out.add(Stats.exponent(xy.get(i - 1)[0], xy.get(i - 1)[1], xy.get(i)[0], xy.get(i)[1]));
    }
    return out;
  }

  /** A Markdown paragraph: the points and the exponents between neighbours. */
  String growth() {
    StringBuilder md = new StringBuilder("**" + title + "** (" + yLabel + " against " + xLabel + "; growth exponent between neighbours, 1 = linear):\n");
    series.forEach((label, xy) -> {
      md.append("- ").append(label).append(": ");
      List<Double> exponents = exponents(xy);
      for (int i = 0; i < xy.size(); i++) {
        if (i > 0) {
          md.append(String.format(Locale.ROOT, " -(%.2f)- ", exponents.get(i - 1)));
        }
        md.append(String.format(Locale.ROOT, "%,.0f", xy.get(i)[0])).append(": ").append(Summary.number(xy.get(i)[1]));
      }
      md.append('\n');
    });
    return md.toString();
  }
}
