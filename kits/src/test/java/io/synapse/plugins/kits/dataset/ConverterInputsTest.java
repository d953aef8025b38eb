package io.synapse.plugins.kits.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.kits.dataset.convert.ConversionReport;
import io.synapse.plugins.kits.dataset.convert.Converters;
import io.synapse.plugins.kits.dataset.convert.DatasetFormat;
import io.synapse.plugins.kits.dataset.convert.DatasetFormatError;
import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.kits.support.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken inputs to the converters and to archive extraction: each reported precisely, nothing written astray. */
class ConverterInputsTest {
  @TempDir Path temp;

  private Path dm(Object data) throws IOException {
    Path root = temp.resolve("dm" + System.nanoTime());
    Images.png(root.resolve("original_files/a.png"), 10, 10, 1);
    Files.createDirectories(root.resolve("json"));
    Files.writeString(root.resolve("json/a.json"), data instanceof String text ? text : KitJson.write(data));
    return root;
  }

  @Test
  void invalidGeometryIsReportedPerAnnotationAndLeftOut() throws Exception {
    List<Object> boxes = new ArrayList<>();
    boxes.add(Map.of("id", "ok", "classification", "c", "data", List.of(1, 1, 2, 2)));
    boxes.add(Map.of("id", "nan", "classification", "c", "data", List.of("x", 1, 2, 2)));
    boxes.add(Map.of("id", "out", "classification", "c", "data", List.of(5, 5, 20, 2)));
    boxes.add(Map.of("id", "neg", "classification", "c", "data", List.of(1, 1, -2, 2)));
    boxes.add(Map.of("id", "short", "classification", "c", "data", List.of(1, 1)));
    boxes.add(Map.of("id", "noclass", "classification", " ", "data", List.of(1, 1, 2, 2)));
    boxes.add(Map.of("id", "nodata", "classification", "c"));
    List<Object> polygons = List.of(Map.of("id", "line", "classification", "c", "data", List.of(List.of(1, 1), List.of(2, 2), List.of(1, 1))),
        Map.of("id", "outside", "classification", "c", "data", List.of(List.of(1, 1), List.of(20, 2), List.of(3, 3))));
    Map<String, Object> image = Map.of("bounding_box", boxes, "polygon", polygons, "keypoint", List.of(Map.of("id", "k", "classification", "nose",
        "data", List.of(1, 1), "visibility", 2)), "segmentation", List.of(Map.of("id", "m")), "cuboid", List.of(Map.of("id", "q")));
    Path out = temp.resolve("yolo");
    ConversionReport report = Converters.get(DatasetFormat.DM_V2, DatasetFormat.YOLO).convert(dm(Map.of("images", List.of(image))), out, false);
    assertEquals(1, report.annotationsWritten());
    assertEquals(8, report.failures().size(), report.failures().toString());
    assertEquals(Map.of("KEYPOINT_GROUP_INVALID", 1, "MASK_NOT_CONVERTED", 1, "UNSUPPORTED_ANNOTATION_TYPE", 1), report.skipped());
    assertEquals("0 0.200000 0.200000 0.200000 0.200000\n", Files.readString(out.resolve("detect/labels/a.txt")));
    ConversionReport coco = Converters.get(DatasetFormat.DM_V2, DatasetFormat.COCO).convert(dm(Map.of("images", List.of(image))), temp.resolve("coco"), false);
    assertEquals(3, coco.annotationsWritten(), "COCO keeps boxes outside the image, as the platform's converter does");
  }

  @Test
  void brokenDatasetsAreDatasetFormatErrors() throws Exception {
    assertThrows(DatasetFormatError.class, () -> Converters.get(DatasetFormat.DM_V2, DatasetFormat.YOLO).convert(dm("[1, 2]"), temp.resolve("o1"), false));
    assertThrows(DatasetFormatError.class, () -> Converters.get(DatasetFormat.DM_V2, DatasetFormat.YOLO).convert(temp.resolve("missing"), temp.resolve("o2"), false));
    Path noSplits = dm(Map.of());
    DatasetFormatError split = assertThrows(DatasetFormatError.class, () -> Converters.get(DatasetFormat.DM_V2, DatasetFormat.COCO).convert(noSplits, temp.resolve("o3"), true));
    assertTrue(split.getMessage().contains("'train'"), split.getMessage());
    Path notImage = dm(Map.of());
    Files.writeString(notImage.resolve("original_files/a.png"), "not a png");
    assertThrows(DatasetFormatError.class, () -> Converters.get(DatasetFormat.DM_V2, DatasetFormat.YOLO).convert(notImage, temp.resolve("o4"), false));

    Path yolo = temp.resolve("y");
    Images.png(yolo.resolve("images/a.png"), 10, 10, 1);
    Files.createDirectories(yolo.resolve("labels"));
    Files.writeString(yolo.resolve("labels/a.txt"), "0 0.5 0.5 0.2 0.2\nbanana\n1 NaN 0.5 0.2 0.2\n-1 0.5 0.5 0.2 0.2\n7 0.5 0.5 0.2 0.2\n0 0.1 0.1 0.2\n");
    assertThrows(DatasetFormatError.class, () -> Converters.get(DatasetFormat.YOLO, DatasetFormat.DM_V2).convert(yolo, temp.resolve("o5"), false),
        "no class names");
    Files.writeString(yolo.resolve("dataset.yaml"), "names: [a, b\n");
    assertThrows(DatasetFormatError.class, () -> Converters.get(DatasetFormat.YOLO, DatasetFormat.DM_V2).convert(yolo, temp.resolve("o6"), false));
    Files.writeString(yolo.resolve("dataset.yaml"), "names: {0: a, 1: b}\n");
    ConversionReport report = Converters.get(DatasetFormat.YOLO, DatasetFormat.DM_V2).convert(yolo, temp.resolve("o7"), false);
    assertEquals(2, report.annotationsWritten(), "the valid box and class 7 (named class_7)");
    assertEquals(4, report.failures().size(), report.failures().toString());
    Files.writeString(temp.resolve("c.json"), "{}");
    assertThrows(DatasetFormatError.class, () -> Converters.get(DatasetFormat.COCO, DatasetFormat.DM_V2).convert(temp.resolve("nococo"), temp.resolve("o8"), false));
  }

  @Test
  void archivesCannotWriteOutsideTheirDirectoryOrPastTheLimit() throws Exception {
    for (String name : List.of("../evil.txt", "a/../../evil.txt", "/abs/evil.txt")) {
      Path zip = temp.resolve("slip.zip");
      try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
        out.putNextEntry(new ZipEntry(name));
        out.write("x".getBytes());
        out.closeEntry();
      }
      Path target = temp.resolve("target");
      IOException error = assertThrows(IOException.class, () -> FileTrees.unzip(zip, target, 1 << 20), name);
      assertTrue(error.getMessage().contains("outside"), error.getMessage());
      assertTrue(!Files.exists(temp.resolve("evil.txt")) && !Files.exists(Path.of("/abs/evil.txt")));
    }
    Path bomb = temp.resolve("bomb.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
      out.putNextEntry(new ZipEntry("zeros.bin"));
      out.write(new byte[1 << 20]);
      out.closeEntry();
    }
    assertThrows(IOException.class, () -> FileTrees.unzip(bomb, temp.resolve("b"), 1000));
  }
}
