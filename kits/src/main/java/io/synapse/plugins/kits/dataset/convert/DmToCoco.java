package io.synapse.plugins.kits.dataset.convert;

import io.synapse.plugins.kits.internal.KitJson;
import java.io.IOException;
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
 * DM v2 to COCO: {@code annotations.json} (instances: boxes with their area, polygons with their
 * segmentation, tight box and shoelace area) and, when the dataset has COCO Person-17 keypoint groups,
 * {@code person_keypoints.json}; the images go to {@code images/} and {@code file_name} is the image's
 * name. Categories are the sorted class names with ids from 1; images and annotations are numbered
 * from 1 in item order. A categorized dataset gets one such directory per split. The config path is
 * {@code annotations.json} (of {@code train} when categorized).
 */
final class DmToCoco implements Converter {

  @Override
  public DatasetFormat source() {
    return DatasetFormat.DM_V2;
  }

  @Override
  public DatasetFormat target() {
    return DatasetFormat.COCO;
  }

  /** One instance before ids are known. */
  private record Pending(int image, String category, Map<String, Object> payload) {}

  @Override
  public ConversionReport convert(Path source, Path target, boolean categorized) throws IOException {
    Map<String, Integer> skipped = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int items = 0;
    int written = 0;
    Path config = null;
    for (Map.Entry<String, Path> split : DmItems.splits(source, categorized)) {
      Path out = split.getKey().isEmpty() ? target : target.resolve(split.getKey());
      Path images = Files.createDirectories(out.resolve("images"));
      List<Map<String, Object>> imageRows = new ArrayList<>();
      List<Pending> instances = new ArrayList<>();
      List<Pending> poses = new ArrayList<>();
      int imageId = 0;
      for (DmItems.Item item : DmItems.dmItems(split.getValue())) {
        imageId++;
        items++;
        Files.copy(item.image(), images.resolve(item.image().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", imageId);
        row.put("file_name", item.image().getFileName().toString());
        row.put("width", item.width());
        row.put("height", item.height());
        row.put("license", 1);
        imageRows.add(row);
        Map<String, Object> image = DmItems.firstImage(item.json());
        for (Map<String, Object> box : DmItems.annotations(image, "bounding_box")) {
          try {
            instances.add(new Pending(imageId, DmItems.className(box), boxPayload(box.get("data"))));
          } catch (IllegalArgumentException e) {
            failures.add(item.stem() + "/" + box.get("id") + ": INVALID_GEOMETRY: " + e.getMessage());
          }
        }
        for (Map<String, Object> polygon : DmItems.annotations(image, "polygon")) {
          try {
            instances.add(new Pending(imageId, DmItems.className(polygon), polygonPayload(polygon.get("data"))));
          } catch (IllegalArgumentException e) {
            failures.add(item.stem() + "/" + polygon.get("id") + ": INVALID_GEOMETRY: " + e.getMessage());
          }
        }
        poses(imageId, DmItems.annotations(image, "keypoint"), poses, skipped);
        for (Map.Entry<String, Object> tool : new TreeMap<>(image).entrySet()) {
          if (!Set.of("bounding_box", "polygon", "keypoint").contains(tool.getKey()) && tool.getValue() instanceof List<?> list && !list.isEmpty()) {
            skipped.merge(tool.getKey().equals("segmentation") ? "MASK_NOT_CONVERTED" : "UNSUPPORTED_ANNOTATION_TYPE", list.size(), Integer::sum);
          }
        }
      }
      written += instances.size() + poses.size();
      Path annotations = out.resolve("annotations.json");
      KitJson.writeAtomically(annotations, dataset(imageRows, instances, categories(instances)));
      if (!poses.isEmpty()) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", 1);
        person.put("name", "person");
        person.put("supercategory", "person");
        person.put("keypoints", DmItems.PERSON_17);
        person.put("skeleton", DmItems.PERSON_17_SKELETON);
        KitJson.writeAtomically(out.resolve("person_keypoints.json"), dataset(imageRows, poses, List.of(person)));
      }
      if (config == null) {
        config = annotations;
      }
    }
    return new ConversionReport(items, written, skipped, failures, config);
  }

  private static List<Map<String, Object>> categories(List<Pending> instances) {
    Set<String> names = new TreeSet<>();
    instances.forEach(instance -> names.add(instance.category()));
    List<Map<String, Object>> categories = new ArrayList<>();
    int id = 0;
    for (String name : names) {
      Map<String, Object> category = new LinkedHashMap<>();
      category.put("id", ++id);
      category.put("name", name);
      category.put("supercategory", name);
      categories.add(category);
    }
    return categories;
  }

  private static Map<String, Object> dataset(List<Map<String, Object>> images, List<Pending> pending, List<Map<String, Object>> categories) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    categories.forEach(category -> ids.put(String.valueOf(category.get("name")), (Integer) category.get("id")));
    List<Map<String, Object>> annotations = new ArrayList<>();
    int id = 0;
    for (Pending instance : pending) {
      Map<String, Object> annotation = new LinkedHashMap<>();
      annotation.put("id", ++id);
      annotation.put("image_id", instance.image());
      annotation.put("category_id", ids.get(instance.category()));
      annotation.putAll(instance.payload());
      annotations.add(annotation);
    }
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("info", Map.of("description", "Converted from DM format", "version", "1.0"));
    dataset.put("licenses", List.of(Map.of("id", 1, "name", "Unknown", "url", "")));
    dataset.put("images", images);
    dataset.put("annotations", annotations);
    dataset.put("categories", categories);
    return dataset;
  }

