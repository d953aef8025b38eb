package io.synapse.plugins.kits.dataset;

import io.synapse.plugins.kits.internal.KitJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the DM v2 JSON of a ground-truth event, as the platform's dataset download does: annotation
 * data that is DM v2 already ({@code images}) is kept; otherwise the tool annotations
 * ({@code annotations}) are joined with their coordinates ({@code annotationsData}) by id, from the
 * event's {@code data_meta_*} file when it has one, else from its data. Boxes are written as
 * {@code data: [x, y, w, h]} and polygons as {@code data: [[x, y], ...]}.
 */
final class DmJson {
  private static final Map<String, String> TOOL_TYPES = Map.of("polygon", "polygon", "bounding_box", "bounding_box",
      "bbox", "bounding_box", "polyline", "polyline", "keypoint", "keypoint", "point", "keypoint",
      "classification", "classification");

  private DmJson() {}

  static Map<String, Object> build(Map<String, Object> data, Map<String, Object> annotationFile) {
    Map<String, Object> source = annotationFile;
    if (source == null || !(source.get("annotations") instanceof Map<?, ?>)) {
      if (data.get("images") instanceof List<?>) {
        return data;
      }
      source = data;
    }
    Map<String, Object> annotations = KitJson.asMap(source.get("annotations") instanceof Map<?, ?> a ? a : null);
    Map<String, Object> coordinates = KitJson.asMap(source.get("annotationsData") instanceof Map<?, ?> c ? c : null);
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    for (Object list : coordinates.values()) {
      if (list instanceof List<?> entries) {
        for (Object entry : entries) {
          if (entry instanceof Map<?, ?> map && map.get("id") != null) {
            byId.put(String.valueOf(map.get("id")), KitJson.asMap(map));
          }
        }
      }
    }
    Map<String, List<Object>> image = new LinkedHashMap<>();
    for (String type : List.of("bounding_box", "polygon", "polyline", "keypoint", "classification", "relation", "group")) {
      image.put(type, new ArrayList<>());
    }
    for (Object list : annotations.values()) {
      if (!(list instanceof List<?> entries)) {
        continue;
      }
      for (Object entry : entries) {
        if (!(entry instanceof Map<?, ?> raw)) {
          continue;
        }
        Map<String, Object> annotation = KitJson.asMap(raw);
        String type = TOOL_TYPES.get(String.valueOf(annotation.getOrDefault("tool", "")));
        if (type == null) {
          continue;
        }
        Object classification = annotation.get("classification");
        String className = classification instanceof Map<?, ?> nested ? String.valueOf(((Map<?, ?>) nested).get("class"))
            : classification == null ? "" : String.valueOf(classification);
        Map<String, Object> dm = new LinkedHashMap<>();
        if (annotation.get("id") != null) {
          dm.put("id", String.valueOf(annotation.get("id")));
        }
        dm.put("classification", className);
        Object given = annotation.get("data");
        Map<String, Object> coordinate = KitJson.asMap(byId.containsKey(String.valueOf(annotation.get("id")))
            ? byId.get(String.valueOf(annotation.get("id"))).get("coordinate") instanceof Map<?, ?> m ? m : null : null);
        if (type.equals("bounding_box")) {
          if (given instanceof List<?> box && box.size() >= 4) {
            dm.put("data", new ArrayList<>(box.subList(0, 4)));
          } else if (!coordinate.isEmpty()) {
            dm.put("data", List.of(coordinate.getOrDefault("x", 0), coordinate.getOrDefault("y", 0),
                coordinate.getOrDefault("width", 0), coordinate.getOrDefault("height", 0)));
          }
        } else if (type.equals("polygon")) {
          if (given instanceof List<?> points && !points.isEmpty()) {
            dm.put("data", given);
          } else if (coordinate.get("points") instanceof List<?> points) {
            List<Object> pairs = new ArrayList<>();
            for (Object point : points) {
              pairs.add(point instanceof Map<?, ?> p ? List.of(p.get("x"), p.get("y")) : point);
            }
            dm.put("data", pairs);
          }
        } else if (given != null) {
          dm.put("data", given);
        }
        image.get(type).add(dm);
      }
    }
    Map<String, Object> classes = new LinkedHashMap<>();
    image.forEach((type, list) -> {
      Set<String> names = new TreeSet<>();
      for (Object annotation : list) {
        Object name = ((Map<?, ?>) annotation).get("classification");
        if (name != null && !String.valueOf(name).isEmpty()) {
          names.add(String.valueOf(name));
        }
      }
      if (!names.isEmpty()) {
        classes.put(type, List.copyOf(names));
      }
    });
    Map<String, Object> dm = new LinkedHashMap<>();
    dm.put("classification", classes);
    dm.put("images", List.of(image));
    return dm;
  }
}
