package io.synapse.plugins.kits.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.kits.dataset.convert.ConversionReport;
import io.synapse.plugins.kits.dataset.convert.Converters;
import io.synapse.plugins.kits.dataset.convert.DatasetFormat;
import io.synapse.plugins.kits.dataset.convert.DatasetFormatError;
import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.kits.support.Images;
import io.synapse.plugins.kits.support.KitWorld;
import io.synapse.plugins.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DM v2 to Pascal VOC and back, checked file by file, and hostile Pascal VOC inputs. */
class PascalConverterTest {
  @TempDir Path temp;

  private Path dmDataset(Path root) throws Exception {
    Images.png(root.resolve("original_files/cat.png"), 40, 30, 1);
    Images.png(root.resolve("original_files/dog.png"), 20, 20, 2);
    Map<String, Object> cat = Map.of("bounding_box", List.of(
        Map.of("id", "b1", "classification", "cat", "data", List.of(2.4, 3.6, 10, 12.2)),
        Map.of("id", "b2", "classification", Map.of("class", "toy"), "data", List.of(30, 1, 5, 5)),
        Map.of("id", "b3", "classification", "flat", "data", List.of(5, 5, 0.2, 4))),
        "polygon", List.of(Map.of("id", "p1", "classification", "cat", "data", List.of(List.of(1, 1), List.of(5, 1), List.of(3, 4)))));
    Files.createDirectories(root.resolve("json"));
    Files.writeString(root.resolve("json/cat.json"), KitJson.write(Map.of("images", List.of(cat))));
    Files.writeString(root.resolve("json/dog.json"), KitJson.write(Map.of("images", List.of(Map.of("bounding_box", List.of())))));
    return root;
  }

  @Test
  void dmV2ToPascalVocWritesTheAnnotationAndImageOfEachItemAndComesBack() throws Exception {
    Path dm = dmDataset(temp.resolve("dm"));
    Path voc = temp.resolve("voc");
    ConversionReport report = Converters.get(DatasetFormat.DM_V2, DatasetFormat.PASCAL).convert(dm, voc, false);
    assertEquals(2, report.items());
    assertEquals(2, report.annotationsWritten());
    assertEquals(Map.of("UNSUPPORTED_ANNOTATION_TYPE", 1), report.skipped());
    assertEquals(List.of("cat/b3: bounding box has no area in whole pixels"), report.failures());
    assertEquals("""
        <?xml version="1.0" encoding="utf-8"?>
        <annotation>
          <folder>JPEGImages</folder>
          <filename>cat.png</filename>
          <path>JPEGImages/cat.png</path>
          <source>
            <database>Unknown</database>
          </source>
          <size>
            <width>40</width>
            <height>30</height>
            <depth>3</depth>
          </size>
          <segmented>0</segmented>
          <object>
            <name>cat</name>
            <pose>Unspecified</pose>
            <truncated>0</truncated>
            <difficult>0</difficult>
            <bndbox>
              <xmin>2</xmin>
              <ymin>4</ymin>
              <xmax>12</xmax>
              <ymax>16</ymax>
            </bndbox>
          </object>
          <object>
            <name>toy</name>
            <pose>Unspecified</pose>
            <truncated>0</truncated>
            <difficult>0</difficult>
            <bndbox>
              <xmin>30</xmin>
              <ymin>1</ymin>
              <xmax>35</xmax>
              <ymax>6</ymax>
            </bndbox>
          </object>
        </annotation>
        """, Files.readString(voc.resolve("Annotations/cat.xml")));
    assertTrue(Files.readString(voc.resolve("Annotations/dog.xml")).contains("<width>20</width>"));
    assertArrayEquals(Files.readAllBytes(dm.resolve("original_files/cat.png")), Files.readAllBytes(voc.resolve("JPEGImages/cat.png")));

    Path back = temp.resolve("back");
    ConversionReport reverse = Converters.get(DatasetFormat.PASCAL, DatasetFormat.DM_V2).convert(voc, back, false);
    assertEquals(2, reverse.items());
    Map<String, Object> image = KitJson.asMap(KitJson.asList(KitJson.readMap(back.resolve("json/cat.json")).get("images")).get(0));
    List<Object> boxes = KitJson.asList(image.get("bounding_box"));
    assertEquals(2, boxes.size());
    assertEquals(List.of(2, 4, 10, 12), KitJson.asMap(boxes.get(0)).get("data"));
    assertEquals("toy", KitJson.asMap(boxes.get(1)).get("classification"));
    assertArrayEquals(Files.readAllBytes(voc.resolve("JPEGImages/cat.png")), Files.readAllBytes(back.resolve("original_files/cat.png")));
    Path again = temp.resolve("again");
    Converters.get(DatasetFormat.PASCAL, DatasetFormat.DM_V2).convert(voc, again, false);
    assertEquals(Files.readString(back.resolve("json/cat.json")), Files.readString(again.resolve("json/cat.json")), "stable ids");
    assertEquals(DataType.PASCAL_VOC_DATASET, DataType.fromName("pascal_voc_dataset").orElseThrow());
    assertEquals("pascal", DataType.PASCAL_VOC_DATASET.format().orElseThrow());
  }

