package io.synapse.plugins.kits.dataset.convert;

import io.synapse.plugins.kits.internal.KitJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** What the converters share: the DM v2 layout, image sizes, numbers, stable ids and the COCO Person-17 profile. */
final class DmItems {
  static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".webp");
  static final List<String> SPLITS = List.of("train", "valid", "test");
  static final List<String> PERSON_17 = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear",
      "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip",
      "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle");
  static final List<Integer> PERSON_17_FLIP = List.of(0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15);
  static final List<List<Integer>> PERSON_17_SKELETON = List.of(List.of(16, 14), List.of(14, 12), List.of(17, 15),
      List.of(15, 13), List.of(12, 13), List.of(6, 12), List.of(7, 13), List.of(6, 7), List.of(6, 8), List.of(7, 9),
      List.of(8, 10), List.of(9, 11), List.of(2, 3), List.of(1, 2), List.of(1, 3), List.of(2, 4), List.of(3, 5),
      List.of(4, 6), List.of(5, 7));

  private DmItems() {}

  /** One DM item: its JSON, its image and the image's size. */
  record Item(String stem, Path json, Path image, int width, int height) {}

  /** The splits of a dataset: {@code train}, {@code valid} (required) and {@code test} (if present), or the root alone. */
  static List<Map.Entry<String, Path>> splits(Path root, boolean categorized) {
    if (!Files.isDirectory(root)) {
      throw new DatasetFormatError("dataset directory " + root + " does not exist", root);
    }
    List<Map.Entry<String, Path>> splits = new ArrayList<>();
    if (!categorized) {
      splits.add(Map.entry("", root));
      return splits;
    }
    for (String split : SPLITS) {
      Path dir = root.resolve(split);
      if (Files.isDirectory(dir)) {
        splits.add(Map.entry(split, dir));
      } else if (!split.equals("test")) {
        throw new DatasetFormatError("categorized dataset " + root + " has no '" + split + "' directory", dir);
      }
    }
    return splits;
  }

  /** The items of one DM v2 split (its {@code json/} and {@code original_files/}), by stem; JSON without an image is left out. */
  static List<Item> dmItems(Path split) throws IOException {
    Path jsonDir = split.resolve("json");
    Path images = split.resolve("original_files");
    if (!Files.isDirectory(jsonDir) || !Files.isDirectory(images)) {
      throw new DatasetFormatError("DM v2 dataset " + split + " needs json/ and original_files/", split);
    }
    List<Item> items = new ArrayList<>();
    for (Path json : sorted(jsonDir, ".json")) {
      String stem = stem(json);
      Path image = imageFor(stem, images);
      if (image != null) {
        int[] size = imageSize(image);
        items.add(new Item(stem, json, image, size[0], size[1]));
      }
    }
    return items;
  }

  /** The regular files of {@code dir} ending in {@code suffix}, sorted by name. */
  static List<Path> sorted(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix))
          .sorted().toList();
    }
  }

  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static Path imageFor(String stem, Path dir) {
    for (String extension : IMAGE_EXTENSIONS) {
      for (String candidate : List.of(extension, extension.toUpperCase(Locale.ROOT))) {
        Path image = dir.resolve(stem + candidate);
        if (Files.isRegularFile(image)) {
          return image;
        }
      }
    }
    return null;
  }

  /** The width and height of an image, read from its header. */
  static int[] imageSize(Path image) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
      if (in != null) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (readers.hasNext()) {
          ImageReader reader = readers.next();
          try {
            reader.setInput(in);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
          } finally {
            reader.dispose();
          }
        }
      }
    }
    throw new DatasetFormatError("image " + image.getFileName() + " cannot be read (not a supported image)", image);
  }

  /** The first image container of a DM v2 JSON file ({@code images[0]}), or empty. */
  static Map<String, Object> firstImage(Path json) throws IOException {
    Map<String, Object> data;
    try {
      data = KitJson.readMap(json);
    } catch (IOException | IllegalArgumentException e) {
      throw new DatasetFormatError("DM file " + json.getFileName() + " is not a JSON object: " + e.getMessage(), json);
    }
    Object images = data.get("images");
    if (images instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
      return KitJson.asMap(first);
    }
    return Map.of();
  }

  /** The annotations of {@code tool} in an image container, sorted by id. */
  static List<Map<String, Object>> annotations(Map<String, Object> image, String tool) {
    List<Map<String, Object>> list = new ArrayList<>();
    if (image.get(tool) instanceof List<?> values) {
      for (Object value : values) {
        if (value instanceof Map<?, ?> map) {
          list.add(KitJson.asMap(map));
        }
      }
    }
    list.sort((a, b) -> String.valueOf(a.getOrDefault("id", "")).compareTo(String.valueOf(b.getOrDefault("id", ""))));
    return list;
  }

  /** A finite number, or an {@link IllegalArgumentException} naming {@code what}. */
  static double number(Object value, String what) {
    if (value instanceof Number number && !(value instanceof Boolean) && Double.isFinite(number.doubleValue())) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException(what + " must be a finite number");
  }

  /** The class of an annotation: its trimmed {@code classification}, which must be a non-empty string. */
  static String className(Map<String, Object> annotation) {
    Object value = annotation.get("classification");
    if (value instanceof Map<?, ?> nested) {
      value = nested.get("class");
    }
    if (!(value instanceof String text) || text.strip().isEmpty()) {
      throw new IllegalArgumentException("annotation classification must be a non-empty string");
    }
    return java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC);
  }

  /** A stable 10-character annotation id made from {@code parts} (the same input gives the same id). */
  static String stableId(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      digest.update(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code value} with six decimals, as YOLO label files write coordinates. */
  static String six(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }

  /** Writes {@code lines} joined by newlines with a final newline, or an empty file for none. */
  static void writeLines(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /** A JSON list in Python's {@code json.dumps} spelling ({@code ["a", "b"]}), as dataset.yaml carries it. */
  static String pyList(List<?> values) {
    List<String> parts = new ArrayList<>();
    for (Object value : values) {
      parts.add(KitJson.write(value));
    }
    return "[" + String.join(", ", parts) + "]";
  }
}
