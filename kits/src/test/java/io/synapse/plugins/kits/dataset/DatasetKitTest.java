package io.synapse.plugins.kits.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.kits.support.KitWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset kit on the local backend: download (cached, split), conversion, rollback, bad params. */
class DatasetKitTest {
  @TempDir Path temp;
  KitWorld world;

  @BeforeEach
  void world() throws Exception {
    world = new KitWorld(temp);
  }

  @Test
  void downloadsEveryEventIntoTheDmV2LayoutAndReusesTheCache() throws Exception {
    DatasetResult first = (DatasetResult) world.run("dataset", Map.of("dataset", world.dataset.id()));
    Path dir = Path.of(first.path());
    assertTrue(dir.startsWith(world.cacheDir), dir.toString());
    assertEquals("dm_v2", first.format());
    assertEquals(3, first.count());
    assertEquals(List.of("img_a.json", "img_b.json", "img_c.json"), names(dir.resolve("json")));
    assertEquals(List.of("img_a.png", "img_b.png", "img_c.png"), names(dir.resolve("original_files")));
    assertEquals(Files.size(world.files.resolve("img_b.png")), Files.size(dir.resolve("original_files/img_b.png")));
    Map<String, Object> c = KitJson.readMap(dir.resolve("json/img_c.json"));
    Map<?, ?> image = (Map<?, ?>) ((List<?>) c.get("images")).get(0);
    assertEquals(List.of(Map.of("id", "x1", "classification", "person", "data", List.of(2, 3, 5, 6))), image.get("bounding_box"),
        "annotations from the data_meta file joined with their coordinates");
    assertEquals(Map.of("bounding_box", List.of("person")), c.get("classification"));

    DatasetResult again = (DatasetResult) world.run("dataset", Map.of("dataset", world.dataset.id()));
    assertEquals(first.path(), again.path());
    assertEquals(3, again.count());
  }

  @Test
  void aLeftOverCacheEntryWithoutItsMarkerIsReplaced() throws Exception {
    DatasetResult first = (DatasetResult) world.run("dataset", Map.of("dataset", world.dataset.id()));
    Path dir = Path.of(first.path());
    Files.delete(dir.resolve(".complete"));
    Files.delete(dir.resolve("json/img_b.json"));
    DatasetResult again = (DatasetResult) world.run("dataset", Map.of("dataset", world.dataset.id()));
    assertEquals(first.path(), again.path());
    assertEquals(3, again.count());
    assertEquals(List.of("img_a.json", "img_b.json", "img_c.json"), names(dir.resolve("json")));
    assertTrue(Files.isRegularFile(dir.resolve(".complete")));
  }

  @Test
  void downloadsSplitsByTheirPlatformCategories() throws Exception {
    DatasetResult result = (DatasetResult) world.run("dataset", Map.of("dataset", world.dataset.id(),
        "splits", Map.of("train", Map.of(), "valid", Map.of())));
    Path dir = Path.of(result.path());
    assertTrue(result.isCategorized());
    assertEquals(List.of("img_a.json", "img_c.json"), names(dir.resolve("train/json")));
    assertEquals(List.of("img_b.json"), names(dir.resolve("valid/json")));
    assertEquals(3, result.count());
  }

