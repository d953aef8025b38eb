package io.synapse.plugins.kits.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.kits.client.DataUnit;
import io.synapse.plugins.kits.results.UploadResult;
import io.synapse.plugins.kits.support.Images;
import io.synapse.plugins.kits.support.KitWorld;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel metadata (read, found by default name, bounded, hostile workbooks refused) and multi-path assets. */
class UploadMetadataAndAssetsTest {
  @TempDir Path temp;
  KitWorld world;
  Path base;

  @BeforeEach
  void world() throws Exception {
    world = new KitWorld(temp.resolve("world"));
    base = world.storageDir.resolve("incoming");
    Images.png(base.resolve("image_1/cat.png"), 8, 8, 1);
    Images.png(base.resolve("image_1/dog.png"), 8, 8, 2);
    Images.png(base.resolve("image_1/deep/owl.png"), 8, 8, 3);
    Files.createDirectories(base.resolve("label_1"));
    Files.writeString(base.resolve("label_1/cat.json"), "{\"boxes\": []}");
  }

  private Map<String, Object> params(Map<String, Object> extra) {
    Map<String, Object> params = new LinkedHashMap<>(Map.of("name", "up", "storage", world.storage.id(),
        "dataCollection", world.collection.id(), "path", "incoming"));
    params.putAll(extra);
    return params;
  }

