package io.synapse.plugins.kits.dataset.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DM v2 to Pascal VOC, as the platform's converter lays it out: {@code Annotations/<stem>.xml} (folder, filename,
 * path, size with depth 3, {@code segmented} 0, and one {@code object} per bounding box with pose
 * {@code Unspecified}, truncated and difficult 0, and a {@code bndbox} of whole pixels) beside
 * {@code JPEGImages/<image>}; a categorized dataset gets {@code <split>/Annotations|JPEGImages}. A box with no area
 * after rounding is reported and left out; polygons, keypoints and the other annotation types are counted as
 * skipped (Pascal VOC's segmentation masks are not written here).
 */
final class DmToPascal implements Converter {
  private static final List<String> UNSUPPORTED = List.of("polygon", "keypoint", "polyline", "segmentation", "classification");

  @Override
  public DatasetFormat source() {
    return DatasetFormat.DM_V2;
  }

  @Override
  public DatasetFormat target() {
    return DatasetFormat.PASCAL;
  }

  @Override
  public ConversionReport convert(Path source, Path target, boolean categorized) throws IOException {
    Map<String, Integer> skipped = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int items = 0;
    int written = 0;
    for (Map.Entry<String, Path> split : DmItems.splits(source, categorized)) {
      Path out = split.getKey().isEmpty() ? target : target.resolve(split.getKey());
      Path annotations = Files.createDirectories(out.resolve("Annotations"));
      Path images = Files.createDirectories(out.resolve("JPEGImages"));
      for (DmItems.Item item : DmItems.dmItems(split.getValue())) {
        Map<String, Object> image = DmItems.firstImage(item.json());
        List<PascalXml.Box> boxes = new ArrayList<>();
        for (Map<String, Object> box : DmItems.annotations(image, "bounding_box")) {
          try {
            boxes.add(box(box));
          } catch (IllegalArgumentException e) {
            failures.add(item.stem() + "/" + box.get("id") + ": " + e.getMessage());
          }
        }
        for (String tool : UNSUPPORTED) {
          int count = DmItems.annotations(image, tool).size();
          if (count > 0) {
            skipped.merge("UNSUPPORTED_ANNOTATION_TYPE", count, Integer::sum);
          }
        }
        String fileName = item.image().getFileName().toString();
        PascalXml.write(new PascalXml.Annotation(fileName, item.width(), item.height(), 3, boxes), annotations.resolve(item.stem() + ".xml"));
        Files.copy(item.image(), images.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        written += boxes.size();
        items++;
      }
    }
    return new ConversionReport(items, written, skipped, failures, null);
  }

  private static PascalXml.Box box(Map<String, Object> annotation) {
    String name = DmItems.className(annotation);
    if (!(annotation.get("data") instanceof List<?> data) || data.size() < 4) {
      throw new IllegalArgumentException("bounding box data must be [x, y, width, height]");
    }
    double x = DmItems.number(data.get(0), "bounding box x");
    double y = DmItems.number(data.get(1), "bounding box y");
    double w = DmItems.number(data.get(2), "bounding box width");
    double h = DmItems.number(data.get(3), "bounding box height");
    int xmin = (int) Math.round(x);
    int ymin = (int) Math.round(y);
    int xmax = (int) Math.round(x + w);
    int ymax = (int) Math.round(y + h);
    if (xmax <= xmin || ymax <= ymin) {
      throw new IllegalArgumentException("bounding box has no area in whole pixels");
    }
    return new PascalXml.Box(name, xmin, ymin, xmax, ymax);
  }
}