  @Test
  void theDatasetActionConvertsToPascalAndCategorizedSplitsKeepTheirDirectories() throws Exception {
    KitWorld world = new KitWorld(temp.resolve("world"));
    Path root = temp.resolve("split");
    dmDataset(root.resolve("train"));
    dmDataset(root.resolve("valid"));
    DatasetResult result = (DatasetResult) world.run("dataset", Map.of("operation", "convert", "path", root.toString(),
        "targetFormat", "pascal", "isCategorized", true));
    Path out = Path.of(result.path());
    assertEquals("pascal", result.format());
    for (String split : List.of("train", "valid")) {
      assertTrue(Files.isRegularFile(out.resolve(split + "/Annotations/cat.xml")), split);
      assertTrue(Files.isRegularFile(out.resolve(split + "/JPEGImages/dog.png")), split);
    }
  }

  @Test
  void hostilePascalFilesAreReportedOneByOneAndNothingOutsideIsRead() throws Exception {
    Path voc = temp.resolve("voc");
    Images.png(voc.resolve("JPEGImages/a.png"), 10, 10, 1);
    Files.createDirectories(voc.resolve("Annotations"));
    Path secret = Files.writeString(temp.resolve("secret.txt"), "top-secret");
    Files.writeString(voc.resolve("Annotations/xxe.xml"), "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY s SYSTEM \"" + secret.toUri()
        + "\">]><annotation><filename>&s;</filename></annotation>");
    Files.writeString(voc.resolve("Annotations/text.xml"), "not xml at all");
    Files.writeString(voc.resolve("Annotations/root.xml"), "<html/>");
    Files.writeString(voc.resolve("Annotations/nobox.xml"), "<annotation><filename>a.png</filename><object><name>x</name></object></annotation>");
    Files.writeString(voc.resolve("Annotations/nan.xml"), "<annotation><filename>a.png</filename><object><name>x</name><bndbox><xmin>NaN</xmin>"
        + "<ymin>0</ymin><xmax>1</xmax><ymax>1</ymax></bndbox></object></annotation>");
    Files.writeString(voc.resolve("Annotations/escape.xml"), "<annotation><filename>../../secret.txt</filename></annotation>");
    Files.writeString(voc.resolve("Annotations/missing.xml"), "<annotation><filename>gone.png</filename></annotation>");
    Path out = temp.resolve("out");
    ConversionReport report = Converters.get(DatasetFormat.PASCAL, DatasetFormat.DM_V2).convert(voc, out, false);
    assertEquals(5, report.failures().size(), report.failures().toString());
    assertTrue(report.failures().get(4).startsWith("xxe.xml: not a Pascal VOC XML file"), report.failures().toString());
    assertEquals(Map.of("IMAGE_NOT_FOUND", 2), report.skipped(), "escape.xml names a file outside the images: not found");
    assertEquals(0, report.items());
    try (var files = Files.walk(out)) {
      assertTrue(files.filter(Files::isRegularFile).noneMatch(f -> {
        try {
          return Files.readString(f).contains("top-secret");
        } catch (java.io.IOException e) {
          return false;
        }
      }));
    }
    Files.createDirectories(temp.resolve("empty"));
    assertThrows(DatasetFormatError.class, () -> Converters.get(DatasetFormat.PASCAL, DatasetFormat.DM_V2).convert(temp.resolve("empty"), temp.resolve("o"), false));
    assertThrows(DatasetFormatError.class, () -> Converters.get(DatasetFormat.PASCAL, DatasetFormat.DM_V2).convert(voc, temp.resolve("o2"), true));
  }
}