  @Test
  void convertsTheDownloadToYoloAndBackFileByFile() throws Exception {
    DatasetResult download = (DatasetResult) world.run("dataset", Map.of("dataset", world.dataset.id(),
        "outputDir", temp.resolve("dm").toString()));
    assertEquals(temp.resolve("dm").toString(), download.path());
    DatasetResult yolo = (DatasetResult) world.run("dataset", Map.of("operation", "convert", "path", download.path(),
        "targetFormat", "yolo"));
    Path out = Path.of(yolo.path());
    assertEquals(temp.resolve("dm_yolo"), out);
    assertEquals(out.resolve("detect/dataset.yaml").toString(), yolo.configPath());
    assertEquals("train: images\nval: images\nnc: 2\nnames: [\"car\", \"person\"]\n", Files.readString(out.resolve("detect/dataset.yaml")));
    assertEquals("0 0.218750 0.187500 0.312500 0.208333\n1 0.546875 0.625000 0.156250 0.416667\n",
        Files.readString(out.resolve("detect/labels/img_a.txt")));
    assertEquals("0 0.500000 0.500000 1.000000 1.000000\n", Files.readString(out.resolve("detect/labels/img_b.txt")));
    assertEquals("1 0.112500 0.200000 0.125000 0.200000\n", Files.readString(out.resolve("detect/labels/img_c.txt")));
    assertEquals("train: images\nval: images\nnc: 1\nnames: [\"car\"]\n", Files.readString(out.resolve("segment/dataset.yaml")));
    assertEquals("0 0.015625 0.020833 0.156250 0.020833 0.156250 0.166667\n", Files.readString(out.resolve("segment/labels/img_a.txt")));
    assertEquals("", Files.readString(out.resolve("segment/labels/img_b.txt")));
    StringBuilder pose = new StringBuilder("0 0.312500 0.343750 0.500000 0.500000");
    for (int i = 0; i < 17; i++) {
      pose.append(String.format(java.util.Locale.ROOT, " %.6f %.6f %d", (2 + i) / 32.0, (3 + i) / 32.0, i % 3 == 0 ? 1 : 2));
    }
    assertEquals(pose + "\n", Files.readString(out.resolve("pose/labels/img_b.txt")));
    assertTrue(Files.readString(out.resolve("pose/dataset.yaml")).contains("kpt_shape: [17, 3]\nflip_idx: [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15]\n"));
    for (String task : List.of("detect", "segment", "pose")) {
      assertEquals(List.of("img_a.png", "img_b.png", "img_c.png"), names(out.resolve(task).resolve("images")));
      assertEquals(List.of("img_a.txt", "img_b.txt", "img_c.txt"), names(out.resolve(task).resolve("labels")));
    }

    DatasetResult back = (DatasetResult) world.run("dataset", Map.of("operation", "convert", "path", out.resolve("detect").toString(),
        "sourceFormat", "yolo", "targetFormat", "dm_v2"));
    Map<String, Object> a = KitJson.readMap(Path.of(back.path()).resolve("json/img_a.json"));
    List<?> boxes = (List<?>) ((Map<?, ?>) ((List<?>) a.get("images")).get(0)).get("bounding_box");
    assertEquals(2, boxes.size());
    assertClose(List.of(4.0, 4.0, 20.0, 10.0), (List<?>) ((Map<?, ?>) boxes.get(0)).get("data"));
    assertEquals("car", ((Map<?, ?>) boxes.get(0)).get("classification"));
    assertClose(List.of(30.0, 20.0, 10.0, 20.0), (List<?>) ((Map<?, ?>) boxes.get(1)).get("data"));
    // A second conversion of the same source reuses the first.
    DatasetResult reused = (DatasetResult) world.run("dataset", Map.of("operation", "convert", "path", download.path(), "targetFormat", "yolo"));
    assertEquals(yolo.path(), reused.path());
  }

  @Test
  void convertsToCocoAndBack() throws Exception {
    DatasetResult download = (DatasetResult) world.run("dataset", Map.of("dataset", world.dataset.id(), "outputDir", temp.resolve("dm").toString()));
    DatasetResult coco = (DatasetResult) world.run("dataset", Map.of("operation", "convert", "path", download.path(), "targetFormat", "coco"));
    Path out = Path.of(coco.path());
    assertEquals(out.resolve("annotations.json").toString(), coco.configPath());
    Map<String, Object> json = KitJson.readMap(out.resolve("annotations.json"));
    assertEquals(List.of(Map.of("id", 1, "name", "car", "supercategory", "car"), Map.of("id", 2, "name", "person", "supercategory", "person")),
        json.get("categories"));
    List<?> images = (List<?>) json.get("images");
    assertEquals(Map.of("id", 1, "file_name", "img_a.png", "width", 64, "height", 48, "license", 1), images.get(0));
    List<?> annotations = (List<?>) json.get("annotations");
    assertEquals(5, annotations.size());
    Map<?, ?> polygon = (Map<?, ?>) annotations.get(2);
    assertEquals(List.of(List.of(1.0, 1.0, 10.0, 1.0, 10.0, 8.0)), polygon.get("segmentation"));
    assertEquals(List.of(1.0, 1.0, 9.0, 7.0), polygon.get("bbox"));
    assertEquals(31.5, polygon.get("area"));
    assertEquals(Map.of("id", 5, "image_id", 3, "category_id", 2, "bbox", List.of(2.0, 3.0, 5.0, 6.0), "segmentation", List.of(),
        "area", 30.0, "iscrowd", 0), annotations.get(4));
    Map<String, Object> people = KitJson.readMap(out.resolve("person_keypoints.json"));
    Map<?, ?> person = (Map<?, ?>) ((List<?>) people.get("annotations")).get(0);
    assertEquals(17, person.get("num_keypoints"));
    assertEquals(51, ((List<?>) person.get("keypoints")).size());
    assertEquals(List.of("img_a.png", "img_b.png", "img_c.png"), names(out.resolve("images")));

    DatasetResult back = (DatasetResult) world.run("dataset", Map.of("operation", "convert", "path", coco.path(), "sourceFormat", "coco",
        "targetFormat", "dm_v2"));
    Map<?, ?> a = (Map<?, ?>) ((List<?>) KitJson.readMap(Path.of(back.path()).resolve("json/img_a.json")).get("images")).get(0);
    assertEquals(2, ((List<?>) a.get("bounding_box")).size());
    assertEquals(List.of(List.of(1.0, 1.0), List.of(10.0, 1.0), List.of(10.0, 8.0)), ((Map<?, ?>) ((List<?>) a.get("polygon")).get(0)).get("data"));
    Map<?, ?> b = (Map<?, ?>) ((List<?>) KitJson.readMap(Path.of(back.path()).resolve("json/img_b.json")).get("images")).get(0);
    assertEquals(17, ((List<?>) b.get("keypoint")).size(), "the pose comes back as a keypoint group");
  }