  static Path workbook(Workbook book, Path file, List<List<Object>> rows) throws Exception {
    try (book) {
      Sheet sheet = book.createSheet("meta");
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          Object value = rows.get(r).get(c);
          if (value instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else if (value != null) {
            row.createCell(c).setCellValue(String.valueOf(value));
          }
        }
      }
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        book.write(out);
      }
    }
    return file;
  }

  private DataUnit unit(UploadResult result, String stem) {
    return result.dataUnitIds().stream().map(world.backend::getDataUnit).filter(u -> stem.equals(u.meta().get("origin_file_stem")))
        .findFirst().orElseThrow();
  }

  @Test
  void anXlsxAndAnXlsGiveTheirRowsToTheUnits() throws Exception {
    List<List<Object>> rows = List.of(List.of("source", "filename", "frames"), List.of("camera-9", "cat.png", 12),
        java.util.Arrays.asList(null, null, null), java.util.Arrays.asList("camera-7", "dog", null));
    workbook(new XSSFWorkbook(), base.resolve("sheets/meta.xlsx"), rows);
    UploadResult xlsx = (UploadResult) world.run("upload", params(Map.of("excelMetadataPath", "sheets/meta.xlsx")));
    assertEquals(Map.of("origin_file_stem", "cat", "source", "camera-9", "frames", "12"), unit(xlsx, "cat").meta());
    assertEquals(Map.of("origin_file_stem", "dog", "source", "camera-7"), unit(xlsx, "dog").meta());

    workbook(new HSSFWorkbook(), base.resolve("sheets/legacy.xls"), rows);
    UploadResult xls = (UploadResult) world.run("upload", params(Map.of("metadataPath", "sheets/legacy.xls")));
    assertEquals(Map.of("origin_file_stem", "cat", "source", "camera-9", "frames", "12"), unit(xls, "cat").meta());
  }

  @Test
  void metaXlsxInTheUploadPathIsReadWhenNoFileIsNamed() throws Exception {
    Files.writeString(base.resolve("meta.csv"), "filename,source\ncat.png,from-csv\n");
    workbook(new XSSFWorkbook(), base.resolve("meta.xlsx"), List.of(List.of("filename", "source"), List.of("cat.png", "from-xlsx")));
    UploadResult result = (UploadResult) world.run("upload", params(Map.of()));
    assertEquals("from-xlsx", unit(result, "cat").meta().get("source"), "meta.xlsx comes before meta.csv");
  }

  @Test
  void hostileWorkbooksFailTheMetadataStepWithATypedErrorAndUploadNothing() throws Exception {
    Files.writeString(base.resolve("fake.xlsx"), "filename,source\ncat.png,x\n"); // text with an Excel name
    Files.write(base.resolve("garbage.xls"), new byte[4096]);
    Files.write(base.resolve("empty.xlsx"), new byte[0]);
    workbook(new XSSFWorkbook(), base.resolve("blank.xlsx"), List.of());
    Files.write(base.resolve("huge.xlsx"), new byte[11 * 1024 * 1024]);
    Map<String, String> expected = Map.of("fake.xlsx", "format", "garbage.xls", "format", "empty.xlsx", "format", "blank.xlsx", "header",
        "huge.xlsx", "size");
    SortedMap<String, String> before = world.snapshot();
    for (Map.Entry<String, String> file : expected.entrySet()) {
      StepError error = assertThrows(StepError.class, () -> world.run("upload", params(Map.of("excelMetadataPath", file.getKey()))),
          file.getKey());
      assertEquals("process_metadata", error.step(), file.getKey());
      MetadataError cause = assertInstanceOf(MetadataError.class, error.getCause(), file.getKey());
      assertEquals(file.getValue(), cause.violation(), file.getKey() + ": " + cause.getMessage());
      assertEquals(file.getKey(), cause.details().get("file"));
      assertEquals(before, world.snapshot(), "nothing uploaded after " + file.getKey());
    }
  }

  @Test
  void theRowColumnAndLengthLimitsAreCheckedAsTheSheetIsRead() throws Exception {
    MetadataLimits small = new MetadataLimits(1024 * 1024, 50, 3, 10, 12, 5, 8L * 1024 * 1024);
    Path many = base.resolve("many.xlsx");
    try (SXSSFWorkbook book = new SXSSFWorkbook(10)) {
      Sheet sheet = book.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("filename");
      for (int r = 1; r <= 5000; r++) {
        sheet.createRow(r).createCell(0).setCellValue("f" + r + ".png");
      }
      try (OutputStream out = Files.newOutputStream(many)) {
        book.write(out);
      }
    }
    MetadataError rows = assertThrows(MetadataError.class, () -> MetadataFiles.read(many, small));
    assertEquals("rows", rows.violation());
    assertEquals(50L, rows.details().get("limit"));
    for (String name : List.of("wide.xlsx", "wide.xls")) {
      Path wide = workbook(name.endsWith("x") ? new XSSFWorkbook() : new HSSFWorkbook(), base.resolve(name),
          List.of(List.of("filename", "a", "b", "c"), List.of("x.png", "1", "2", "3")));
      assertEquals("columns", assertThrows(MetadataError.class, () -> MetadataFiles.read(wide, small)).violation(), name);
    }
    Path lengths = workbook(new XSSFWorkbook(), base.resolve("lengths.xlsx"), List.of(List.of("filename", "short", "a-very-long-name"),
        List.of("ok.png", "tiny", "dropped"), List.of("cut.png", "too-long", "x"), List.of("a-long-file-name.png", "x", "x")));
    assertEquals(Map.of("ok.png", Map.of("short", "tiny"), "cut.png", Map.of()), MetadataFiles.read(lengths, small),
        "long names and values are dropped, as the platform does");
    Path csv = base.resolve("many.csv");
    Files.writeString(csv, "filename\n" + "x.png\n".repeat(60));
    assertEquals("rows", assertThrows(MetadataError.class, () -> MetadataFiles.read(csv, small)).violation());
  }

  @Test
  void multiPathAssetsReadEachSpecificationFromItsOwnDirectory() throws Exception {
    Path elsewhere = world.storageDir.resolve("labels-elsewhere");
    Files.createDirectories(elsewhere.resolve("deep"));
    Files.writeString(elsewhere.resolve("dog.json"), "{}");
    Files.writeString(elsewhere.resolve("deep/owl.json"), "{}");
    Map<String, Object> assets = Map.of("image_1", Map.of("path", "incoming/image_1"),
        "label_1", Map.of("path", "labels-elsewhere", "is_recursive", false));
    UploadResult result = (UploadResult) world.run("upload", Map.of("name", "multi", "storage", world.storage.id(),
        "dataCollection", world.collection.id(), "useSinglePath", false, "assets", assets));
    assertEquals(3, result.dataUnitCount());
    DataUnit dog = unit(result, "dog");
    assertEquals(List.of("image_1", "label_1"), List.copyOf(dog.files().keySet()));
    assertEquals(List.of("image_1"), List.copyOf(unit(result, "deep/owl").files().keySet()), "label_1 is not recursive");
  }

  @Test
  void badModeParamsAreViolationsNamingTheField() {
    ValidationError noAssets = assertThrows(ValidationError.class, () -> world.run("upload", Map.of("name", "m", "storage",
        world.storage.id(), "dataCollection", world.collection.id(), "useSinglePath", false)));
    assertEquals(List.of("assets"), noAssets.violations().stream().map(Violation::path).toList());
    ValidationError noPath = assertThrows(ValidationError.class, () -> world.run("upload", Map.of("name", "m", "storage",
        world.storage.id(), "dataCollection", world.collection.id())));
    assertEquals(List.of("path"), noPath.violations().stream().map(Violation::path).toList());
    ValidationError escape = assertThrows(ValidationError.class, () -> world.run("upload", Map.of("name", "m", "storage",
        world.storage.id(), "dataCollection", world.collection.id(), "useSinglePath", false,
        "assets", Map.of("image_1", Map.of("path", "../../etc")))));
    assertEquals(List.of("assets.image_1.path"), escape.violations().stream().map(Violation::path).toList());
    ValidationError excel = assertThrows(ValidationError.class, () -> world.run("upload", params(Map.of("excelMetadataPath", "../x.xlsx"))));
    assertEquals(List.of("excel_metadata_path"), excel.violations().stream().map(Violation::path).toList());
    StepError both = assertThrows(StepError.class, () -> world.run("upload", params(Map.of("excelMetadataPath", "a.xlsx", "metadataPath", "b.csv"))));
    assertEquals("process_metadata", both.step());
    assertTrue(both.getMessage().contains("not both"), both.getMessage());
  }
}
