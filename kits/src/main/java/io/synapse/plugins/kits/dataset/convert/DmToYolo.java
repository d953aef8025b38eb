package io.synapse.plugins.kits.dataset.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * DM v2 to the three YOLO task layouts, as the platform's converter writes them: {@code detect/}
 * (bounding boxes as {@code class cx cy w h}), {@code segment/} (polygons as {@code class x1 y1 x2 y2
 * ...}) and {@code pose/} (COCO Person-17 keypoint groups as {@code class cx cy w h x1 y1 v1 ...}),
 * each with {@code images/}, {@code labels/<stem>.txt} and a {@code dataset.yaml}; coordinates are
 * normalised to the image and written with six decimals, class ids index the task's sorted class
 * names. A categorized dataset gets {@code <task>/<split>/images|labels} and a {@code dataset.yaml}
 * naming the splits.
 *
 * <p>Invalid geometry (outside the image, non-positive size, fewer than three distinct polygon points)
 * is reported per annotation and left out; masks ({@code segmentation}) and other annotation types are
 * counted as skipped. The config path is {@code detect/dataset.yaml}.
 */
final class DmToYolo implements Converter {
  private static final List<String> TASKS = List.of("detect", "segment", "pose");

  @Override
  public DatasetFormat source() {
    return DatasetFormat.DM_V2;
  }

  @Override
  public DatasetFormat target() {
    return DatasetFormat.YOLO;
  }

  /** One item's label lines per task, before class ids are known. */
  private record Converted(DmItems.Item item, Map<String, List<Row>> rows) {}

  /** A label line with its class name in place of the id. */
  private record Row(String className, List<String> values) {}