  private static Map<String, Object> boxPayload(Object data) {
    if (!(data instanceof List<?> values) || values.size() != 4) {
      throw new IllegalArgumentException("bbox data must be [x, y, width, height]");
    }
    double x = DmItems.number(values.get(0), "bbox");
    double y = DmItems.number(values.get(1), "bbox");
    double w = DmItems.number(values.get(2), "bbox");
    double h = DmItems.number(values.get(3), "bbox");
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("bbox width and height must be positive");
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("bbox", List.of(x, y, w, h));
    payload.put("segmentation", List.of());
    payload.put("area", w * h);
    payload.put("iscrowd", 0);
    return payload;
  }

  static Map<String, Object> polygonPayload(Object data) {
    if (!(data instanceof List<?> points) || points.size() < 3) {
      throw new IllegalArgumentException("polygon requires at least three points");
    }
    List<double[]> xy = new ArrayList<>();
    for (Object point : points) {
      if (!(point instanceof List<?> pair) || pair.size() != 2) {
        throw new IllegalArgumentException("polygon points must be [x, y] pairs");
      }
      xy.add(new double[] {DmItems.number(pair.get(0), "polygon x"), DmItems.number(pair.get(1), "polygon y")});
    }
    double twice = 0;
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    List<Double> flat = new ArrayList<>();
    for (int i = 0; i < xy.size(); i++) {
      double[] a = xy.get(i);
      double[] b = xy.get((i + 1) % xy.size());
      twice += a[0] * b[1] - a[1] * b[0];
      minX = Math.min(minX, a[0]);
      minY = Math.min(minY, a[1]);
      maxX = Math.max(maxX, a[0]);
      maxY = Math.max(maxY, a[1]);
      flat.add(a[0]);
      flat.add(a[1]);
    }
    double area = Math.abs(twice) / 2;
    if (area <= 0 || maxX <= minX || maxY <= minY) {
      throw new IllegalArgumentException("polygon area must be positive");
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("bbox", List.of(minX, minY, maxX - minX, maxY - minY));
    payload.put("segmentation", List.of(flat));
    payload.put("area", area);
    payload.put("iscrowd", 0);
    return payload;
  }

  private static void poses(int imageId, List<Map<String, Object>> keypoints, List<Pending> poses, Map<String, Integer> skipped) {
    Map<String, Map<String, Map<String, Object>>> groups = new TreeMap<>();
    for (Map<String, Object> keypoint : keypoints) {
      if (keypoint.get("group_id") instanceof String group && !group.isEmpty()) {
        Object name = keypoint.get("classification");
        Map<String, Map<String, Object>> joints = groups.computeIfAbsent(group, key -> new LinkedHashMap<>());
        if (!(name instanceof String joint) || !DmItems.PERSON_17.contains(joint) || joints.containsKey(joint)) {
          joints.put("\u0000invalid", keypoint);
        } else {
          joints.put(joint, keypoint);
        }
      } else {
        skipped.merge("KEYPOINT_GROUP_INVALID", 1, Integer::sum);
      }
    }
    for (Map<String, Map<String, Object>> joints : groups.values()) {
      try {
        if (joints.containsKey("\u0000invalid")) {
          throw new IllegalArgumentException("unsupported or repeated joint");
        }
        List<Object> vector = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        Set<Integer> visible = new HashSet<>();
        for (int i = 0; i < DmItems.PERSON_17.size(); i++) {
          Map<String, Object> point = joints.get(DmItems.PERSON_17.get(i));
          int v = point == null ? 0 : point.get("visibility") instanceof Integer given && given >= 0 && given <= 2 ? given : -1;
          if (v < 0) {
            throw new IllegalArgumentException("visibility must be 0, 1 or 2");
          }
          if (v == 0) {
            vector.add(0.0);
            vector.add(0.0);
            vector.add(0);
            continue;
          }
          if (!(point.get("data") instanceof List<?> xy) || xy.size() != 2) {
            throw new IllegalArgumentException("keypoint data must be [x, y]");
          }
          double x = DmItems.number(xy.get(0), "keypoint x");
          double y = DmItems.number(xy.get(1), "keypoint y");
          vector.add(x);
          vector.add(y);
          vector.add(v);
          xs.add(x);
          ys.add(y);
          visible.add(i);
        }
        if (xs.isEmpty()) {
          throw new IllegalArgumentException("no visible joints");
        }
        double minX = java.util.Collections.min(xs);
        double minY = java.util.Collections.min(ys);
        double w = java.util.Collections.max(xs) - minX;
        double h = java.util.Collections.max(ys) - minY;
        if (w * h <= 0) {
          throw new IllegalArgumentException("pose box must be positive");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("bbox", List.of(minX, minY, w, h));
        payload.put("segmentation", List.of());
        payload.put("area", w * h);
        payload.put("iscrowd", 0);
        payload.put("keypoints", vector);
        payload.put("num_keypoints", visible.size());
        poses.add(new Pending(imageId, "person", payload));
      } catch (IllegalArgumentException e) {
        skipped.merge("KEYPOINT_GROUP_INVALID", 1, Integer::sum);
      }
    }
  }
}
