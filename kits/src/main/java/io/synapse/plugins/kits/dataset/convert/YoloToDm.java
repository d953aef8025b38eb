package io.synapse.plugins.kits.dataset.convert;

import io.synapse.plugins.kits.internal.KitJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * YOLO to DM v2. Reads the class names from {@code dataset.yaml} ({@code names}, a list or an
 * index map) or {@code classes.txt}, the images from {@code images/} ({@code img/}, {@code imgs/}) and
 * the labels from {@code labels/<stem>.txt} (per split when categorized). A line of 4 coordinates is a
 * box, an even number above 4 a polygon, {@code 4 + 3n} a pose: the box is dropped and the joints
 * become keypoints of one group (named by the COCO Person-17 profile when there are 17). Coordinates
 * are turned back into pixels; annotation ids are stable (made from the file and line), so the same
 * input gives the same output. Writes {@code json/<stem>.json} and {@code original_files/}.
 */
final class YoloToDm implements Converter {

  @Override
  public DatasetFormat source() {
    return DatasetFormat.YOLO;
  }

  @Override
  public DatasetFormat target() {
    return DatasetFormat.DM_V2;
  }

  @Override
  public ConversionReport convert(Path source, Path target, boolean categorized) throws IOException {
    List<String> names = classNames(source);
    List<String> failures = new ArrayList<>();
    Map<String, Integer> skipped = new TreeMap<>();
    int items = 0;
    int written = 0;
    for (Map.Entry<String, Path> split : DmItems.splits(source, categorized)) {
      Path dir = split.getValue();
      Path images = imagesDir(dir);
      Path labels = dir.resolve("labels");
      if (!Files.isDirectory(labels)) {
        throw new DatasetFormatError("YOLO dataset " + dir + " has no labels/ directory", dir);
      }
      Path out = split.getKey().isEmpty() ? target : target.resolve(split.getKey());
      Path json = Files.createDirectories(out.resolve("json"));
      Path originals = Files.createDirectories(out.resolve("original_files"));
      for (Path label : DmItems.sorted(labels, ".txt")) {
        String stem = DmItems.stem(label);
        Path image = DmItems.imageFor(stem, images);
        if (image == null) {
          skipped.merge("IMAGE_NOT_FOUND", 1, Integer::sum);
          continue;
        }
        int[] size = DmItems.imageSize(image);
        Map<String, List<Object>> tools = new LinkedHashMap<>();
        for (String tool : List.of("bounding_box", "polygon", "keypoint", "polyline", "relation", "group")) {
          tools.put(tool, new ArrayList<>());
        }
        List<String> lines = Files.readAllLines(label, StandardCharsets.UTF_8);
        for (int index = 0; index < lines.size(); index++) {
          String line = lines.get(index).strip();
          if (line.isEmpty()) {
            continue;
          }
          try {
            written += parseLine(line, names, size[0], size[1], stem + ":" + index, tools);
          } catch (IllegalArgumentException e) {
            failures.add(stem + ":" + (index + 1) + ": " + e.getMessage());
          }
        }
        Map<String, Object> dm = new LinkedHashMap<>();
        dm.put("classification", Map.of("bounding_box", names));
        dm.put("images", List.of(tools));
        KitJson.writeAtomically(json.resolve(stem + ".json"), dm);
        Files.copy(image, originals.resolve(image.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        items++;
      }
    }
    return new ConversionReport(items, written, skipped, failures, null);
  }

  private static int parseLine(String line, List<String> names, int width, int height, String idSeed, Map<String, List<Object>> tools) {
    String[] parts = line.split("\\s+");
    if (parts.length < 5) {
      throw new IllegalArgumentException("a label line needs a class and at least 4 values");
    }
    int classIndex;
    double[] values = new double[parts.length - 1];
    try {
      classIndex = Integer.parseInt(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        values[i - 1] = Double.parseDouble(parts[i]);
        if (!Double.isFinite(values[i - 1])) {
          throw new NumberFormatException();
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a label line holds a class id and finite numbers only");
    }
    if (classIndex < 0) {
      throw new IllegalArgumentException("class ids are not negative");
    }
    String className = classIndex < names.size() ? names.get(classIndex) : "class_" + classIndex;
    int coordinates = values.length;
    if (coordinates > 4 && coordinates % 2 == 0) {
      List<Object> points = new ArrayList<>();
      for (int i = 0; i < coordinates; i += 2) {
        points.add(List.of(values[i] * width, values[i + 1] * height));
      }
      tools.get("polygon").add(annotation(DmItems.stableId(idSeed), className, points));
      return 1;
    }
    if (coordinates > 4 && (coordinates - 4) % 3 == 0) {
      int joints = (coordinates - 4) / 3;
      String group = DmItems.stableId(idSeed, "group");
      for (int j = 0; j < joints; j++) {
        double x = values[4 + 3 * j] * width;
        double y = values[5 + 3 * j] * height;
        int visibility = (int) values[6 + 3 * j];
        String joint = joints == 17 ? DmItems.PERSON_17.get(j) : "keypoint_" + j;
        Map<String, Object> keypoint = annotation(DmItems.stableId(idSeed, Integer.toString(j)), joint, List.of(x, y));
        keypoint.put("group_id", group);
        keypoint.put("visibility", visibility);
        tools.get("keypoint").add(keypoint);
      }
      return 1;
    }
    if (coordinates == 4) {
      double w = values[2] * width;
      double h = values[3] * height;
      double left = (values[0] - values[2] / 2) * width;
      double top = (values[1] - values[3] / 2) * height;
      tools.get("bounding_box").add(annotation(DmItems.stableId(idSeed), className, List.of(left, top, w, h)));
      return 1;
    }
    throw new IllegalArgumentException("a label line of " + coordinates + " values is neither a box, a polygon nor a pose");
  }

  private static Map<String, Object> annotation(String id, String className, Object data) {
    Map<String, Object> annotation = new LinkedHashMap<>();
    annotation.put("id", id);
    annotation.put("classification", className);
    annotation.put("attrs", List.of());
    annotation.put("data", data);
    return annotation;
  }

  private static Path imagesDir(Path dir) {
    for (String candidate : List.of("images", "img", "imgs")) {
      if (Files.isDirectory(dir.resolve(candidate))) {
        return dir.resolve(candidate);
      }
    }
    throw new DatasetFormatError("YOLO dataset " + dir + " has no images/ (img/, imgs/) directory", dir);
  }

  static List<String> classNames(Path root) throws IOException {
    Path yaml = root.resolve("dataset.yaml");
    if (Files.isRegularFile(yaml)) {
      Object config;
      try {
        config = KitJson.parseYaml(Files.readString(yaml, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new DatasetFormatError("dataset.yaml of " + root + " is not valid YAML", yaml);
      }
      Object names = config instanceof Map<?, ?> map ? map.get("names") : null;
      List<String> list = new ArrayList<>();
      if (names instanceof List<?> values) {
        values.forEach(value -> list.add(String.valueOf(value)));
      } else if (names instanceof Map<?, ?> indexed) {
        new TreeMap<>(indexed.entrySet().stream().collect(java.util.stream.Collectors.toMap(
            e -> Integer.parseInt(String.valueOf(e.getKey())), e -> String.valueOf(e.getValue()))))
            .values().forEach(list::add);
      }
      if (!list.isEmpty()) {
        return list;
      }
    }
    Path classes = root.resolve("classes.txt");
    if (Files.isRegularFile(classes)) {
      List<String> list = new ArrayList<>();
      for (String line : Files.readAllLines(classes, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          list.add(line.strip());
        }
      }
      if (!list.isEmpty()) {
        return list;
      }
    }
    throw new DatasetFormatError("YOLO dataset " + root + " names no classes: add dataset.yaml (names) or classes.txt", root);
  }
}