  @Override
  public ConversionReport convert(Path source, Path target, boolean categorized) throws IOException {
    Map<String, Integer> skipped = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int written = 0;
    int items = 0;
    Map<String, List<Converted>> bySplit = new LinkedHashMap<>();
    Map<String, Set<String>> classes = new LinkedHashMap<>();
    TASKS.forEach(task -> classes.put(task, new TreeSet<>()));
    for (Map.Entry<String, Path> split : DmItems.splits(source, categorized)) {
      List<Converted> converted = new ArrayList<>();
      for (DmItems.Item item : DmItems.dmItems(split.getValue())) {
        Converted one = convertItem(item, skipped, failures);
        converted.add(one);
        items++;
        for (Map.Entry<String, List<Row>> task : one.rows().entrySet()) {
          written += task.getValue().size();
          task.getValue().forEach(row -> classes.get(task.getKey()).add(row.className()));
        }
      }
      bySplit.put(split.getKey(), converted);
    }
    for (String task : TASKS) {
      List<String> names = List.copyOf(classes.get(task));
      Map<String, Integer> ids = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        ids.put(names.get(i), i);
      }
      Path taskDir = target.resolve(task);
      Files.createDirectories(taskDir);
      Files.writeString(taskDir.resolve("dataset.yaml"), datasetYaml(task, names, bySplit.keySet()), StandardCharsets.UTF_8);
      for (Map.Entry<String, List<Converted>> split : bySplit.entrySet()) {
        Path base = split.getKey().isEmpty() ? taskDir : taskDir.resolve(split.getKey());
        Path images = Files.createDirectories(base.resolve("images"));
        Path labels = Files.createDirectories(base.resolve("labels"));
        for (Converted item : split.getValue()) {
          Files.copy(item.item().image(), images.resolve(item.item().image().getFileName()), StandardCopyOption.REPLACE_EXISTING);
          List<String> lines = new ArrayList<>();
          for (Row row : item.rows().get(task)) {
            lines.add(ids.get(row.className()) + " " + String.join(" ", row.values()));
          }
          DmItems.writeLines(labels.resolve(item.item().stem() + ".txt"), lines);
        }
      }
    }
    return new ConversionReport(items, written, skipped, failures, target.resolve("detect").resolve("dataset.yaml"));
  }

  private static String datasetYaml(String task, List<String> names, Set<String> splits) {
    List<String> lines = new ArrayList<>();
    if (splits.contains("")) {
      lines.add("train: images");
      lines.add("val: images");
    } else {
      lines.add("train: train/images");
      lines.add("val: valid/images");
      if (splits.contains("test")) {
        lines.add("test: test/images");
      }
    }
    lines.add("nc: " + names.size());
    lines.add("names: " + DmItems.pyList(names));
    if (task.equals("pose")) {
      lines.add("kpt_shape: [17, 3]");
      lines.add("flip_idx: " + DmItems.pyList(DmItems.PERSON_17_FLIP));
    }
    return String.join("\n", lines) + "\n";
  }

  private static Converted convertItem(DmItems.Item item, Map<String, Integer> skipped, List<String> failures) throws IOException {
    Map<String, Object> image = DmItems.firstImage(item.json());
    int width = item.width();
    int height = item.height();
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    TASKS.forEach(task -> rows.put(task, new ArrayList<>()));
    for (Map<String, Object> box : DmItems.annotations(image, "bounding_box")) {
      try {
        double[] b = bbox(box.get("data"), width, height);
        rows.get("detect").add(new Row(DmItems.className(box), List.of(DmItems.six(b[0]), DmItems.six(b[1]), DmItems.six(b[2]), DmItems.six(b[3]))));
      } catch (IllegalArgumentException e) {
        failures.add(item.stem() + "/" + box.get("id") + ": INVALID_GEOMETRY: " + e.getMessage());
      }
    }
    for (Map<String, Object> polygon : DmItems.annotations(image, "polygon")) {
      try {
        List<String> values = new ArrayList<>();
        for (double[] point : polygon(polygon.get("data"), width, height)) {
          values.add(DmItems.six(point[0]));
          values.add(DmItems.six(point[1]));
        }
        rows.get("segment").add(new Row(DmItems.className(polygon), values));
      } catch (IllegalArgumentException e) {
        failures.add(item.stem() + "/" + polygon.get("id") + ": INVALID_GEOMETRY: " + e.getMessage());
      }
    }
    poses(item, DmItems.annotations(image, "keypoint"), rows.get("pose"), skipped);
    for (Map.Entry<String, Object> tool : new TreeMap<>(image).entrySet()) {
      if (!Set.of("bounding_box", "polygon", "keypoint").contains(tool.getKey()) && tool.getValue() instanceof List<?> list && !list.isEmpty()) {
        String reason = tool.getKey().equals("segmentation") ? "MASK_NOT_CONVERTED" : "UNSUPPORTED_ANNOTATION_TYPE";
        skipped.merge(reason, list.size(), Integer::sum);
      }
    }
    return new Converted(item, rows);
  }

  /** A DM box {@code [x, y, w, h]} as YOLO's normalised {@code cx cy w h}. */
  static double[] bbox(Object data, int width, int height) {
    if (!(data instanceof List<?> values) || values.size() < 4) {
      throw new IllegalArgumentException("bounding box data must be [x, y, width, height]");
    }
    double x = DmItems.number(values.get(0), "x");
    double y = DmItems.number(values.get(1), "y");
    double w = DmItems.number(values.get(2), "width");
    double h = DmItems.number(values.get(3), "height");
    if (w <= 0 || h <= 0 || x < 0 || y < 0 || x + w > width || y + h > height) {
      throw new IllegalArgumentException("bounding box must be positive and inside the image");
    }
    return new double[] {(x + w / 2) / width, (y + h / 2) / height, w / width, h / height};
  }

  private static List<double[]> polygon(Object data, int width, int height) {
    if (!(data instanceof List<?> points)) {
      throw new IllegalArgumentException("polygon data must be a list of [x, y] points");
    }
    List<double[]> normalised = new ArrayList<>();
    Set<List<Double>> distinct = new HashSet<>();
    for (Object point : points) {
      if (!(point instanceof List<?> xy) || xy.size() < 2) {
        throw new IllegalArgumentException("polygon points must be [x, y]");
      }
      double x = DmItems.number(xy.get(0), "polygon x");
      double y = DmItems.number(xy.get(1), "polygon y");
      if (x < 0 || x > width || y < 0 || y > height) {
        throw new IllegalArgumentException("polygon points must be inside the image");
      }
      normalised.add(new double[] {x / width, y / height});
      distinct.add(List.of(x, y));
    }
    if (distinct.size() < 3) {
      throw new IllegalArgumentException("polygon needs at least three distinct points");
    }
    return normalised;
  }

  private static void poses(DmItems.Item item, List<Map<String, Object>> keypoints, List<Row> rows, Map<String, Integer> skipped) {
    Map<String, List<Map<String, Object>>> groups = new TreeMap<>();
    for (Map<String, Object> keypoint : keypoints) {
      if (keypoint.get("group_id") instanceof String group && !group.isEmpty()) {
        groups.computeIfAbsent(group, key -> new ArrayList<>()).add(keypoint);
      } else {
        skipped.merge("KEYPOINT_GROUP_INVALID", 1, Integer::sum);
      }
    }
    for (List<Map<String, Object>> group : groups.values()) {
      double[][] joints = new double[17][3];
      try {
        Set<String> used = new HashSet<>();
        for (Map<String, Object> keypoint : group) {
          String joint = DmItems.className(keypoint);
          int index = DmItems.PERSON_17.indexOf(joint);
          if (index < 0 || !used.add(joint)) {
            throw new IllegalArgumentException("unsupported or repeated Person-17 joint");
          }
          if (!(keypoint.get("data") instanceof List<?> xy) || xy.size() < 2) {
            throw new IllegalArgumentException("keypoint data must be [x, y]");
          }
          double x = DmItems.number(xy.get(0), "keypoint x");
          double y = DmItems.number(xy.get(1), "keypoint y");
          Object visibility = keypoint.get("visibility");
          if (!(visibility instanceof Integer v) || v < 0 || v > 2) {
            throw new IllegalArgumentException("keypoint visibility must be 0, 1 or 2");
          }
          if (x < 0 || x > item.width() || y < 0 || y > item.height()) {
            throw new IllegalArgumentException("keypoint outside the image");
          }
          joints[index] = new double[] {x / item.width(), y / item.height(), v};
        }
        double left = 1;
        double top = 1;
        double right = 0;
        double bottom = 0;
        boolean any = false;
        for (double[] joint : joints) {
          if (joint[2] > 0) {
            any = true;
            left = Math.min(left, joint[0]);
            right = Math.max(right, joint[0]);
            top = Math.min(top, joint[1]);
            bottom = Math.max(bottom, joint[1]);
          }
        }
        if (!any || right <= left || bottom <= top) {
          throw new IllegalArgumentException("pose joints do not span a box");
        }
        List<String> values = new ArrayList<>(List.of(DmItems.six((left + right) / 2), DmItems.six((top + bottom) / 2),
            DmItems.six(right - left), DmItems.six(bottom - top)));
        for (double[] joint : joints) {
          values.add(DmItems.six(joint[0]));
          values.add(DmItems.six(joint[1]));
          values.add(Integer.toString((int) joint[2]));
        }
        rows.add(new Row("person", values));
      } catch (IllegalArgumentException e) {
        skipped.merge("KEYPOINT_PROFILE_UNSUPPORTED", 1, Integer::sum);
      }
    }
  }
}
