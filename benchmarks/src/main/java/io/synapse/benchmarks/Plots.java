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
   * Every targeted figure as bars of how close its ratio is to the target (1 = the target, above 1
   * met, capped at {@link #CAP}): the median run's and, beside it, the worst and the best run's.
   */
  @SuppressWarnings("unchecked")
  static void ratios(List<Map<String, Object>> figures, Path png) throws IOException {
    List<String> names = new ArrayList<>();
    List<Double> medians = new ArrayList<>();
    List<Double> worst = new ArrayList<>();
    List<Double> best = new ArrayList<>();
    for (Map<String, Object> figure : figures) {
      String target = (String) figure.get("target");
      Map<String, Object> ratio = (Map<String, Object>) figure.get("ratio");
      Double median = Summary.ofTarget(target, (Double) ratio.get("median"));
      if (median == null || !(median > 0)) {
        continue;
      }
      double a = Summary.ofTarget(target, (Double) ratio.get("min"));
      double b = Summary.ofTarget(target, (Double) ratio.get("max"));
      names.add((String) figure.get("key"));
      medians.add(clamp(median));
      worst.add(clamp(Math.min(a, b)));
      best.add(clamp(Math.max(a, b)));
    }
    CategoryChart chart = new CategoryChartBuilder().width(1000).height(450)
        .title("Ratio as a fraction of its target (1 = target; above 1 met; bars end at " + CAP + ")").xAxisTitle("figure (keys of summary.md)")
        .yAxisTitle("ratio / target").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(CAP);
    if (names.isEmpty()) {
      names.add("no targeted figure");
      medians.add(1.0);
      worst.add(1.0);
      best.add(1.0);
    }
    chart.addSeries("worst run", names, worst);
    chart.addSeries("median", names, medians);
    chart.addSeries("best run", names, best);
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /** Bars end at this fraction of the target: far ahead is far ahead. */
  private static final double CAP = 3.0;

  private static double clamp(double value) {
    return Double.isNaN(value) ? 0 : Math.max(0, Math.min(CAP, value));
  }

}
