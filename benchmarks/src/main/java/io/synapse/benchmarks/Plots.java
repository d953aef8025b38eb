package io.synapse.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of the curves and of the ratio table, with XChart. */
final class Plots {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Plots() {}

  /** A curve on log-log axes, one line per series. */
  static void curve(Curve curve, Path png) throws IOException {
    XYChart chart = new XYChartBuilder().width(800).height(500).title(curve.title()).xAxisTitle(curve.xLabel()).yAxisTitle(curve.yLabel()).build();
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.InsideNW);
    for (Map.Entry<String, List<double[]>> series : curve.series().entrySet()) {
      List<double[]> xy = series.getValue().stream().filter(p -> p[0] > 0 && p[1] > 0).toList();
      if (xy.isEmpty()) {
        continue;
      }
      double[] x = xy.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = xy.stream().mapToDouble(p -> p[1]).toArray();
      chart.addSeries(series.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /**
   * Every targeted figure as a bar of how close its median ratio is to the target (1 = the target,
   * above 1 met), with the runs' spread as error bars.
   */
  @SuppressWarnings("unchecked")
  static void ratios(List<Map<String, Object>> figures, Path png) throws IOException {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Double> errors = new ArrayList<>();
    for (Map<String, Object> figure : figures) {
      String target = (String) figure.get("target");
      Map<String, Object> ratio = (Map<String, Object>) figure.get("ratio");
      Double median = Summary.ofTarget(target, (Double) ratio.get("median"));
      if (median == null) {
        continue;
      }
      double low = Summary.ofTarget(target, (Double) ratio.get("min"));
      double high = Summary.ofTarget(target, (Double) ratio.get("max"));
      names.add(figure.get("id") + " " + shorten((String) figure.get("figure")));
      values.add(median);
      errors.add(Math.max(Math.abs(high - median), Math.abs(median - low)));
    }
    CategoryChart chart = new CategoryChartBuilder().width(1000).height(600).title("Median ratio as a fraction of its target (1 = target; above 1 met)")
        .yAxisTitle("ratio / target").build();
    chart.getStyler().setXAxisLabelRotation(60).setLegendVisible(false);
    if (names.isEmpty()) {
      names.add("no targeted figure");
      values.add(0.0);
      errors.add(0.0);
    }
    chart.addSeries("ratio / target", names, values, errors);
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static String shorten(String figure) {
    String s = figure.replaceAll(" \\([^)]*\\)$", "");
    return s.length() > 48 ? s.substring(0, 47) + "…" : s;
  }
}
