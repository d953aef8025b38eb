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
 * Pascal VOC to DM v2: each {@code Annotations/<stem>.xml} (or {@code annotations/}) with its image from
 * {@code Images/}, {@code images/} or {@code JPEGImages/} (by the file name it names, else by stem) becomes
 * {@code json/<stem>.json} with one {@code bounding_box} per object ({@code [xmin, ymin, width, height]}, ids stable
 * across runs) beside {@code original_files/<image>}. A file that is not Pascal VOC XML is reported and left out; an
 * annotation without its image is counted as {@code IMAGE_NOT_FOUND}.
 */
final class PascalToDm implements Converter {
  @Override
  public DatasetFormat source() {
    return DatasetFormat.PASCAL;
  }

  @Override
  public DatasetFormat target() {
    return DatasetFormat.DM_V2;
  }

  @Override
  public ConversionReport convert(Path source, Path target, boolean categorized) throws IOException {
    Map<String, Integer> skipped = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int items = 0;
    int written = 0;
    for (Map.Entry<String, Path> split : DmItems.splits(source, categorized)) {
      Path dir = split.getValue();
      Path annotations = firstDir(dir, "Annotations", "annotations");
      Path images = firstDir(dir, "Images", "images", "JPEGImages");
      if (annotations == null || images == null) {
        throw new DatasetFormatError("Pascal VOC dataset " + dir + " needs Annotations/ and JPEGImages/ (or images/)", dir);
      }
      Path out = split.getKey().isEmpty() ? target : target.resolve(split.getKey());
      Path json = Files.createDirectories(out.resolve("json"));
      Path originals = Files.createDirectories(out.resolve("original_files"));
      for (Path xml : DmItems.sorted(annotations, ".xml")) {
        PascalXml.Annotation annotation;
        try {
          annotation = PascalXml.read(xml);
        } catch (IllegalArgumentException e) {
          failures.add(xml.getFileName() + ": " + e.getMessage());
          continue;
        }
        String stem = DmItems.stem(xml);
        Path named = images.resolve(Path.of(annotation.filename()).getFileName().toString());
        Path image = Files.isRegularFile(named) && named.normalize().startsWith(images) ? named : DmItems.imageFor(stem, images);
        if (image == null) {
          skipped.merge("IMAGE_NOT_FOUND", 1, Integer::sum);
          continue;
        }
        List<Object> boxes = new ArrayList<>();
        int n = 0;
        for (PascalXml.Box box : annotation.objects()) {
          Map<String, Object> dm = new LinkedHashMap<>();
          dm.put("id", DmItems.stableId(stem, Integer.toString(n++)));
          dm.put("classification", box.name());
          dm.put("attrs", List.of());
          dm.put("data", List.of(box.xmin(), box.ymin(), box.xmax() - box.xmin(), box.ymax() - box.ymin()));
          boxes.add(dm);
        }
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("bounding_box", boxes);
        for (String tool : List.of("polygon", "keypoint", "relation", "group")) {
          container.put(tool, List.of());
        }
        Files.copy(image, originals.resolve(image.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        KitJson.writeAtomically(json.resolve(stem + ".json"), Map.of("images", List.of(container)));
        written += boxes.size();
        items++;
      }
    }
    return new ConversionReport(items, written, skipped, failures, null);
  }

  private static Path firstDir(Path dir, String... names) {
    for (String name : names) {
      if (Files.isDirectory(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    return null;
  }
}
