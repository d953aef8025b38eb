package io.synapse.plugins.kits.dataset.convert;

import io.synapse.plugins.kits.internal.KitJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * COCO to DM v2: reads {@code annotations.json} (and {@code person_keypoints.json} when present) of
 * the root or of each split; an annotation with a polygon segmentation becomes a polygon, one with
 * keypoints a group of keypoints (named by its category's keypoint names) and any other with a box a
 * bounding box. Images are found at {@code file_name} under the directory or its {@code images/}.
 * Annotation ids are stable (made from the image and the COCO annotation id).
 */
final class CocoToDm implements Converter {

  @Override
  public DatasetFormat source() {
    return DatasetFormat.COCO;
  }

  @Override
  public DatasetFormat target() {
    return DatasetFormat.DM_V2;
  }

  @Override
  public ConversionReport convert(Path source, Path target, boolean categorized) throws IOException {
    int items = 0;
    int written = 0;
    Map<String, Integer> skipped = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Path> split : DmItems.splits(source, categorized)) {
      Path dir = split.getValue();
      Path annotationsFile = dir.resolve("annotations.json");
      if (!Files.isRegularFile(annotationsFile)) {
        throw new DatasetFormatError("COCO dataset " + dir + " has no annotations.json", dir);
      }
      Map<Object, Map<String, List<Object>>> byImage = new LinkedHashMap<>();
      Map<Object, Map<String, Object>> images = new LinkedHashMap<>();
      List<Path> files = new ArrayList<>(List.of(annotationsFile));
      if (Files.isRegularFile(dir.resolve("person_keypoints.json"))) {
        files.add(dir.resolve("person_keypoints.json"));
      }
      for (Path file : files) {
        Map<String, Object> coco;
        try {
          coco = KitJson.readMap(file);
        } catch (IOException | IllegalArgumentException e) {
          throw new DatasetFormatError(file.getFileName() + " of " + dir + " is not a COCO JSON object", file);
        }
        Map<Object, Map<String, Object>> categories = new LinkedHashMap<>();
        for (Object category : KitJson.asList(coco.get("categories"))) {
          Map<String, Object> map = KitJson.asMap(category);
          categories.put(key(map.get("id")), map);
        }
        for (Object image : KitJson.asList(coco.get("images"))) {
          Map<String, Object> map = KitJson.asMap(image);
          images.putIfAbsent(key(map.get("id")), map);
          byImage.computeIfAbsent(key(map.get("id")), id -> newTools());
        }
        for (Object raw : KitJson.asList(coco.get("annotations"))) {
          Map<String, Object> annotation = KitJson.asMap(raw);
          Map<String, List<Object>> tools = byImage.get(key(annotation.get("image_id")));
          if (tools == null) {
            failures.add(file.getFileName() + "/" + annotation.get("id") + ": annotation of an unknown image");
            continue;
          }
          Map<String, Object> category = categories.get(key(annotation.get("category_id")));
          String name = category == null ? String.valueOf(annotation.get("category_id")) : String.valueOf(category.get("name"));
          String seed = images.get(key(annotation.get("image_id"))).get("file_name") + ":" + annotation.get("id") + ":" + file.getFileName();
          try {
            written += add(annotation, name, category, seed, tools);
          } catch (IllegalArgumentException e) {
            failures.add(file.getFileName() + "/" + annotation.get("id") + ": " + e.getMessage());
          }
        }
      }
      Path out = split.getKey().isEmpty() ? target : target.resolve(split.getKey());
      Path json = Files.createDirectories(out.resolve("json"));
      Path originals = Files.createDirectories(out.resolve("original_files"));
      for (Map.Entry<Object, Map<String, Object>> image : images.entrySet()) {
        String fileName = Path.of(String.valueOf(image.getValue().get("file_name"))).getFileName().toString();
        Path found = Files.isRegularFile(dir.resolve(fileName)) ? dir.resolve(fileName)
            : Files.isRegularFile(dir.resolve("images").resolve(fileName)) ? dir.resolve("images").resolve(fileName) : null;
        if (found == null) {
          skipped.merge("IMAGE_NOT_FOUND", 1, Integer::sum);
          continue;
        }
        Files.copy(found, originals.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        KitJson.writeAtomically(json.resolve(DmItems.stem(found) + ".json"), Map.of("images", List.of(byImage.get(image.getKey()))));
        items++;
      }
    }
    return new ConversionReport(items, written, skipped, failures, null);
  }

  private static int add(Map<String, Object> annotation, String name, Map<String, Object> category, String seed,
      Map<String, List<Object>> tools) {
    Object segmentation = annotation.get("segmentation");
    Object keypoints = annotation.get("keypoints");
    if (keypoints instanceof List<?> values && !values.isEmpty()) {
      List<?> names = category != null && category.get("keypoints") instanceof List<?> list ? list : List.of();
      String group = DmItems.stableId(seed, "group");
      for (int j = 0; j + 2 < values.size(); j += 3) {
        int visibility = (int) DmItems.number(values.get(j + 2), "keypoint visibility");
        if (visibility == 0) {
          continue;
        }
        String joint = j / 3 < names.size() ? String.valueOf(names.get(j / 3)) : "keypoint_" + (j / 3);
        Map<String, Object> point = annotation(DmItems.stableId(seed, Integer.toString(j / 3)), joint,
            List.of(DmItems.number(values.get(j), "keypoint x"), DmItems.number(values.get(j + 1), "keypoint y")));
        point.put("group_id", group);
        point.put("visibility", visibility);
        tools.get("keypoint").add(point);
      }
      return 1;
    }
    if (segmentation instanceof List<?> polygons && !polygons.isEmpty() && polygons.get(0) instanceof List<?> flat && flat.size() >= 6) {
      List<Object> points = new ArrayList<>();
      for (int i = 0; i + 1 < flat.size(); i += 2) {
        points.add(List.of(DmItems.number(flat.get(i), "polygon x"), DmItems.number(flat.get(i + 1), "polygon y")));
      }
      tools.get("polygon").add(annotation(DmItems.stableId(seed), name, points));
      return 1;
    }
    if (annotation.get("bbox") instanceof List<?> box && box.size() == 4) {
      List<Object> data = new ArrayList<>();
      for (Object value : box) {
        data.add(DmItems.number(value, "bbox"));
      }
      tools.get("bounding_box").add(annotation(DmItems.stableId(seed), name, data));
      return 1;
    }
    throw new IllegalArgumentException("annotation has no box, polygon or keypoints");
  }

  private static Map<String, List<Object>> newTools() {
    Map<String, List<Object>> tools = new LinkedHashMap<>();
    for (String tool : List.of("bounding_box", "polygon", "keypoint", "relation", "group")) {
      tools.put(tool, new ArrayList<>());
    }
    return tools;
  }

  private static Map<String, Object> annotation(String id, String name, Object data) {
    Map<String, Object> annotation = new LinkedHashMap<>();
    annotation.put("id", id);
    annotation.put("classification", name);
    annotation.put("attrs", List.of());
    annotation.put("data", data);
    return annotation;
  }

  private static String key(Object id) {
    return id instanceof Number number ? Long.toString(number.longValue()) : String.valueOf(id);
  }
}