  @Test
  void aFaultAfterEachStepRemovesWhatTheRunWrote() throws Exception {
    SortedMap<String, String> before = world.snapshot();
    StepError download = assertThrows(StepError.class,
        () -> world.runFailingAfter("dataset", Map.of("dataset", world.dataset.id()), "download"));
    assertEquals("injected_fault", download.step());
    assertEquals(before, world.snapshot(), "the cached download is gone");

    DatasetResult dm = (DatasetResult) world.run("dataset", Map.of("dataset", world.dataset.id(), "outputDir", temp.resolve("dm").toString()));
    SortedMap<String, String> withDownload = world.snapshot();
    assertThrows(StepError.class, () -> world.runFailingAfter("dataset", Map.of("operation", "convert", "path", dm.path()), "convert"));
    assertFalse(Files.exists(temp.resolve("dm_yolo")), "the conversion is gone");
    assertEquals(withDownload, world.snapshot());
    assertEquals(List.of("img_a.json", "img_b.json", "img_c.json"), names(temp.resolve("dm/json")), "the source is untouched");

    assertThrows(StepError.class, () -> world.runFailingAfter("dataset", Map.of("dataset", world.dataset.id(),
        "outputDir", temp.resolve("dm2").toString()), "download"));
    assertFalse(Files.exists(temp.resolve("dm2")), "an explicit output directory the run created is removed");
  }

  @Test
  void badParamsFailBeforeAnyStepWithEveryViolation() {
    ValidationError download = assertThrows(ValidationError.class, () -> world.run("dataset", Map.of("splits", Map.of("training", Map.of()))));
    assertEquals(List.of("dataset", "splits.training"), download.violations().stream().map(Violation::path).toList());
    ValidationError convert = assertThrows(ValidationError.class, () -> world.run("dataset", Map.of("operation", "convert",
        "sourceFormat", "tiff", "targetFormat", "yolo")));
    assertEquals(List.of("path", "source_format"), convert.violations().stream().map(Violation::path).toList());
    assertThrows(ValidationError.class, () -> world.run("dataset", Map.of("operation", "explode")));
    StepError missing = assertThrows(StepError.class, () -> world.run("dataset", Map.of("dataset", 999)));
    assertInstanceOf(io.synapse.plugins.kits.client.BackendError.class, missing.getCause());
    StepError noPair = assertThrows(StepError.class, () -> world.run("dataset", Map.of("operation", "convert", "path", temp.toString(),
        "sourceFormat", "pascal", "targetFormat", "coco")));
    assertTrue(noPair.getMessage().contains("No converter from pascal to coco"), noPair.getMessage());
  }

  private static List<String> names(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertClose(List<Double> expected, List<?> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), ((Number) actual.get(i)).doubleValue(), 0.01, "value " + i + " of " + actual);
    }
  }
}
